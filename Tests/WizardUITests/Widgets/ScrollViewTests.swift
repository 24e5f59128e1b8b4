import Testing
@testable import WizardUI

@Suite("Scrolling long content")
struct ScrollViewTests {
    let lines: [StyledText] = (1...10).map { StyledText("line \($0)") }

    @Test("Shows the lines from the offset, with a scroll bar showing where the view is")
    func middle() {
        var frame = Frame(size: Size(width: 10, height: 4))
        let used = ScrollView.render(lines, offset: 3, into: &frame, in: frame.bounds)
        #expect(used == 3)
        #expect(frame.lines == ["line 4   │", "line 5   █", "line 6   █", "line 7   │"])
    }

    @Test("An offset past the end is clamped so the last line sits on the last row")
    func clamped() {
        var frame = Frame(size: Size(width: 10, height: 4))
        let used = ScrollView.render(lines, offset: 99, into: &frame, in: frame.bounds)
        #expect(used == 6)
        #expect(frame.line(3) == "line 10  █")
    }

    @Test("Content that fits needs no scroll bar")
    func fits() {
        var frame = Frame(size: Size(width: 10, height: 12))
        ScrollView.render(lines, offset: 0, into: &frame, in: frame.bounds)
        #expect(frame.line(0) == "line 1")
    }

    @Test("Scroll keys move the offset within the content")
    func keys() {
        var scroll = ScrollState()
        scroll.handle(.down, lineCount: 10, visibleRows: 4)
        #expect(scroll.offset == 1)
        scroll.handle(.pageDown, lineCount: 10, visibleRows: 4)
        #expect(scroll.offset == 4)
        scroll.handle(.end, lineCount: 10, visibleRows: 4)
        #expect(scroll.offset == 6)
        scroll.handle(.up, lineCount: 10, visibleRows: 4)
        scroll.handle(.home, lineCount: 10, visibleRows: 4)
        #expect(scroll.offset == 0)
        scroll.reveal(line: 8, lineCount: 10, visibleRows: 4)
        #expect(scroll.offset == 5)
    }
}
