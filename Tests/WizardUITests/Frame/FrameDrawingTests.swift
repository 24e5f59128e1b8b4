import Testing
@testable import WizardUI

@Suite("Drawing into a frame")
struct FrameDrawingTests {
    @Test("Text is drawn from its origin and cut at the clip rectangle with an ellipsis")
    func textWithEllipsis() {
        var frame = Frame(size: Size(width: 12, height: 2))
        frame.draw("short", at: Position(x: 1, y: 0))
        frame.draw("a rather long line", at: Position(x: 0, y: 1), clip: Rect(x: 0, y: 1, width: 10, height: 1))
        #expect(frame.lines == [" short", "a rather …"])
    }

    @Test("With overflow .clip, text is simply cut; nothing is drawn outside the frame")
    func textClipped() {
        var frame = Frame(size: Size(width: 6, height: 1))
        let end = frame.draw("overflowing", at: Position(x: 2, y: 0), overflow: .clip)
        #expect(frame.lines == ["  over"])
        #expect(end == 6)
        frame.draw("nope", at: Position(x: 0, y: 5))
        frame.draw("nope", at: Position(x: 9, y: 0))
        #expect(frame.lines == ["  over"])
    }

    @Test("The ASCII glyph set cuts with three dots")
    func asciiEllipsis() {
        var frame = Frame(size: Size(width: 10, height: 1), glyphs: .ascii)
        frame.draw("abcdefghijklmn", at: .zero)
        #expect(frame.lines == ["abcdefg..."])
    }

    @Test("A wide character takes its cell and a continuation cell to the right")
    func wideCharacterCells() {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.draw("a漢b", at: .zero)
        #expect(frame[1, 0].isWide)
        #expect(frame[2, 0].isContinuation)
        #expect(frame[3, 0].character == "b")
        #expect(frame.lines == ["a漢b"])
    }

    @Test("A grapheme longer than a cell holds shows something exactly as wide as itself",
          arguments: ["🏳️‍🌈", "❤️‍🔥", "👩🏽‍💻", "👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"])
    func longGraphemes(text: String) throws {
        let character = try #require(text.first)
        #expect(character.utf8.count > Cell.capacity)
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.draw(text, at: .zero)
        let width = CharacterWidth.of(character)
        #expect(Int(frame[0, 0].width) == width)
        #expect(CharacterWidth.of(frame[0, 0].character) == width, "\(frame[0, 0].character.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("A wide character that does not fit at the right edge becomes a space")
    func wideCharacterAtEdge() {
        var frame = Frame(size: Size(width: 5, height: 1))
        frame.draw("ab漢字", at: .zero, overflow: .clip)
        #expect(frame.lines == ["ab漢"])
        var clipped = Frame(size: Size(width: 8, height: 1))
        clipped.draw("x漢字", at: .zero, clip: Rect(x: 0, y: 0, width: 4, height: 1), overflow: .clip)
        #expect(FrameSnapshot.lines(clipped, trimTrailingSpaces: false) == ["x漢     "])
        #expect(!clipped[3, 0].isWide && !clipped[3, 0].isContinuation)
    }

    @Test("Overwriting half of a wide character blanks its other half")
    func overwritingHalves() {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.draw("漢字", at: .zero)
        frame.put("x", at: Position(x: 1, y: 0))
        #expect(frame.lines == [" x字"])
        frame.put("y", at: Position(x: 2, y: 0))
        #expect(frame.lines == [" xy"])
        #expect(!frame[3, 0].isContinuation)
    }

    @Test("An ASCII run drawn over wide characters, from any column to any column, never leaves half of one",
          arguments: 0..<8, 1...8)
    func asciiRunOverWideCharacters(start: Int, length: Int) {
        var frame = Frame(size: Size(width: 10, height: 1))
        frame.draw("漢字漢字漢", at: .zero)
        frame.draw(String(repeating: "a", count: length), at: Position(x: start, y: 0), overflow: .clip)
        for x in 0..<10 {
            if frame[x, 0].isWide { #expect(x + 1 < 10 && frame[x + 1, 0].isContinuation, "lead at \(x)") }
            if frame[x, 0].isContinuation { #expect(x > 0 && frame[x - 1, 0].isWide, "continuation at \(x)") }
        }
        let drawn = (start..<min(10, start + length)).map { frame[$0, 0].character }
        #expect(drawn == Array(repeating: "a", count: drawn.count))
    }

    @Test("The ellipsis never splits a wide character")
    func ellipsisWithWideCharacters() {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.draw("日本語テキスト", at: .zero)
        #expect(frame.lines == ["日本 …"])
    }

    @Test("Control characters in text are shown as replacement glyphs")
    func controlsReplaced() {
        var frame = Frame(size: Size(width: 10, height: 1))
        frame.draw("a\u{1B}[2Jb", at: .zero)
        #expect(frame.lines == ["a\u{FFFD}[2Jb"])
    }

    @Test("Span styles are laid over the cells, so a highlighted row keeps its background under coloured text")
    func stylesLayer() {
        var frame = Frame(size: Size(width: 10, height: 1))
        frame.fill(frame.bounds, style: .background(.selection))
        frame.draw([Span("HIGH", style: .foreground(.high, .bold)), Span(" x")], at: .zero)
        #expect(frame[0, 0].style == Style(foreground: .high, background: .selection, attributes: .bold))
        #expect(frame[5, 0].style == .background(.selection))
        #expect(FrameSnapshot.styleMask(frame) == ["HHHH######"])
    }

    @Test("Text aligns to the centre or the end of a rectangle")
    func alignment() {
        var frame = Frame(size: Size(width: 10, height: 2))
        frame.draw("mid", in: Rect(x: 0, y: 0, width: 10, height: 1), alignment: .center)
        frame.draw("end", in: Rect(x: 0, y: 1, width: 10, height: 1), alignment: .trailing)
        #expect(frame.lines == ["   mid", "       end"])
    }

    @Test("A box with a title draws in Unicode line glyphs and returns its inside")
    func unicodeBox() {
        var frame = Frame(size: Size(width: 14, height: 4))
        let inside = frame.drawBox(frame.bounds, title: "Policy")
        frame.draw("{ }", in: inside)
        #expect(inside == Rect(x: 1, y: 1, width: 12, height: 2))
        #expect(frame.lines == [
            "┌ Policy ────┐",
            "│{ }         │",
            "│            │",
            "└────────────┘",
        ])
    }

    @Test("The same box in ASCII glyphs, with a divider and a title cut to fit")
    func asciiBox() {
        var frame = Frame(size: Size(width: 10, height: 5), glyphs: .ascii)
        frame.drawBox(frame.bounds, title: "A long title")
        frame.drawDivider(inBox: frame.bounds, atRow: 2)
        #expect(frame.lines == [
            "+ A lo...+",
            "|        |",
            "+--------+",
            "|        |",
            "+--------+",
        ])
    }

    @Test("A fill that starts or ends inside a wide character blanks its other half, at every fill width",
          arguments: [(1, "a #字b"), (2, "a ## b"), (3, "a ###b")])
    func fillOverWideCharacters(width: Int, expected: String) {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.draw("a漢字b", at: .zero)
        frame.fill(Rect(x: 2, y: 0, width: width, height: 1), with: "#")
        #expect(FrameSnapshot.lines(frame, trimTrailingSpaces: false) == [expected])
        for x in 0..<6 {
            #expect(!frame[x, 0].isContinuation || frame[x - 1, 0].isWide, "no half without its lead at \(x)")
            #expect(!frame[x, 0].isWide || frame[x + 1, 0].isContinuation, "no lead without its half at \(x)")
        }
    }

    @Test("Rules and fills cover exactly their rectangle")
    func rulesAndFill() {
        var frame = Frame(size: Size(width: 5, height: 3))
        frame.drawHorizontalRule(Rect(x: 1, y: 0, width: 3, height: 1))
        frame.drawVerticalRule(Rect(x: 0, y: 1, width: 1, height: 2))
        frame.fill(Rect(x: 2, y: 1, width: 2, height: 2), with: "#")
        #expect(frame.lines == [" ───", "│ ##", "│ ##"])
    }

    @Test("Clearing a frame blanks it and hides the cursor")
    func clearing() {
        var frame = Frame(size: Size(width: 3, height: 1))
        frame.draw("abc", at: .zero)
        frame.cursor = Position(x: 1, y: 0)
        frame.clear()
        #expect(frame.lines == [""])
        #expect(frame.cursor == nil)
    }

    static let mixedTexts = ["a plain line that runs well past the edge", "cafe\u{301} au lait, then more text", "e\u{301}", "abcdefghe\u{301}xyz",
                             "漢字 and ascii", "tab\there", "emoji 🚀 rocket", "12345678901234567890", "ends at\u{301}"]

    @Test("a long span drawn at once shows exactly what drawing it character by character shows, cut or not",
          arguments: mixedTexts)
    func spanEqualsCharacters(_ text: String) {
        let whole = StyledText(text, style: .foreground(.accent))
        let split = StyledText(text.map { Span(String($0), style: .foreground(.accent)) })
        for width in 1...24 {
            for x in 0..<3 {
                for overflow in [Overflow.clip, .ellipsis] {
                    var a = Frame(size: Size(width: 26, height: 1))
                    var b = Frame(size: Size(width: 26, height: 1))
                    let clip = Rect(x: 1, y: 0, width: width, height: 1)
                    let endA = a.draw(whole, at: Position(x: x, y: 0), clip: clip, overflow: overflow)
                    let endB = b.draw(split, at: Position(x: x, y: 0), clip: clip, overflow: overflow)
                    #expect(a.cells == b.cells && endA == endB, "\(text) width \(width) x \(x) \(overflow)")
                }
            }
        }
    }

    @Test("whether a text is wider than some columns is its width compared, measured only as far as needed",
          arguments: mixedTexts)
    func widerThan(_ text: String) {
        let styled = StyledText(text) + StyledText(" tail", style: .bold)
        for columns in 0...60 {
            #expect(styled.isWider(than: columns) == (styled.width > columns), "\(text) \(columns)")
        }
    }
}
