import Testing
@testable import WizardUI

@Suite("Rectangles and layout")
struct LayoutTests {
    let area = Rect(x: 2, y: 1, width: 80, height: 24)

    @Test("Fixed rows are served first and a flexible row takes the rest")
    func fixedAndFlexibleRows() {
        let parts = area.rows([.fixed(1), .fill, .fixed(2)])
        #expect(parts == [
            Rect(x: 2, y: 1, width: 80, height: 1),
            Rect(x: 2, y: 2, width: 80, height: 21),
            Rect(x: 2, y: 23, width: 80, height: 2),
        ])
    }

    @Test("Flexible columns share by weight and tile the width exactly, with spacing between them")
    func weightedColumns() {
        let parts = area.columns([.flexible(weight: 1), .flexible(weight: 2)], spacing: 1)
        #expect(parts.map(\.width) == [27, 52])
        #expect(parts[1].x == parts[0].maxX + 1)
        #expect(parts[1].maxX == area.maxX)
    }

    @Test("A flexible minimum is honoured before weights, and fixed parts shrink from the last when space is short")
    func minimumsAndShortage() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).columns([.fixed(6), .flexible(minimum: 3), .fixed(6)])
        #expect(parts.map(\.width) == [6, 0, 4])
        let roomy = Rect(x: 0, y: 0, width: 20, height: 1).columns([.fixed(4), .flexible(weight: 1, minimum: 10), .fill])
        #expect(roomy.map(\.width) == [4, 13, 3])
    }

    @Test("Splitting, insetting and intersecting never produce negative sizes")
    func splitsAndInsets() {
        let (top, rest) = area.split(top: 3)
        #expect(top.height == 3 && rest.y == 4 && rest.height == 21)
        let (left, right) = area.split(right: 100)
        #expect(left.width == 0 && right.width == 80)
        #expect(area.inset(by: 50).isEmpty)
        #expect(area.inset(by: 1) == Rect(x: 3, y: 2, width: 78, height: 22))
        #expect(Rect(x: 0, y: 0, width: 5, height: 5).intersection(Rect(x: 10, y: 10, width: 2, height: 2)).isEmpty)
        #expect(area.centered(Size(width: 10, height: 4)) == Rect(x: 37, y: 11, width: 10, height: 4))
    }
}
