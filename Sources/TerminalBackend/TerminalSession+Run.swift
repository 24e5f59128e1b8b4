import WizardUI

/// How a program run ended: its exit code and its final state (e.g. to print what was written once the screen is gone).
public struct RunResult<Program: TerminalProgram> {
    public let exitCode: Int32
    public let program: Program
}

extension TerminalSession {
    /// Runs `program` full screen until it quits: render → read key → update → perform effects → render, with
    /// resizes and the too-small screen handled by `ProgramDriver`. The terminal is restored on every way out: the
    /// program quitting, `perform` or the terminal throwing (the error propagates after restoring), and termination
    /// signals (see `open`).
    ///
    /// `perform` carries out the program's commands (with the screen still up) and may answer with a message.
    public static func run<Program: TerminalProgram>(
        _ program: Program,
        requireTerminalStreams: Bool = true,
        perform: (Program.Command) throws -> Program.Message? = { _ in nil }
    ) throws -> RunResult<Program> {
        let session = try TerminalSession.open(requireTerminalStreams: requireTerminalStreams)
        defer { session.close() }
        return try session.run(program, perform: perform)
    }

    /// Runs `program` on this already open session (which stays open afterwards).
    public func run<Program: TerminalProgram>(
        _ program: Program,
        perform: (Program.Command) throws -> Program.Message? = { _ in nil }
    ) throws -> RunResult<Program> {
        var driver = try ProgramDriver(program: program, size: refreshSize(), glyphs: glyphs, perform: perform)
        draw(driver.frame)
        while !driver.isFinished {
            guard let key = try readKey() else { continue }
            if key == .resize {
                try driver.resize(to: refreshSize(), perform: perform)
            } else {
                try driver.send(key, perform: perform)
            }
            for _ in 0..<driver.takeBells() { beep() }
            if !driver.isFinished { draw(driver.frame) }
        }
        return RunResult(exitCode: driver.exitCode ?? 0, program: driver.program)
    }
}
