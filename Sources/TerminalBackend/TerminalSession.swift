import CNcursesw
import Glibc
import WizardUI

/// One open full-screen terminal: ncurses set up on `/dev/tty`, colours, key reading and frame drawing.
///
/// ncurses is process-global, so open one session at a time and call `close()` exactly once (it is idempotent, and
/// `run` does it in a `defer`). Termination signals restore the terminal while the session is open.
public final class TerminalSession {
    /// How colours are shown.
    public enum ColorMode: Sendable, Equatable {
        case color
        /// `NO_COLOR` is set or the terminal has no colours: roles become bold/reverse/underline/dim.
        case monochrome
    }

    public let glyphs: GlyphSet
    public let colorMode: ColorMode
    public private(set) var size: Size

    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private let outputFile: UnsafeMutablePointer<FILE>?
    private let inputFile: UnsafeMutablePointer<FILE>?
    private var palette: ColorPalette
    private let isUTF8: Bool
    /// What is on the terminal now, to send only the cells that changed.
    private var shown: Frame?
    private var savedSignalActions: [(signal: Int32, action: UnsafeMutableRawPointer)] = []
    private var cursorVisible: Bool?

    static let restoredSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Opens the terminal the way the wizard needs it, or throws `TerminalUnavailable` having changed nothing.
    ///
    /// - Parameters:
    ///   - requireTerminalStreams: refuse unless stdin and stdout are terminals (the interactive wizard's contract).
    ///   - devicePath: where to draw and read keys; `/dev/tty` keeps stdout free for data.
    public static func open(requireTerminalStreams: Bool = true, devicePath: String = "/dev/tty") throws -> TerminalSession {
        setlocale(LC_ALL, "")
        if requireTerminalStreams {
            if isatty(STDIN_FILENO) == 0 { throw TerminalUnavailable(reason: "standard input is not a terminal") }
            if isatty(STDOUT_FILENO) == 0 { throw TerminalUnavailable(reason: "standard output is not a terminal") }
        }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalUnavailable(reason: "TERM is not set")
        }
        if term == "dumb" { throw TerminalUnavailable(reason: "TERM is \"dumb\" (no cursor movement)") }
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        return try TerminalSession(term: term, outputPath: devicePath, inputPath: devicePath, noColor: noColor)
    }

    /// A session that draws to `/dev/null` and reads no keys, at a fixed `size`: ncurses does all its work (the cells
    /// sent, the screen updates worked out and written) but no terminal shows it. For the benchmark, which times the
    /// drawing a person's terminal waits for.
    public static func headless(term: String = "xterm-256color", size: Size, noColor: Bool = false) throws -> TerminalSession {
        try TerminalSession(term: term, outputPath: "/dev/null", inputPath: "/dev/null", noColor: noColor, size: size)
    }

    /// Opens a session on explicit files. Headless tests use `/dev/null` for both and give the `size`, which
    /// a file that is not a terminal cannot tell (not through LINES/COLUMNS: the environment is the whole test
    /// process's, and other tests start programs from it at the same time).
    init(term: String, outputPath: String, inputPath: String, noColor: Bool, size fixedSize: Size? = nil) throws {
        var out: UnsafeMutablePointer<FILE>?
        var input: UnsafeMutablePointer<FILE>?
        guard let screen = oidcw_open_screen(term, outputPath, inputPath, &out, &input) else {
            throw TerminalUnavailable(reason: "the terminal type \"\(term)\" (TERM) is unknown or cannot be used here")
        }
        self.screen = screen
        self.outputFile = out
        self.inputFile = input
        guard let window = oidcw_stdscr() else {
            oidcw_close_screen(screen, out, input)
            throw TerminalUnavailable(reason: "ncurses could not create the screen")
        }
        self.window = window
        if let fixedSize { resize_term(Int32(fixedSize.height), Int32(fixedSize.width)) }

        let codeset = String(cString: oidcw_codeset()).lowercased().filter { $0 != "-" && $0 != "_" }
        isUTF8 = codeset == "utf8"
        glyphs = isUTF8 ? .unicode : .ascii

        // Ctrl-C as a key (one quit path, through the program), no echo, Enter as 13, decoded arrows and F-keys,
        // a short Escape delay so Esc feels immediate.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        leaveok(window, false)

        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colorMode = .color
            palette = ColorPalette(maximumPairs: oidcw_color_pairs())
        } else {
            colorMode = .monochrome
            palette = ColorPalette(maximumPairs: 0)
        }
        size = Size(width: Int(oidcw_getmaxx(window)), height: Int(oidcw_getmaxy(window)))
        installSignalHandlers()
    }

    deinit {
        close()
    }

    /// Restores the terminal and releases ncurses. Safe to call more than once.
    public func close() {
        guard let screen else { return }
        self.screen = nil
        if cursorVisible != nil { curs_set(1) }
        endwin()
        // Put the previous signal dispositions back before ncurses forgets the screen, so a late signal can never
        // reach a handler that touches a deleted screen.
        for saved in savedSignalActions {
            _ = oidcw_restore_handler(saved.signal, saved.action)
            saved.action.deallocate()
        }
        savedSignalActions.removeAll()
        oidcw_close_screen(screen, outputFile, inputFile)
    }

    private func installSignalHandlers() {
        for signal in TerminalSession.restoredSignals {
            let storage = UnsafeMutableRawPointer.allocate(byteCount: oidcw_sigaction_size(), alignment: 16)
            if oidcw_install_restoring_handler(signal, storage) == 0 {
                savedSignalActions.append((signal, storage))
            } else {
                storage.deallocate()
            }
        }
    }

    /// Asks ncurses for the current size (after `.resize`).
    @discardableResult
    public func refreshSize() -> Size {
        size = Size(width: Int(oidcw_getmaxx(window)), height: Int(oidcw_getmaxy(window)))
        return size
    }

    /// Blocks until a key arrives and decodes it (see `KeyReader`); `nil` for input that means nothing (the caller
    /// just reads again). Throws `TerminalLost` when input keeps failing (the terminal closed).
    public func readKey() throws -> Key? {
        var source = WindowKeys(window: window)
        return try KeyReader.read(from: &source)
    }

    /// Keys from ncurses: `wget_wch`, waiting or not (`wtimeout`), and ncurses's own queue to put one back.
    private struct WindowKeys: KeySource {
        let window: UnsafeMutablePointer<WINDOW>

        func next(waiting: Bool) -> KeyInput {
            if !waiting { wtimeout(window, 0) }
            defer { if !waiting { wtimeout(window, -1) } }
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            return KeyInput(status: status, value: UInt32(value))
        }

        func putBack(_ input: KeyInput) {
            if input.status == KEY_CODE_YES {
                _ = ungetch(Int32(bitPattern: input.value))
            } else {
                _ = unget_wch(wchar_t(bitPattern: input.value))
            }
        }
    }

    public func beep() {
        _ = CNcursesw.beep()
    }

    /// Shows `frame`: sends the cells that differ from what is on screen (everything after a size change), places
    /// or hides the cursor, and updates the terminal once.
    ///
    /// A keystroke changes a few thousand cells at 200×60 (every subject in the preview, the findings and the table
    /// mention the owner being typed), so the work per cell is kept to the ncurses call: the character is decoded
    /// from the cell's bytes (`Cell.scalarValues`), and a run of cells in one style looks its colours up once.
    public func draw(_ frame: Frame) {
        let full = shown?.size != frame.size
        if full {
            werase(window)
            clearok(window, true)
        }
        var palette = self.palette  // a local copy: no exclusivity check per cell (written back below)
        let colorMode = self.colorMode, isUTF8 = self.isUTF8, window = self.window
        var lastStyle: Style?
        var look: (attributes: attr_t, pair: Int32) = (0, 0)
        let capacity = Int(oidcw_ccharw_max())
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Cell.capacity) { decoded in
            withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Cell.capacity) { scalars in
                let text = scalars.baseAddress!
                frame.forEachChange(since: full ? nil : shown) { x, y, cell in
                    let style = cell.style
                    if style != lastStyle {
                        lastStyle = style
                        let (pair, attributes) = colorMode == .color ? palette.resolve(style) : (0, style.monochrome.attributes)
                        look = (Self.attr(attributes), pair)
                    }
                    var count = cell.scalarValues(into: decoded)
                    if !isUTF8 {
                        // Without a UTF-8 locale the terminal cannot show other characters: "?" rather than garbage.
                        text[0] = count == 1 && decoded[0] < 0x80 ? wchar_t(decoded[0]) : wchar_t(UInt8(ascii: "?"))
                        count = 1
                    } else if count > capacity {
                        // A grapheme longer than a cchar_t holds (long emoji sequences) is shown by its base character.
                        text[0] = wchar_t(bitPattern: decoded[0])
                        count = 1
                    } else {
                        for i in 0..<count { text[i] = wchar_t(bitPattern: decoded[i]) }
                    }
                    _ = oidcw_draw_cell(window, Int32(y), Int32(x), text, Int32(count), look.attributes, look.pair)
                    if !isUTF8, cell.isWide {
                        text[0] = wchar_t(UInt8(ascii: " "))
                        _ = oidcw_draw_cell(window, Int32(y), Int32(x + 1), text, 1, look.attributes, look.pair)
                    }
                }
            }
        }
        self.palette = palette
        if let cursor = frame.cursor, frame.bounds.contains(cursor) {
            setCursorVisible(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(window)
        doupdate()
        shown = frame
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    private static func attr(_ attributes: TextAttributes) -> attr_t {
        var result = oidcw_a_normal()
        if attributes.contains(.bold) { result |= oidcw_a_bold() }
        if attributes.contains(.reverse) { result |= oidcw_a_reverse() }
        if attributes.contains(.underline) { result |= oidcw_a_underline() }
        if attributes.contains(.dim) { result |= oidcw_a_dim() }
        return result
    }

    /// The characters ncurses holds for row `y` (headless tests read back what was drawn).
    func readRow(_ y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: size.width + 1)
        let n = oidcw_read_row(window, Int32(y), &buffer, Int32(size.width))
        guard n > 0 else { return "" }
        var result = ""
        for value in buffer.prefix(Int(n)) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
