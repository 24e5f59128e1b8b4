import Testing
@testable import WizardUI

@Suite("Word wrapping")
struct TextWrappingTests {
    func plain(_ lines: [StyledText]) -> [String] { lines.map(\.plainText) }

    @Test("Breaks at spaces, dropping the spaces at each break")
    func words() {
        let lines = TextWrapping.wrap("the quick brown fox jumps", width: 10)
        #expect(plain(lines) == ["the quick", "brown fox", "jumps"])
        #expect(lines.allSatisfy { $0.width <= 10 })
    }

    @Test("A word longer than a line is split between characters")
    func longWord() {
        #expect(plain(TextWrapping.wrap("arn:aws:iam::123456789012:role/deploy", width: 12))
            == ["arn:aws:iam:", ":12345678901", "2:role/deplo", "y"])
    }

    @Test("Wide characters count two columns and are never split")
    func wide() {
        let lines = TextWrapping.wrap("日本語のテキスト", width: 5)
        #expect(plain(lines) == ["日本", "語の", "テキ", "スト"])
    }

    @Test("Newlines start new lines, blank lines are kept, and leading indentation survives")
    func paragraphs() {
        #expect(plain(TextWrapping.wrap("one\n\n  two three", width: 9)) == ["one", "", "  two", "three"])
    }

    @Test("Continuation lines get a hanging indent")
    func hangingIndent() {
        #expect(plain(TextWrapping.wrap("• allows any branch to deploy", width: 14, continuationIndent: 2))
            == ["• allows any", "  branch to", "  deploy"])
    }

    @Test("Styles follow their words across breaks")
    func styles() {
        let text: StyledText = [Span("CRITICAL", style: .foreground(.critical)), Span(" any repository can assume")]
        let lines = TextWrapping.wrap(text, width: 16)
        #expect(plain(lines) == ["CRITICAL any", "repository can", "assume"])
        #expect(lines[0].spans.first == Span("CRITICAL", style: .foreground(.critical)))
        #expect(lines[1].spans.allSatisfy { $0.style == .plain })
    }

    @Test("Nothing is produced for a width of zero")
    func zeroWidth() {
        #expect(TextWrapping.wrap("abc", width: 0).isEmpty)
    }
}
