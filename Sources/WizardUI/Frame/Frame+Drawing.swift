import OIDCWizardCore

/// What to do with text wider than the room it is given.
public enum Overflow: Hashable, Sendable {
    /// Cut it at the edge.
    case clip
    /// Cut it and end with the glyph set's ellipsis, so the reader knows there is more.
    case ellipsis
}

public enum HorizontalAlignment: Hashable, Sendable {
    case leading, center, trailing
}

extension Frame {
    /// Draws styled text on one row starting at `origin`, never past `clip` (default: the whole frame). Span styles are
    /// laid over the styles already in the cells (`Style.patched(with:)`). Returns the column after the last cell drawn.
    @discardableResult
    public mutating func draw(_ text: StyledText, at origin: Position, clip: Rect? = nil, overflow: Overflow = .ellipsis) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard origin.y >= area.y, origin.y < area.maxY, origin.x < area.maxX else { return origin.x }
        let room = area.maxX - origin.x
        if overflow == .ellipsis {
            // A text never takes more columns than it has UTF-8 bytes, so short texts skip measuring.
            if room > ellipsisWidth, text.utf8Count > room, text.isWider(than: room) {
                let (end, style) = drawSpans(text.spans, x: origin.x, y: origin.y, area: area, limit: area.maxX - ellipsisWidth)
                let last = drawSpans([Span(glyphs.ellipsis, style: style)], x: end, y: origin.y, area: area, limit: area.maxX)
                return last.x
            }
        }
        return drawSpans(text.spans, x: origin.x, y: origin.y, area: area, limit: area.maxX).x
    }

    /// Draws a plain string in one style; see `draw(_:at:clip:overflow:)`.
    @discardableResult
    public mutating func draw(_ string: String, at origin: Position, style: Style = .plain, clip: Rect? = nil, overflow: Overflow = .ellipsis) -> Int {
        draw(StyledText(string, style: style), at: origin, clip: clip, overflow: overflow)
    }

    /// Draws text on the first row of `rect`, aligned within it and cut to its width.
    @discardableResult
    public mutating func draw(_ text: StyledText, in rect: Rect, alignment: HorizontalAlignment = .leading, overflow: Overflow = .ellipsis) -> Int {
        guard !rect.isEmpty else { return rect.x }
        let x: Int
        let slack = alignment == .leading ? 0 : max(0, rect.width - text.width)
        switch alignment {
        case .leading: x = rect.x
        case .center: x = rect.x + slack / 2
        case .trailing: x = rect.x + slack
        }
        return draw(text, at: Position(x: x, y: rect.y), clip: rect, overflow: overflow)
    }

    /// Draws one line per row of `rect`, from the top; lines beyond its height are not drawn.
    public mutating func draw(lines: [StyledText], in rect: Rect, overflow: Overflow = .ellipsis) {
        for (i, line) in lines.prefix(rect.height).enumerated() {
            draw(line, in: rect.row(i), overflow: overflow)
        }
    }

    /// Word-wraps `text` to the width of `rect` and draws as many lines as fit. Returns the number of rows the whole
    /// text needs (which may exceed the rows drawn), so callers can tell when it was cut.
    @discardableResult
    public mutating func drawWrapped(_ text: StyledText, in rect: Rect, continuationIndent: Int = 0) -> Int {
        let lines = TextWrapping.wrap(text, width: rect.width, continuationIndent: continuationIndent)
        draw(lines: lines, in: rect, overflow: .clip)
        return lines.count
    }

    /// Sets every cell in `rect` to `character` in exactly `style` (not a patch: this is how a region is cleared).
    public mutating func fill(_ rect: Rect, style: Style = .plain, with character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        if CharacterWidth.of(character) == 1 {
            // Blank the halves of wide characters that straddle the edges, then fill in bulk (on the storage: a box's
            // sides are filled a row at a time on every frame).
            let cell = Cell(character, style: style)
            let rowWidth = size.width
            cells.withUnsafeMutableBufferPointer { cells in
                for y in area.y..<area.maxY {
                    let start = y * rowWidth
                    Frame.store(cell, at: start + area.x, x: area.x, rowWidth: rowWidth, in: &cells)
                    guard area.maxX - 1 > area.x else { continue }
                    Frame.store(cell, at: start + area.maxX - 1, x: area.maxX - 1, rowWidth: rowWidth, in: &cells)
                    for x in (area.x + 1)..<(area.maxX - 1) { cells[start + x] = cell }
                }
            }
        } else {
            for y in area.y..<area.maxY {
                var x = area.x
                while x < area.maxX { x += max(1, put(character, at: Position(x: x, y: y), style: style, clip: area)) }
            }
        }
    }

    /// Draws a border around `rect` with the frame's glyphs and returns the inside. An optional title sits in the top
    /// border (" Title "), cut with an ellipsis if the box is narrow. Rectangles under 2×2 get no border.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, style: Style = .plain, title: StyledText? = nil) -> Rect {
        let area = rect
        guard area.width >= 2, area.height >= 2 else { return area }
        let g = glyphs
        fill(Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), style: style, with: g.horizontal)
        fill(Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1), style: style, with: g.horizontal)
        fill(Rect(x: area.x, y: area.y + 1, width: 1, height: area.height - 2), style: style, with: g.vertical)
        fill(Rect(x: area.maxX - 1, y: area.y + 1, width: 1, height: area.height - 2), style: style, with: g.vertical)
        put(g.topLeft, at: Position(x: area.x, y: area.y), style: style)
        put(g.topRight, at: Position(x: area.maxX - 1, y: area.y), style: style)
        put(g.bottomLeft, at: Position(x: area.x, y: area.maxY - 1), style: style)
        put(g.bottomRight, at: Position(x: area.maxX - 1, y: area.maxY - 1), style: style)
        if let title, !title.isEmpty, area.width >= 5 {
            let titleArea = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
            let padded = StyledText(" ", style: style) + title + StyledText(" ", style: style)
            draw(padded, at: titleArea.origin, clip: titleArea, overflow: .ellipsis)
        }
        return area.inset(by: 1)
    }

    /// A horizontal line across the first row of `rect`.
    public mutating func drawHorizontalRule(_ rect: Rect, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style, with: glyphs.horizontal)
    }

    /// A vertical line down the first column of `rect`.
    public mutating func drawVerticalRule(_ rect: Rect, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        fill(Rect(x: rect.x, y: rect.y, width: 1, height: rect.height), style: style, with: glyphs.vertical)
    }

    /// A horizontal divider across a box drawn with `drawBox(box)`, at row `y`, joined to its borders with tees.
    public mutating func drawDivider(inBox box: Rect, atRow y: Int, style: Style = .plain) {
        guard box.width >= 2, y > box.y, y < box.maxY - 1 else { return }
        drawHorizontalRule(Rect(x: box.x + 1, y: y, width: box.width - 2, height: 1), style: style)
        put(glyphs.teeRight, at: Position(x: box.x, y: y), style: style)
        put(glyphs.teeLeft, at: Position(x: box.maxX - 1, y: y), style: style)
    }

    /// Draws spans from `x` on row `y` inside `area`, stopping before `limit`. Returns the next column and the style of
    /// the last span reached (for an ellipsis to continue it).
    mutating func drawSpans(_ spans: [Span], x startX: Int, y: Int, area: Rect, limit: Int) -> (x: Int, style: Style) {
        let rowWidth = size.width
        return cells.withUnsafeMutableBufferPointer { cells in
            Frame.drawSpans(spans, x: startX, rowStart: y * rowWidth, rowWidth: rowWidth, from: area.x, limit: limit, in: &cells)
        }
    }

    /// `drawSpans(_:x:y:area:limit:)` on the cell storage, for the row starting at `rowStart`, cells left of `from` skipped.
    private static func drawSpans(_ spans: [Span], x startX: Int, rowStart: Int, rowWidth: Int, from: Int, limit: Int,
                                  in cells: inout UnsafeMutableBufferPointer<Cell>) -> (x: Int, style: Style) {
        var x = startX
        var lastStyle = Style.plain
        for span in spans {
            lastStyle = span.style
            let patch = Style.Patch(span.style)
            var text = span.text
            // Printable ASCII, one byte per cell and nothing to measure, is most of what the wizard draws: runs of it are
            // stored straight from the text's bytes, and only the other characters are measured one by one.
            let stopped = text.withUTF8 { bytes -> Bool in
                var offset = 0
                while offset < bytes.count {
                    let room = max(0, limit - x)
                    var run = UTF8Bytes.printableASCIIPrefix(UnsafeBufferPointer(rebasing: bytes[offset...]), upTo: room + 1)
                    // The run's last byte starts a character with what follows when a combining mark follows it, so it
                    // goes with the next character unless the run ends the text or is cut at the limit anyway.
                    if run <= room, offset + run < bytes.count, run > 0 { run -= 1 }
                    if run > 0 {
                        storeASCII(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + min(run, room))]), x: x, rowStart: rowStart,
                                   rowWidth: rowWidth, from: from, patch: patch, in: &cells)
                        if run > room { x = limit; return true }
                        x += run
                        offset += run
                        if offset == bytes.count { break }
                    }
                    // One character that is not printable ASCII, read from the text where it starts (a character
                    // boundary: after a character, or after printable ASCII that no mark follows).
                    let character = span.text[span.text.utf8.index(span.text.startIndex, offsetBy: offset)]
                    offset += character.utf8.count
                    let (shown, width) = CharacterWidth.measure(character)
                    if width == 0 { continue }
                    if x + width > limit {
                        // A wide character with only one column left: pad with a space rather than draw half of it.
                        if x < limit, x >= from {
                            let style = cells[rowStart + x].style.patched(with: span.style)
                            _ = place(" ", width: 1, at: rowStart + x, x: x, rowWidth: rowWidth, style: style, limit: limit, in: &cells)
                            x += 1
                        }
                        return true
                    }
                    if x < from {
                        // Starts left of the visible area; a wide character straddling the edge shows as a space.
                        if x + width > from {
                            let style = cells[rowStart + from].style.patched(with: span.style)
                            _ = place(" ", width: 1, at: rowStart + from, x: from, rowWidth: rowWidth, style: style, limit: limit, in: &cells)
                        }
                        x += width
                        continue
                    }
                    let style = cells[rowStart + x].style.patched(with: span.style)
                    x += place(shown, width: width, at: rowStart + x, x: x, rowWidth: rowWidth, style: style, limit: limit, in: &cells)
                }
                return false
            }
            if stopped { return (x, lastStyle) }
        }
        return (x, lastStyle)
    }

    /// Stores a run of printable ASCII (one byte per cell, all before the limit) from column `x`, cells left of `from`
    /// skipped, each cell's style patched.
    @inline(__always)
    private static func storeASCII(_ bytes: UnsafeBufferPointer<UInt8>, x startX: Int, rowStart: Int, rowWidth: Int, from: Int,
                                   patch: Style.Patch, in cells: inout UnsafeMutableBufferPointer<Cell>) {
        let first = max(startX, from)
        let end = startX + bytes.count
        guard first < end else { return }
        // Only the run's two ends can cut a wide character in half (one that starts before it, or one that ends after
        // it): `store` repairs those; the cells between are overwritten as they are.
        let last = end - 1
        store(Cell(ascii: bytes[first - startX], look: patch.apply(to: cells[rowStart + first].look) | Cell.single),
              at: rowStart + first, x: first, rowWidth: rowWidth, in: &cells)
        if last > first {
            for x in (first + 1)..<last {
                let index = rowStart + x
                cells[index] = Cell(ascii: bytes[x - startX], look: patch.apply(to: cells[index].look) | Cell.single)
            }
            store(Cell(ascii: bytes[last - startX], look: patch.apply(to: cells[rowStart + last].look) | Cell.single),
                  at: rowStart + last, x: last, rowWidth: rowWidth, in: &cells)
        }
    }
}
