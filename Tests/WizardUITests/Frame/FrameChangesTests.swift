import Testing
@testable import WizardUI

@Suite("What a backend sends: changed cells and their characters")
struct FrameChangesTests {
    static let characters: [Character] = [
        " ", "a", "~", "é", "e\u{301}", "ß", "─", "│", "✓", "✗", "…", "日", "漢", "😀", "👍🏽", "🇩🇪", "🏳️", "❤️",
        "\u{FF1F}", "ก\u{E31}", "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
    ]

    @Test("A cell's scalar values, decoded from its bytes, are its character's scalars")
    func scalarValues() {
        for character in Self.characters {
            let cell = Cell(character, width: UInt8(CharacterWidth.of(character)))
            let decoded = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Cell.capacity) { buffer in
                Array(buffer.prefix(cell.scalarValues(into: buffer)))
            }
            #expect(decoded == cell.character.unicodeScalars.map(\.value), "\(character)")
        }
    }

    @Test("A buffer too short for every scalar gets the first ones, never a cut scalar")
    func shortBuffer() {
        let cell = Cell("👍🏽", width: 2)
        let first = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 1) { buffer in
            Array(buffer.prefix(cell.scalarValues(into: buffer)))
        }
        #expect(first == [0x1F44D])
    }

    /// Every change `forEachChange` reports, as (x, y, character).
    static func changes(_ frame: Frame, since previous: Frame?) -> [(Int, Int, Character)] {
        var seen: [(Int, Int, Character)] = []
        frame.forEachChange(since: previous) { x, y, cell in seen.append((x, y, cell.character)) }
        return seen
    }

    @Test("Without a previous frame, or after a size change, every cell but continuations is a change")
    func everything() {
        var frame = Frame(size: Size(width: 4, height: 2))
        frame.draw("a日", at: .zero)
        let all = Self.changes(frame, since: nil)
        #expect(all.count == 7, "8 cells less the wide character's continuation")
        #expect(all.first.map { $0.0 == 0 && $0.1 == 0 && $0.2 == "a" } == true)
        #expect(all.contains { $0.0 == 1 && $0.1 == 0 && $0.2 == "日" })
        #expect(!all.contains { $0.0 == 2 && $0.1 == 0 })
        #expect(Self.changes(frame, since: Frame(size: Size(width: 5, height: 2))).count == 7)
    }

    @Test("Only the cells that differ are changes: another character, another style, a wide character's lead")
    func onlyDifferences() {
        var before = Frame(size: Size(width: 6, height: 3))
        before.draw("abc", at: .zero)
        before.draw("xyz", at: Position(x: 0, y: 2))
        var after = before
        #expect(Self.changes(after, since: before).isEmpty)
        after.draw("b", at: Position(x: 1, y: 0))
        #expect(Self.changes(after, since: before).isEmpty, "the same character again is no change")
        after.draw("Q", at: Position(x: 2, y: 0))
        after.draw("y", at: Position(x: 1, y: 2), style: .bold)
        after.draw("漢", at: Position(x: 3, y: 1))
        let changes = Self.changes(after, since: before)
        #expect(changes.map { "\($0.0),\($0.1),\($0.2)" } == ["2,0,Q", "3,1,漢", "1,2,y"])
    }
}
