/// Runs a `TerminalProgram` without a terminal: feed it keys and sizes, carry out its effects, keep the rendered frame.
///
/// This is the whole event loop except reading keys and drawing; the ncurses backend wraps it, and tests use it
/// directly. It owns the "terminal too small" behaviour: below `minimumSize` the program is not rendered, keys are
/// not delivered (except Ctrl-C, which quits with `TooSmallScreen.interruptExitCode`), and resizes are.
public struct ProgramDriver<Program: TerminalProgram> {
    public private(set) var program: Program
    public private(set) var size: Size
    public let glyphs: GlyphSet
    /// The latest rendering.
    public private(set) var frame: Frame
    /// The rendering before it, drawn over next time. The backend keeps the frame it showed last (to send only the
    /// cells that changed), so the latest frame's storage is shared: clearing it in place would copy all of it
    /// (a quarter of a megabyte at 200x60) on every keystroke. Two frames take turns instead.
    private var spare: Frame?
    /// Set once the program (or Ctrl-C on the too-small screen) quits; later events are ignored.
    public private(set) var exitCode: Int32?
    /// Bells requested since the last `takeBells()`.
    public private(set) var pendingBells = 0

    /// Starts the program: delivers `.resized(size)` (carrying out any effects) and renders the first frame.
    public init(
        program: Program,
        size: Size,
        glyphs: GlyphSet = .unicode,
        perform: (Program.Command) throws -> Program.Message?
    ) rethrows {
        self.program = program
        self.size = size
        self.glyphs = glyphs
        self.frame = Frame(size: size, glyphs: glyphs)
        try deliver(.resized(size), perform: perform)
        render()
    }

    /// Starts a program that needs no commands performed (or whose commands a test ignores).
    public init(program: Program, size: Size, glyphs: GlyphSet = .unicode) {
        self.init(program: program, size: size, glyphs: glyphs, perform: { _ in nil })
    }

    public var isTooSmall: Bool { !size.fits(program.minimumSize) }
    public var isFinished: Bool { exitCode != nil }

    /// Delivers a key, carries out the effects, and re-renders. `.resize` keys are ignored here: the backend calls
    /// `resize(to:)` with the new size instead.
    public mutating func send(_ key: Key, perform: (Program.Command) throws -> Program.Message?) rethrows {
        guard exitCode == nil, key != .resize else { return }
        if isTooSmall {
            if key == .interrupt { exitCode = TooSmallScreen.interruptExitCode }
            return
        }
        try deliver(.key(key), perform: perform)
        render()
    }

    /// Sends keys in order (stopping once the program quits).
    public mutating func send(_ keys: [Key], perform: (Program.Command) throws -> Program.Message?) rethrows {
        for key in keys where exitCode == nil { try send(key, perform: perform) }
    }

    /// Types `text` (see `Key.typing`).
    public mutating func type(_ text: String, perform: (Program.Command) throws -> Program.Message?) rethrows {
        try send(Key.typing(text), perform: perform)
    }

    /// The terminal is now `newSize`: tells the program and re-renders (a fresh frame of the new size).
    public mutating func resize(to newSize: Size, perform: (Program.Command) throws -> Program.Message?) rethrows {
        guard exitCode == nil else { return }
        size = newSize
        frame = Frame(size: newSize, glyphs: glyphs)
        try deliver(.resized(newSize), perform: perform)
        render()
    }

    /// `send(_:perform:)` ignoring commands.
    public mutating func send(_ key: Key) { send(key, perform: { _ in nil }) }

    /// `send(_:perform:)` for several keys, ignoring commands.
    public mutating func send(_ keys: [Key]) { send(keys, perform: { _ in nil }) }

    /// `type(_:perform:)` ignoring commands.
    public mutating func type(_ text: String) { type(text, perform: { _ in nil }) }

    /// `resize(to:perform:)` ignoring commands.
    public mutating func resize(to newSize: Size) { resize(to: newSize, perform: { _ in nil }) }

    /// Returns and resets the number of bells requested.
    public mutating func takeBells() -> Int {
        defer { pendingBells = 0 }
        return pendingBells
    }

    /// Runs `event` through the program and carries out the effects breadth-first: a message answering a command is
    /// delivered after the effects already queued, and everything stops at the first `.quit`.
    private mutating func deliver(_ event: ProgramEvent<Program.Message>, perform: (Program.Command) throws -> Program.Message?) rethrows {
        var queue = program.update(event)
        var next = 0
        while next < queue.count, exitCode == nil {
            let effect = queue[next]
            next += 1
            switch effect {
            case .quit(let code):
                exitCode = code
            case .bell:
                pendingBells += 1
            case .perform(let command):
                if let message = try perform(command) {
                    queue += program.update(.message(message))
                }
            }
        }
    }

    private mutating func render() {
        var next = spare.take() ?? Frame(size: size, glyphs: glyphs)
        if next.size != size { next = Frame(size: size, glyphs: glyphs) }
        swap(&frame, &next)
        spare = consume next
        frame.clear()
        if isTooSmall {
            TooSmallScreen.render(current: size, minimum: program.minimumSize, into: &frame)
        } else {
            program.render(into: &frame)
        }
    }
}
