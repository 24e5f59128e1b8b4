#ifndef OIDC_WIZARD_CNCURSESW_SHIM_H
#define OIDC_WIZARD_CNCURSESW_SHIM_H
// The wide-character API (get_wch, cchar_t, ...) is hidden unless these are defined first.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

// Swift 6 strict concurrency rejects C globals and bit-expression macros: reach them through accessors.
static inline WINDOW *oidcw_stdscr(void) { return stdscr; }
static inline attr_t oidcw_a_bold(void) { return A_BOLD; }
static inline attr_t oidcw_a_reverse(void) { return A_REVERSE; }
static inline attr_t oidcw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t oidcw_a_dim(void) { return A_DIM; }
static inline attr_t oidcw_a_normal(void) { return A_NORMAL; }
static inline attr_t oidcw_color_pair(int n) { return COLOR_PAIR(n); }
#endif
