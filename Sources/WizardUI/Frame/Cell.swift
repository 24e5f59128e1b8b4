/// One screen cell. A wide character (CJK, emoji) occupies its cell plus a *continuation* cell to its right, which
/// holds no character of its own; the backend skips continuation cells because the terminal fills them itself.
public struct Cell: Hashable, Sendable {
    /// What the cell shows: one grapheme of display width 1 or 2 (a space for blank and continuation cells).
    public var character: Character
    public var style: Style
    /// 1 for a normal cell, 2 for the left half of a wide character, 0 for the right half (continuation).
    public var width: UInt8

    public init(_ character: Character = " ", style: Style = .plain, width: UInt8 = 1) {
        self.character = character
        self.style = style
        self.width = width
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
    public var isWide: Bool { width == 2 }

    static func continuation(style: Style) -> Cell { Cell(" ", style: style, width: 0) }
}
