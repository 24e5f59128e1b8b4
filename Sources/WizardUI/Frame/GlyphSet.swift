/// The line-drawing and symbol glyphs a screen uses. `unicode` needs a UTF-8 locale; `ascii` works everywhere.
/// The backend picks one from the locale and hands it to the program through `Frame.glyphs`.
public struct GlyphSet: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Where a horizontal rule meets the left / right border of a box.
    public var teeRight: Character
    public var teeLeft: Character
    /// Marks text cut short. May be several columns wide in ASCII.
    public var ellipsis: String
    /// Scroll bar track and thumb.
    public var scrollTrack: Character
    public var scrollThumb: Character
    public var arrowUp: Character
    public var arrowDown: Character
    /// Allowed / denied marks, a list bullet, a pointer at the current item, the "by" in "80×24".
    public var check: Character
    public var cross: Character
    public var bullet: Character
    public var pointer: Character
    public var times: Character

    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", ellipsis: "…", scrollTrack: "│", scrollThumb: "█", arrowUp: "▲", arrowDown: "▼",
        check: "✓", cross: "✗", bullet: "•", pointer: "›", times: "×"
    )

    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", ellipsis: "...", scrollTrack: "|", scrollThumb: "#", arrowUp: "^", arrowDown: "v",
        check: "+", cross: "x", bullet: "*", pointer: ">", times: "x"
    )
}
