import Testing
@testable import WizardUI

@Suite("One width function for every character")
struct CharacterWidthTests {
    @Test("ASCII letters, digits and punctuation take one column")
    func ascii() {
        #expect(CharacterWidth.of("a" as Character) == 1)
        #expect(CharacterWidth.of("{" as Character) == 1)
        #expect(CharacterWidth.of("hello, world") == 12)
    }

    @Test("CJK ideographs, kana, Hangul and fullwidth forms take two columns")
    func eastAsianWide() {
        #expect(CharacterWidth.of("漢" as Character) == 2)
        #expect(CharacterWidth.of("か" as Character) == 2)
        #expect(CharacterWidth.of("한" as Character) == 2)
        #expect(CharacterWidth.of("Ａ" as Character) == 2)
        #expect(CharacterWidth.of("日本語") == 6)
        #expect(CharacterWidth.of("𠀋" as Character) == 2, "CJK Extension B, outside the BMP")
    }

    @Test("Latin letters with combining accents stay one column, however they are composed")
    func combining() {
        #expect(CharacterWidth.of("é" as Character) == 1)
        #expect(CharacterWidth.of("e\u{301}" as Character) == 1)
        #expect(CharacterWidth.of("e\u{301}\u{323}" as Character) == 1)
        #expect(CharacterWidth.of("cafe\u{301}") == 4)
    }

    @Test("A combining mark or a format character on its own takes no columns")
    func zeroWidth() {
        #expect(CharacterWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(CharacterWidth.of("\u{200D}" as Unicode.Scalar) == 0, "zero-width joiner")
        #expect(CharacterWidth.of("\u{200B}" as Unicode.Scalar) == 0, "zero-width space")
        #expect(CharacterWidth.of("\u{301}" as Character) == 0)
    }

    @Test("Emoji shown as emoji take two columns: single, with VS16, keycaps, flags and ZWJ sequences")
    func emoji() {
        #expect(CharacterWidth.of("😀" as Character) == 2)
        #expect(CharacterWidth.of("✅" as Character) == 2)
        #expect(CharacterWidth.of("❤\u{FE0F}" as Character) == 2)
        #expect(CharacterWidth.of("1\u{FE0F}\u{20E3}" as Character) == 2)
        #expect(CharacterWidth.of("🇩🇪" as Character) == 2)
        #expect(CharacterWidth.of("👩\u{200D}💻" as Character) == 2)
    }

    @Test("Text-style symbols without VS16 take one column")
    func textSymbols() {
        #expect(CharacterWidth.of("❤" as Character) == 1)
        #expect(CharacterWidth.of("✓" as Character) == 1)
        #expect(CharacterWidth.of("─" as Character) == 1)
        #expect(CharacterWidth.of("…" as Character) == 1)
    }

    @Test("Control characters are drawn as a one-column replacement, never sent raw")
    func controls() {
        #expect(CharacterWidth.displayed("\u{1B}") == "\u{FFFD}")
        #expect(CharacterWidth.displayed("\u{07}") == "\u{FFFD}")
        #expect(CharacterWidth.displayed("\u{9B}") == "\u{FFFD}", "C1 control sequence introducer")
        #expect(CharacterWidth.displayed("\t") == " ")
        #expect(CharacterWidth.of("\u{1B}" as Character) == 1)
        #expect(CharacterWidth.displayed("a") == "a")
    }
}

@Suite("Widths of whole strings")
struct StringWidthTests {
    @Test("A string's width is the sum of its characters' widths, including a CRLF drawn as one replacement")
    func sums() {
        #expect(CharacterWidth.of("ab\r\ncd") == 5)
        #expect(CharacterWidth.of("a漢😀e\u{301}") == 6)
        #expect(CharacterWidth.of("") == 0)
    }
}
