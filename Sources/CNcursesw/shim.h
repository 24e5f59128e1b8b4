#ifndef OIDC_WIZARD_CNCURSESW_SHIM_H
#define OIDC_WIZARD_CNCURSESW_SHIM_H
// The wide-character API (get_wch, cchar_t, ...) is hidden unless these are defined first.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Swift 6 strict concurrency rejects C globals and bit-expression macros: reach them through accessors.
static inline WINDOW *oidcw_stdscr(void) { return stdscr; }
static inline attr_t oidcw_a_bold(void) { return A_BOLD; }
static inline attr_t oidcw_a_reverse(void) { return A_REVERSE; }
static inline attr_t oidcw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t oidcw_a_dim(void) { return A_DIM; }
static inline attr_t oidcw_a_normal(void) { return A_NORMAL; }
static inline attr_t oidcw_color_pair(int n) { return COLOR_PAIR(n); }
static inline int oidcw_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int oidcw_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int oidcw_colors(void) { return COLORS; }
static inline int oidcw_color_pairs(void) { return COLOR_PAIRS; }
static inline int oidcw_key_f0(void) { return KEY_F0; }
static inline int oidcw_ccharw_max(void) { return CCHARW_MAX; }

// The locale's character set name ("UTF-8", "ANSI_X3.4-1968", ...), after setlocale(LC_ALL, "").
static inline const char *oidcw_codeset(void) { return nl_langinfo(CODESET); }

// Opens a screen whose output goes to `out_path` and input comes from `in_path` (normally both /dev/tty, so stdout
// stays free for data; /dev/null in headless tests). Returns NULL — with nothing left open — when a file cannot be
// opened or TERM is unusable; newterm, unlike initscr, reports that instead of exiting the process.
static inline SCREEN *oidcw_open_screen(const char *term, const char *out_path, const char *in_path,
                                        FILE **out_file, FILE **in_file) {
    *out_file = fopen(out_path, "w");
    *in_file = fopen(in_path, "r");
    if (*out_file == NULL || *in_file == NULL) {
        if (*out_file) fclose(*out_file);
        if (*in_file) fclose(*in_file);
        *out_file = NULL;
        *in_file = NULL;
        return NULL;
    }
    SCREEN *screen = newterm(term, *out_file, *in_file);
    if (screen == NULL) {
        fclose(*out_file);
        fclose(*in_file);
        *out_file = NULL;
        *in_file = NULL;
    }
    return screen;
}

static inline void oidcw_close_screen(SCREEN *screen, FILE *out_file, FILE *in_file) {
    delscreen(screen);
    if (out_file) fclose(out_file);
    if (in_file) fclose(in_file);
}

// Termination signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) restore the terminal, then die of the same signal so the
// parent sees the real cause (a shell reports 128 + signal). signal() and raise() are async-signal-safe; endwin() is
// not formally, but it only writes the reset sequences and restores the saved tty modes — the same thing ncurses'
// own SIGINT/SIGTERM handler does — and leaving the user's terminal raw and invisible is the worse outcome.
static inline void oidcw_restore_terminal_and_reraise(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline size_t oidcw_sigaction_size(void) { return sizeof(struct sigaction); }

// Installs the restoring handler for `sig`, saving the previous disposition into `saved` (oidcw_sigaction_size bytes).
static inline int oidcw_install_restoring_handler(int sig, void *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = oidcw_restore_terminal_and_reraise;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(sig, &action, (struct sigaction *)saved);
}

static inline int oidcw_restore_handler(int sig, const void *saved) {
    return sigaction(sig, (const struct sigaction *)saved, NULL);
}

// Builds a cchar_t from up to CCHARW_MAX scalars (a grapheme) and draws it at (y, x).
static inline int oidcw_draw_cell(WINDOW *w, int y, int x, const wchar_t *scalars, int count, attr_t attrs, int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = scalars[i];
    text[n] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, text, attrs, (short)pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

// Reads back the characters of one row (headless tests).
static inline int oidcw_read_row(WINDOW *w, int y, wchar_t *buffer, int capacity) {
    return mvwinnwstr(w, y, 0, buffer, capacity);
}
#endif
