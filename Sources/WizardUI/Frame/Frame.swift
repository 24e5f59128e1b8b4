import Foundation  // memcmp

/// An in-memory screen: a flat, row-major grid of cells, plus where the terminal cursor should be.
///
/// Screens render into a `Frame`; the backend copies it to the terminal, and tests turn it into text with
/// `FrameSnapshot`. All writes keep wide characters whole: overwriting either half of a wide character blanks the other
/// half, and a wide character that does not fit in the space allowed is drawn as a space instead.
public struct Frame: Sendable {
    public let size: Size
    /// The glyphs to draw boxes, rules, ellipses and marks with, chosen by the backend from the locale.
    public let glyphs: GlyphSet
    /// Row-major cells, `size.width * size.height` of them.
    public internal(set) var cells: [Cell]
    /// Where to show the terminal cursor (e.g. in the focused text field); `nil` hides it.
    public var cursor: Position?
    /// The columns `glyphs.ellipsis` takes, measured once (every line drawn with `.ellipsis` needs it).
    let ellipsisWidth: Int

    public init(size: Size, glyphs: GlyphSet = .unicode) {
        self.size = size
        self.glyphs = glyphs
        ellipsisWidth = CharacterWidth.of(glyphs.ellipsis)
        self.cells = [Cell](repeating: .blank, count: size.width * size.height)
        self.cursor = nil
    }

    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y`; a blank cell outside the frame.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Blanks every cell and hides the cursor, keeping the storage (the loop reuses one frame for every keystroke).
    public mutating func clear() {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
        cursor = nil
    }

    /// Writes one character with its style (replacing the cell's style) and returns the columns it took (0, 1 or 2).
    /// Zero-width characters are dropped. A wide character whose right half would cross `clip` (or the frame edge)
    /// becomes a space, so half a glyph is never drawn.
    @discardableResult
    public mutating func put(_ character: Character, at position: Position, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard area.contains(position) else { return 0 }
        let (shown, width) = CharacterWidth.measure(character)
        return place(shown, width: width, x: position.x, y: position.y, style: style, limit: area.maxX)
    }

    /// Stores an already measured character at a position known to be inside the frame; `limit` is the first column
    /// the character may not reach.
    @inline(__always)
    mutating func place(_ shown: Character, width: Int, x: Int, y: Int, style: Style, limit: Int) -> Int {
        Self.place(shown, width: width, at: y * size.width + x, x: x, rowWidth: size.width, style: style, limit: limit, in: &cells)
    }

    /// `place(_:width:x:y:style:limit:)` on the cell storage itself; `index` is the cell's, `x` its column.
    @inline(__always)
    static func place<Cells: MutableCollection<Cell>>(_ shown: Character, width: Int, at index: Int, x: Int, rowWidth: Int,
                                                      style: Style, limit: Int, in cells: inout Cells) -> Int where Cells.Index == Int {
        switch width {
        case 0:
            return 0
        case 1:
            store(Cell(shown, style: style, width: 1), at: index, x: x, rowWidth: rowWidth, in: &cells)
            return 1
        default:
            if x + 1 >= limit {
                store(Cell(ascii: 0x20, style: style), at: index, x: x, rowWidth: rowWidth, in: &cells)
                return 1
            }
            store(Cell(shown, style: style, width: 2), at: index, x: x, rowWidth: rowWidth, in: &cells)
            store(.continuation(style: style), at: index + 1, x: x + 1, rowWidth: rowWidth, in: &cells)
            return 2
        }
    }

    /// Replaces the cell at (x, y), first blanking the other half of any wide character it cuts in two.
    @inline(__always)
    mutating func store(_ cell: Cell, x: Int, y: Int) {
        Self.store(cell, at: y * size.width + x, x: x, rowWidth: size.width, in: &cells)
    }

    /// `store(_:x:y:)` on the cell storage itself (the array, or a buffer pointer to it on the drawing fast path):
    /// `index` is the cell's, `x` its column in rows `rowWidth` wide.
    @inline(__always)
    static func store<Cells: MutableCollection<Cell>>(_ cell: Cell, at index: Int, x: Int, rowWidth: Int, in cells: inout Cells)
        where Cells.Index == Int {
        let old = cells[index]
        // A continuation cell is always stored right after its own lead, so only other writes can orphan a lead.
        if old.width == 0, cell.width != 0, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = Cell(ascii: 0x20, style: cells[index - 1].style)
        } else if old.width == 2, x + 1 < rowWidth, cells[index + 1].width == 0 {
            cells[index + 1] = Cell(ascii: 0x20, style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Calls `body` with the column, row and cell of every cell that differs from the same cell of `previous`
    /// (every cell when there is none or its size differs), left to right and top to bottom, skipping continuation
    /// cells (the terminal fills those itself). This is what a backend sends to the terminal after a keystroke:
    /// rows that did not change are passed over with one comparison of their memory.
    public func forEachChange(since previous: Frame?, _ body: (_ x: Int, _ y: Int, _ cell: Cell) -> Void) {
        let width = size.width
        let compared = previous?.size == size ? previous?.cells : nil
        cells.withUnsafeBufferPointer { now in
            (compared ?? []).withUnsafeBufferPointer { before in
                for y in 0..<size.height {
                    let row = y * width
                    if !before.isEmpty,
                       memcmp(now.baseAddress! + row, before.baseAddress! + row, width * MemoryLayout<Cell>.stride) == 0 {
                        continue
                    }
                    for x in 0..<width {
                        let cell = now[row + x]
                        if !before.isEmpty, before[row + x] == cell { continue }
                        if cell.isContinuation { continue }
                        body(x, y, cell)
                    }
                }
            }
        }
    }

    /// Changes the style of every cell in `rect` (characters stay), e.g. to highlight a selected row.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            let rowStart = y * size.width
            for x in area.x..<area.maxX { change(&cells[rowStart + x].style) }
        }
    }

    /// Lays `style` over every cell in `rect` (see `Style.patched(with:)`).
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        restyle(rect) { $0 = $0.patched(with: style) }
    }
}
