import Glibc
import Testing
@testable import TerminalBackend
import WizardUI

/// ncurses is process-global: these tests run one at a time, on a terminal that writes to /dev/null.
@Suite("Drawing through real ncurses, headless", .serialized)
struct HeadlessSessionTests {
    func withSession(width: Int, height: Int, noColor: Bool = false, locale: String = "C.UTF-8", _ body: (TerminalSession) throws -> Void) throws {
        setlocale(LC_ALL, locale)
        defer { setlocale(LC_ALL, "C.UTF-8") }
        let session = try TerminalSession(term: "xterm-256color", outputPath: "/dev/null", inputPath: "/dev/null", noColor: noColor,
                                          size: Size(width: width, height: height))
        defer { session.close() }
        try body(session)
    }

    @Test("A frame with wide characters, styles and a box reaches the ncurses screen cell for cell")
    func drawsFrames() throws {
        try withSession(width: 20, height: 4) { session in
            #expect(session.size == Size(width: 20, height: 4))
            var frame = Frame(size: session.size, glyphs: session.glyphs)
            let inside = frame.drawBox(frame.bounds, style: .foreground(.accent), title: "日本")
            frame.draw([Span("HIGH", style: .foreground(.high, .bold)), Span(" 漢字 ok")], in: inside)
            session.draw(frame)
            #expect(session.readRow(0) == "┌ 日本 ────────────┐")
            #expect(session.readRow(1) == "│HIGH 漢字 ok      │")

            // Only changed cells are sent; the screen still ends up equal to the new frame.
            frame.draw("LOW ", at: Position(x: 1, y: 1))
            session.draw(frame)
            #expect(session.readRow(1) == "│LOW  漢字 ok      │")
        }
    }

    @Test("Without colour (NO_COLOR) styles still draw, as attributes")
    func monochrome() throws {
        try withSession(width: 10, height: 2, noColor: true) { session in
            #expect(session.colorMode == .monochrome)
            var frame = Frame(size: session.size, glyphs: session.glyphs)
            frame.draw("CRITICAL", at: .zero, style: .foreground(.critical))
            session.draw(frame)
            #expect(session.readRow(0) == "CRITICAL  ")
        }
    }

    @Test("Under a non-UTF-8 locale the session picks ASCII glyphs and shows other characters as ?")
    func asciiLocale() throws {
        try withSession(width: 12, height: 3, locale: "C") { session in
            #expect(session.glyphs == .ascii)
            var frame = Frame(size: session.size, glyphs: session.glyphs)
            let inside = frame.drawBox(frame.bounds)
            frame.draw("caf\u{E9} 漢", in: inside)
            session.draw(frame)
            #expect(session.readRow(0) == "+----------+")
            #expect(session.readRow(1) == "|caf? ?    |")
        }
    }

    @Test("An unknown terminal type is refused with a message, leaving nothing open")
    func unknownTerminal() {
        #expect(throws: TerminalUnavailable.self) {
            _ = try TerminalSession(term: "no-such-terminal-type", outputPath: "/dev/null", inputPath: "/dev/null", noColor: false)
        }
        let message = TerminalUnavailable(reason: "TERM is not set").description
        #expect(message.contains("oidc-wizard generate"))
        #expect(!message.contains("\n"))
    }
}
