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
        #expect(MemoryLayout<Cell>.stride <= 16)
    }

    /// Every role, no role, and attributes none, some or all.
    static let samples: [Style] = {
        let roles: [ColorRole?] = [nil] + ColorRole.allCases
        let attributes: [TextAttributes] = [[], [.bold, .dim], [.bold, .reverse, .underline, .dim]]
        return roles.flatMap { fg in roles.flatMap { bg in attributes.map { Style(foreground: fg, background: bg, attributes: $0) } } }
    }()

    @Test("A style packed into a cell's word reads back as itself")
    func packedRoundTrip() {
        for style in Self.samples {
            #expect(Style(packed: style.packed) == style)
            var cell = Cell("x", style: .plain, width: 2)
            cell.style = style
            #expect(cell.style == style && cell.width == 2, "the width survives a style change")
            cell.width = 0
            #expect(cell.style == style, "the style survives a width change")
        }
    }

    @Test("A patch worked out once lays a style over a packed cell exactly as patched(with:) does")
    func patchOnPackedStyles() {
        for top in Self.samples {
            let patch = Style.Patch(top)
            for bottom in Self.samples where Style(packed: patch.apply(to: bottom.packed)) != bottom.patched(with: top) {
                Issue.record("\(top) over \(bottom)")
            }
        }
    }
}
