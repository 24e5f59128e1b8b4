// The only code that touches ncurses.
import CNcursesw
