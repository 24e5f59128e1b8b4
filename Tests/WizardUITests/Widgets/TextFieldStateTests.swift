import Testing
@testable import WizardUI

@Suite("Editing a text field")
struct TextFieldStateTests {
    func field(_ text: String, cursor: Int? = nil, width: Int = 40) -> TextFieldState {
        var f = TextFieldState(text, visibleWidth: width)
        if let cursor { f.moveCursor(to: cursor) }
        return f
    }

    func apply(_ keys: [Key], to f: inout TextFieldState) {
        for key in keys { f.handle(key) }
    }

    @Test("Typing inserts at the cursor, which starts at the end")
    func typing() {
        var f = field("acme")
        apply(Key.typing("/app"), to: &f)
        #expect(f.text == "acme/app")
        #expect(f.cursor == 8)
        apply([.home] + Key.typing("@"), to: &f)
        #expect(f.text == "@acme/app")
        #expect(f.cursor == 1)
    }

    @Test("Left, Right, Home and End move the cursor without leaving the text")
    func movement() {
        var f = field("abc")
        apply([.left, .left, .left, .left], to: &f)
        #expect(f.cursor == 0)
        apply([.right, .end, .right], to: &f)
        #expect(f.cursor == 3)
        apply([.ctrl("a")], to: &f)
        #expect(f.cursor == 0)
        apply([.ctrl("e")], to: &f)
        #expect(f.cursor == 3)
    }

    @Test("Backspace deletes before the cursor and Delete after it")
    func deleting() {
        var f = field("main", cursor: 2)
        apply([.backspace], to: &f)
        #expect(f.text == "min" && f.cursor == 1)
        apply([.delete], to: &f)
        #expect(f.text == "mn" && f.cursor == 1)
        apply([.home, .backspace, .end, .delete], to: &f)
        #expect(f.text == "mn")
    }

    @Test("Ctrl-K deletes to the end, Ctrl-U to the start")
    func killing() {
        var f = field("refs/heads/main", cursor: 5)
        apply([.ctrl("k")], to: &f)
        #expect(f.text == "refs/")
        var g = field("refs/heads/main", cursor: 5)
        apply([.ctrl("u")], to: &f)
        apply([.ctrl("u")], to: &g)
        #expect(f.text == "")
        #expect(g.text == "heads/main" && g.cursor == 0)
    }

    @Test("Ctrl-W deletes the word before the cursor and the spaces after it")
    func wordDelete() {
        var f = field("deploy to prod  ")
        apply([.ctrl("w")], to: &f)
        #expect(f.text == "deploy to ")
        apply([.ctrl("w"), .ctrl("w"), .ctrl("w")], to: &f)
        #expect(f.text == "")
    }

    @Test("Ctrl/Alt-Left and -Right move a word at a time, stopping at the parts of a name")
    func wordMoves() {
        var f = field("repo:acme/app-web")
        var stops: [Int] = []
        for _ in 0..<5 { apply([.wordLeft], to: &f); stops.append(f.cursor) }
        #expect(stops == [14, 10, 5, 0, 0])
        stops = []
        for _ in 0..<5 { apply([.wordRight], to: &f); stops.append(f.cursor) }
        #expect(stops == [4, 9, 13, 17, 17])
        var spaced = field("  déploy  prød  ", cursor: 16)
        apply([.wordLeft], to: &spaced)
        #expect(spaced.cursor == 10, "non-ASCII letters are part of a word")
        apply([.wordRight], to: &spaced)
        #expect(spaced.cursor == 14)
    }

    @Test("Readline's Alt-B and Alt-F move as Alt-Left and Alt-Right do")
    func altLetterMoves() {
        var arrows = field("repo:acme/app-web"), letters = field("repo:acme/app-web")
        for (arrow, letter) in [(Key.wordLeft, Key.alt("b")), (.wordLeft, .alt("B")), (.wordRight, .alt("f")), (.wordRight, .alt("F"))] {
            apply([arrow], to: &arrows)
            apply([letter], to: &letters)
            #expect(letters.cursor == arrows.cursor, "\(letter)")
        }
    }

    @Test("Alt-Backspace and Alt-D delete the part of a name before and after the cursor")
    func altWordDeletes() {
        var f = field("repo:acme/app-web")
        apply([.altBackspace], to: &f)
        #expect(f.text == "repo:acme/app-" && f.cursor == 14)
        apply([.altBackspace, .altBackspace], to: &f)
        #expect(f.text == "repo:" && f.cursor == 5)
        var g = field("repo:acme/app-web", cursor: 5)
        apply([.alt("d")], to: &g)
        #expect(g.text == "repo:/app-web" && g.cursor == 5)
        apply([.alt("D"), .alt("d"), .alt("d")], to: &g)
        #expect(g.text == "repo:" && g.cursor == 5)
        var start = field("acme", cursor: 0)
        apply([.altBackspace], to: &start)
        #expect(start.text == "acme", "nothing before the cursor: nothing deleted")
    }

    @Test("Keys a text field does not use are left for the screen")
    func unusedKeys() {
        var f = field("x")
        for key in [Key.tab, .backTab, .enter, .escape, .up, .down, .function(1), .ctrl("s"), .alt("x"), .alt("[")] {
            let used = f.handle(key)
            #expect(!used, "\(key)")
        }
        #expect(f.text == "x")
    }

    @Test("A combining mark typed after a letter joins it, so one Backspace removes the accented letter")
    func combiningInput() {
        var f = field("caf")
        apply([.character("e"), .character("\u{301}")], to: &f)
        #expect(f.characters.count == 4)
        #expect(f.text == "caf\u{E9}")
        apply([.backspace], to: &f)
        #expect(f.text == "caf")
    }

    @Test("Text wider than the box scrolls so the cursor stays visible")
    func scrolling() {
        var frame = Frame(size: Size(width: 8, height: 1))
        var f = field("", width: 8)
        apply(Key.typing("abcdefghijkl"), to: &f)
        f.render(into: &frame, in: frame.bounds, focused: true)
        #expect(frame.lines == ["fghijkl"])
        #expect(frame.cursor == Position(x: 7, y: 0))
        apply([.home], to: &f)
        frame.clear()
        f.render(into: &frame, in: frame.bounds, focused: true)
        #expect(frame.lines == ["abcdefgh"])
        #expect(frame.cursor == Position(x: 0, y: 0))
        apply([.right, .right, .right], to: &f)
        frame.clear()
        f.render(into: &frame, in: frame.bounds, focused: true)
        #expect(frame.lines == ["abcdefgh"], "moving inside the visible part does not scroll")
        #expect(frame.cursor == Position(x: 3, y: 0))
    }

    @Test("Scrolling counts wide characters as two columns")
    func scrollingWide() {
        var frame = Frame(size: Size(width: 6, height: 1))
        let f = field("漢字テスト", width: 6)
        f.render(into: &frame, in: frame.bounds, focused: true)
        #expect(frame.lines == ["スト"])
        #expect(frame.cursor == Position(x: 4, y: 0))
    }

    @Test("An empty field shows its placeholder; an unfocused field leaves the cursor hidden")
    func placeholder() {
        var frame = Frame(size: Size(width: 20, height: 1))
        field("").render(into: &frame, in: frame.bounds, placeholder: StyledText("e.g. acme", style: .foreground(.muted)), focused: false)
        #expect(frame.lines == ["e.g. acme"])
        #expect(frame[0, 0].style.foreground == .muted)
        #expect(frame.cursor == nil)
    }
}
