/// A full-screen program in the Elm style: the conforming value *is* the state; `update` turns events into a new
/// state plus effects (never doing I/O itself); `render` draws the state into a frame (a pure function of the state
/// and the frame's size and glyphs).
///
/// The same program runs under the ncurses backend (`TerminalSession.run`) and under `ProgramDriver` in tests, so a
/// test that types keys and compares frames exercises exactly what a person sees.
///
/// Side effects the program needs (writing files, …) are values of its own `Command` type returned as
/// `.perform(command)`; the app carries them out outside the program and may answer with a `Message`, which comes back
/// as `.message(…)`. Programs without such needs leave both as `Never`.
public protocol TerminalProgram {
    associatedtype Command: Sendable = Never
    associatedtype Message: Sendable = Never

    /// Below this size the loop shows the "terminal too small" screen instead of calling `render`.
    var minimumSize: Size { get }

    /// Handles one event and returns the effects to carry out, in order. The first event is always `.resized` with
    /// the starting size.
    mutating func update(_ event: ProgramEvent<Message>) -> [Effect<Command>]

    /// Draws the current state. `frame` arrives blank, `frame.size` fits `minimumSize`, and `frame.glyphs` suits
    /// the terminal. Set `frame.cursor` to show the cursor.
    func render(into frame: inout Frame)
}

/// What a program reacts to.
public enum ProgramEvent<Message: Sendable>: Sendable {
    case key(Key)
    /// The screen size, at start and after every change. Programs keep it if their navigation depends on layout
    /// (page sizes, text field widths).
    case resized(Size)
    /// The answer to a `.perform` effect.
    case message(Message)
}

extension ProgramEvent: Equatable where Message: Equatable {}

/// Something the program asks the loop to do.
public enum Effect<Command: Sendable>: Sendable {
    /// Restore the terminal and end with this exit code.
    case quit(exitCode: Int32)
    /// Ring the terminal bell (e.g. a key that does nothing here).
    case bell
    /// Carry out an app-defined command, outside the pure program.
    case perform(Command)
}

extension Effect: Equatable where Command: Equatable {}
