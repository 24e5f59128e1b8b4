/// A scroll position over many lines of text shown in fewer rows (the policy preview, help pages, finding details).
///
/// Up/Down scroll by a line, PageUp/PageDown by a page, Home/End to the ends. The offset is clamped with the content
/// length and visible rows you pass in, which the screen knows when it handles the key.
public struct ScrollState: Hashable, Sendable {
    /// Index of the first line shown.
    public private(set) var offset: Int

    public init(offset: Int = 0) {
        self.offset = max(0, offset)
    }

    /// The largest useful offset: the one that shows the last line on the last row.
    public static func maximumOffset(lineCount: Int, visibleRows: Int) -> Int {
        max(0, lineCount - max(1, visibleRows))
    }

    public mutating func scroll(to newOffset: Int, lineCount: Int, visibleRows: Int) {
        offset = min(max(0, newOffset), ScrollState.maximumOffset(lineCount: lineCount, visibleRows: visibleRows))
    }

    /// Scrolls just enough that `line` is visible.
    public mutating func reveal(line: Int, lineCount: Int, visibleRows: Int) {
        let rows = max(1, visibleRows)
        if line < offset {
            scroll(to: line, lineCount: lineCount, visibleRows: rows)
        } else if line >= offset + rows {
            scroll(to: line - rows + 1, lineCount: lineCount, visibleRows: rows)
        }
    }

    /// Applies a scrolling key; returns `false` for keys it does not use.
    @discardableResult
    public mutating func handle(_ key: Key, lineCount: Int, visibleRows: Int) -> Bool {
        let page = max(1, visibleRows - 1)
        switch key {
        case .up: scroll(to: offset - 1, lineCount: lineCount, visibleRows: visibleRows)
        case .down: scroll(to: offset + 1, lineCount: lineCount, visibleRows: visibleRows)
        case .pageUp: scroll(to: offset - page, lineCount: lineCount, visibleRows: visibleRows)
        case .pageDown: scroll(to: offset + page, lineCount: lineCount, visibleRows: visibleRows)
        case .home: scroll(to: 0, lineCount: lineCount, visibleRows: visibleRows)
        case .end: scroll(to: Int.max / 2, lineCount: lineCount, visibleRows: visibleRows)
        default: return false
        }
        return true
    }
}

/// Draws long content in a rectangle at a scroll offset.
public enum ScrollView {
    /// Draws `lines` starting at `offset` (clamped) into `rect`, cut with an ellipsis at the right edge. When the lines
    /// do not all fit, the last column shows a scroll bar. Returns the offset actually used.
    @discardableResult
    public static func render(_ lines: [StyledText], offset: Int, into frame: inout Frame, in rect: Rect, overflow: Overflow = .ellipsis) -> Int {
        guard !rect.isEmpty else { return 0 }
        let first = min(max(0, offset), ScrollState.maximumOffset(lineCount: lines.count, visibleRows: rect.height))
        var content = rect
        if lines.count > rect.height, rect.width > 1 {
            let split = rect.split(right: 1)
            content = split.rest
            ScrollBar.render(into: &frame, in: split.right, total: lines.count, visible: first..<min(lines.count, first + rect.height))
        }
        let end = min(lines.count, first + content.height)
        if first < end {
            frame.draw(lines: Array(lines[first..<end]), in: content, overflow: overflow)
        }
        return first
    }
}

/// A one-column scroll bar: a muted track with a thumb whose size and position show the visible part of the content.
public enum ScrollBar {
    public static func render(into frame: inout Frame, in rect: Rect, total: Int, visible: Range<Int>, style: Style = .foreground(.muted)) {
        guard !rect.isEmpty, total > 0 else { return }
        let height = rect.height
        let column = Rect(x: rect.x, y: rect.y, width: 1, height: height)
        frame.fill(column, style: style, with: frame.glyphs.scrollTrack)
        let thumbLength = max(1, min(height, (height * visible.count + total / 2) / total))
        let maxStart = height - thumbLength
        let scrollable = max(1, total - visible.count)
        // The thumb touches the top only at the start and the bottom only at the end, so "there is more" is never hidden.
        var start = maxStart * visible.lowerBound / scrollable
        if visible.lowerBound > 0, start == 0, maxStart > 0 { start = 1 }
        if visible.upperBound < total, start == maxStart, maxStart > 0 { start = maxStart - 1 }
        frame.fill(Rect(x: rect.x, y: rect.y + start, width: 1, height: thumbLength), style: style, with: frame.glyphs.scrollThumb)
    }
}
