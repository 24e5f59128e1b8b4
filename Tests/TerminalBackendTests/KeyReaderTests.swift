import CNcursesw
import Testing
@testable import TerminalBackend
import WizardUI

@Suite("Reading keys: what arrives together with an Esc")
struct KeyReaderTests {
    /// What a terminal has sent, as ncurses passes it on; reads past the end find nothing (a read that waits would
    /// block there, so the tests never make one).
    struct Sent: KeySource {
        var inputs: [KeyInput]
        var waitedAtTheEnd = false

        init(_ inputs: [KeyInput]) { self.inputs = inputs }

        mutating func next(waiting: Bool) -> KeyInput {
            guard !inputs.isEmpty else {
                if waiting { waitedAtTheEnd = true }
                return .none
            }
            return inputs.removeFirst()
        }

        mutating func putBack(_ input: KeyInput) { inputs.insert(input, at: 0) }
    }

    static func text(_ text: String) -> [KeyInput] { text.unicodeScalars.map { KeyInput(status: OK, value: $0.value) } }
    static let esc = KeyInput(status: OK, value: 27)
    static func code(_ code: Int32) -> KeyInput { KeyInput(status: KEY_CODE_YES, value: UInt32(bitPattern: code)) }

    /// Every key read from `inputs`, until they run out.
    static func keys(_ inputs: [KeyInput]) throws -> [Key?] {
        var sent = Sent(inputs)
        var keys: [Key?] = []
        while !sent.inputs.isEmpty { keys.append(try KeyReader.read(from: &sent)) }
        #expect(!sent.waitedAtTheEnd)
        return keys
    }

    @Test("Esc with nothing after it is Esc")
    func loneEscape() throws {
        #expect(try Self.keys([Self.esc]) == [.escape])
        #expect(try Self.keys([Self.esc] + Self.text("a")).count == 1, "a letter sent with the Esc belongs to it")
    }

    @Test("Readline's Alt-B, Alt-F, Alt-D and Alt-Backspace arrive as Esc and the key, and read as one Alt key")
    func altLetters() throws {
        #expect(try Self.keys([Self.esc] + Self.text("b")) == [.alt("b")])
        #expect(try Self.keys([Self.esc] + Self.text("F")) == [.alt("F")])
        #expect(try Self.keys([Self.esc] + Self.text("d") + Self.text("x")) == [.alt("d"), .character("x")])
        #expect(try Self.keys([Self.esc, KeyInput(status: OK, value: 127)]) == [.altBackspace])
        #expect(try Self.keys([Self.esc, KeyInput(status: OK, value: 8)]) == [.altBackspace])
        #expect(try Self.keys([Self.esc, Self.code(KEY_BACKSPACE)]) == [.altBackspace])
        #expect(try Self.keys([Self.esc] + Self.text("é")) == [.alt("é")])
    }

    @Test("Esc then Left or Right, as rxvt sends Alt-Left and Alt-Right, moves a word")
    func altArrows() throws {
        #expect(try Self.keys([Self.esc, Self.code(KEY_LEFT)]) == [.wordLeft])
        #expect(try Self.keys([Self.esc, Self.code(KEY_RIGHT)]) == [.wordRight])
    }

    @Test("Esc before Enter, Tab, another Esc or a function key stays Esc, and that key is read on its own")
    func escapeThenAKey() throws {
        #expect(try Self.keys([Self.esc, Self.esc]) == [.escape, .escape])
        #expect(try Self.keys([Self.esc, KeyInput(status: OK, value: 13)]) == [.escape, .enter])
        #expect(try Self.keys([Self.esc, KeyInput(status: OK, value: 9)]) == [.escape, .tab])
        #expect(try Self.keys([Self.esc, Self.code(KEY_UP)]) == [.escape, .up])
        #expect(try Self.keys([Self.esc, Self.code(KEY_RESIZE)]) == [.escape, .resize])
        #expect(try Self.keys([Self.esc, Self.esc] + Self.text("b")) == [.escape, .alt("b")])
    }

    @Test("A key ncurses has no entry for is dropped whole, never typed as \"[1;5A\"")
    func unknownSequences() throws {
        #expect(try Self.keys([Self.esc] + Self.text("[1;5A")) == [nil])
        #expect(try Self.keys([Self.esc] + Self.text("[1;5Ax")) == [nil, .character("x")])
        #expect(try Self.keys([Self.esc] + Self.text("OQ")) == [nil])
        #expect(try Self.keys([Self.esc] + Self.text("[200~")) == [nil])
        // Cut short by a key of its own: the partial sequence goes, the key stays.
        #expect(try Self.keys([Self.esc] + Self.text("[1;") + [KeyInput(status: OK, value: 13)]) == [nil, .enter])
        #expect(try Self.keys([Self.esc] + Self.text("[") + [Self.code(KEY_DOWN)]) == [nil, .down])
    }

    @Test("Alt-[ and Alt-O on their own are Alt keys")
    func altBracket() throws {
        #expect(try Self.keys([Self.esc] + Self.text("[")) == [.alt("[")])
        #expect(try Self.keys([Self.esc] + Self.text("O")) == [.alt("O")])
    }

    @Test("A sequence that never ends is cut at its longest length; what follows is read as keys")
    func endlessSequence() throws {
        let digits = String(repeating: "1", count: KeyReader.longestSequence + 3)
        #expect(try Self.keys([Self.esc] + Self.text("[" + digits)) == [nil, .character("1"), .character("1"), .character("1")])
    }

    @Test("A read that keeps failing means the terminal is gone: TerminalLost, not a hang")
    func lostTerminal() {
        struct Closed: KeySource {
            mutating func next(waiting: Bool) -> KeyInput { .none }
            mutating func putBack(_ input: KeyInput) {}
        }
        var closed = Closed()
        #expect(throws: TerminalLost.self) { try KeyReader.read(from: &closed) }
    }
}
