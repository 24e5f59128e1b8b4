import Testing
@testable import WizardUI

@Suite("Navigating a list")
struct ListStateTests {
    @Test("Up and Down move by one and stop at the ends")
    func upDown() {
        var list = ListState(count: 3)
        list.handle(.up)
        #expect(list.selection == 0)
        list.handle(.down)
        list.handle(.down)
        list.handle(.down)
        #expect(list.selection == 2)
    }

    @Test("Page keys move by a page less one row; Home and End go to the ends")
    func paging() {
        var list = ListState(count: 50, visibleRows: 10)
        list.handle(.pageDown)
        #expect(list.selection == 9)
        list.handle(.pageDown)
        #expect(list.selection == 18)
        list.handle(.pageUp)
        #expect(list.selection == 9)
        list.handle(.end)
        #expect(list.selection == 49)
        list.handle(.home)
        #expect(list.selection == 0)
    }

    @Test("The view scrolls only as far as needed to keep the selection visible")
    func scrollingIsStable() {
        var list = ListState(count: 20, visibleRows: 5)
        for _ in 0..<6 { list.handle(.down) }
        #expect(list.visibleRange(rows: 5) == 2..<7)
        list.handle(.up)
        #expect(list.visibleRange(rows: 5) == 2..<7, "moving up inside the view does not scroll")
        for _ in 0..<5 { list.handle(.up) }
        #expect(list.visibleRange(rows: 5) == 0..<5)
    }

    @Test("Shrinking the list keeps the selection in range; an empty list has no selection")
    func counting() {
        var list = ListState(count: 10, selection: 8)
        list.setCount(4)
        #expect(list.selectedIndex == 3)
        list.setCount(0)
        #expect(list.selectedIndex == nil)
        #expect(list.visibleRange(rows: 5).isEmpty)
        let used = list.handle(.tab)
        #expect(!used)
    }

    @Test("Rendering highlights the selected row and adds a scroll bar when items are hidden")
    func rendering() {
        var frame = Frame(size: Size(width: 12, height: 3))
        var list = ListState(count: 6, visibleRows: 3)
        list.handle(.down)
        let names = ["main", "develop", "release/*", "v1", "v2", "v3"]
        list.render(into: &frame, in: frame.bounds) { StyledText(names[$0]) }
        #expect(frame.lines == ["main       █", "develop    █", "release/*  │"])
        #expect(frame[0, 1].style.background == .selection)
        #expect(frame[0, 0].style.background == nil)
    }
}
