import Testing
@testable import WizardUI

@Suite("Styled text")
struct StyledTextTests {
    @Test("putting text together keeps every character and style, in order")
    func concatenation() {
        let text = StyledText("ab", style: .foreground(.accent)) + StyledText("cd") + StyledText("") + StyledText("ef")
        #expect(text.plainText == "abcdef")
        #expect(text.merged == [Span("ab", style: .foreground(.accent)), Span("cdef")])
        #expect(text.width == 6)
    }

    @Test("texts that show the same are equal and hash alike, however their spans were split")
    func equalityByWhatIsShown() {
        let whole = StyledText("abcdef")
        let pieces = StyledText("ab") + StyledText("cd") + StyledText("ef")
        var appended = StyledText("abc")
        appended.append("def")
        #expect(whole == pieces)
        #expect(whole == appended)
        #expect(Set([whole, pieces, appended]).count == 1)
        #expect(whole != StyledText("abc") + StyledText("def", style: .bold))
        #expect(StyledText.empty == StyledText("") + StyledText(""))
    }
}
