// The pure TUI layer: state + key -> update -> effects, rendered into an in-memory cell frame.
// No terminal code lives here; see TerminalBackend for the ncurses side.
