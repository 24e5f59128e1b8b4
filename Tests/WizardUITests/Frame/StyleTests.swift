import Testing
@testable import WizardUI

@Suite("Styles and semantic colour roles")
struct StyleTests {
    @Test("Drawing a style over another keeps what the new style leaves unset")
    func patching() {
        let selected = Style.background(.selection)
        let text = Style.foreground(.critical, .bold)
        let combined = selected.patched(with: text)
        #expect(combined == Style(foreground: .critical, background: .selection, attributes: .bold))
    }

    @Test("Without colour every severity and mark keeps a visible difference from plain text")
    func monochromeKeepsMeaning() {
        for role in [ColorRole.accent, .critical, .high, .medium, .denied, .error, .muted, .jsonKey, .selection] {
            #expect(Style.foreground(role).monochrome.attributes != [], "\(role) would look like plain text")
        }
        #expect(Style.foreground(.critical).monochrome.attributes == [.bold, .reverse])
        #expect(Style.background(.selection).monochrome == Style(attributes: .reverse))
        #expect(Style.foreground(.error).monochrome.foreground == nil, "no colour is left to send")
    }

    @Test("A style is small enough that a frame of cells stays compact")
    func compact() {
        #expect(MemoryLayout<Style>.size <= 3)
        #expect(MemoryLayout<Cell>.stride <= 24)
    }
}
