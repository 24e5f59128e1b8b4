/// Which item of a list is selected and which part of the list is scrolled into view.
///
/// Up/Down move by one, PageUp/PageDown by a page (`visibleRows - 1`, keeping one row of context), Home/End to the
/// ends; the selection does not wrap around. The scroll offset moves only as much as needed to keep the selection
/// visible, so the view does not jump. Set `visibleRows` from your layout; drawing re-checks with the actual height.
public struct ListState: Hashable, Sendable {
    /// Number of items.
    public private(set) var count: Int
    /// Index of the selected item (0 when the list is empty; check `selectedIndex`).
    public private(set) var selection: Int
    /// Index of the first item shown.
    public private(set) var offset: Int = 0
    /// Rows the list is drawn in.
    public var visibleRows: Int {
        didSet { reveal() }
    }

    public init(count: Int, selection: Int = 0, visibleRows: Int = 10) {
        self.count = max(0, count)
        self.selection = 0
        self.visibleRows = max(1, visibleRows)
        select(selection)
    }

    /// The selected index, or `nil` when the list is empty.
    public var selectedIndex: Int? { count == 0 ? nil : selection }

    /// Changes the number of items (after the list was filtered or edited), keeping the selection in range.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        select(selection)
    }

    public mutating func select(_ index: Int) {
        selection = count == 0 ? 0 : min(max(0, index), count - 1)
        reveal()
    }

    /// Applies a navigation key; returns `false` for keys a list does not use.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        let page = max(1, visibleRows - 1)
        switch key {
        case .up: select(selection - 1)
        case .down: select(selection + 1)
        case .pageUp: select(selection - page)
        case .pageDown: select(selection + page)
        case .home: select(0)
        case .end: select(count - 1)
        default: return false
        }
        return true
    }

    /// The items shown in `rows` rows: starts at the stored offset, moved just enough to show the selection.
    public func visibleRange(rows: Int) -> Range<Int> {
        let rows = max(0, rows)
        guard count > 0, rows > 0 else { return 0..<0 }
        var first = min(offset, selection)
        if selection >= first + rows { first = selection - rows + 1 }
        first = max(0, min(first, count - rows))
        return first..<min(count, first + rows)
    }

    private mutating func reveal() {
        offset = visibleRange(rows: visibleRows).lowerBound
    }

    /// Draws the visible items into `rect`, one row each, with `row(index)` supplying an item's text. The selected row
    /// is laid over with `selectedStyle` (when `focused`; otherwise with `unfocusedSelectionStyle`, if any). A scroll
    /// bar appears in the last column when not every item fits.
    public func render(
        into frame: inout Frame,
        in rect: Rect,
        focused: Bool = true,
        selectedStyle: Style = .background(.selection),
        unfocusedSelectionStyle: Style? = .bold,
        row: (Int) -> StyledText
    ) {
        guard !rect.isEmpty else { return }
        let range = visibleRange(rows: rect.height)
        var content = rect
        if count > rect.height, rect.width > 1 {
            let split = rect.split(right: 1)
            content = split.rest
            ScrollBar.render(into: &frame, in: split.right, total: count, visible: range)
        }
        for (line, index) in range.enumerated() {
            let rowRect = content.row(line)
            if index == selection, let highlight = focused ? selectedStyle : unfocusedSelectionStyle {
                frame.patchStyle(rowRect, with: highlight)
            }
            frame.draw(row(index), in: rowRect)
        }
    }
}
