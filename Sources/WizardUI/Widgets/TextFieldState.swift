/// An editable single line of text with a cursor, and how to draw it into a one-row box.
///
/// Keys (readline-style): characters insert; Left/Right, Home/End (Ctrl-A/Ctrl-E, Ctrl-B/Ctrl-F) move; Backspace and
/// Delete (Ctrl-D) delete; Ctrl-K deletes to the end, Ctrl-U to the start, Ctrl-W the word before the cursor;
/// Ctrl- or Alt-Left/Right and Alt-B/Alt-F move a word at a time; Alt-Backspace and Alt-D delete the word before and
/// after the cursor, stopping at the parts of a name as the word moves do.
///
/// Text wider than its box scrolls horizontally so the cursor stays visible. The scroll position lives here
/// (`scrollOffset`), adjusted on every edit for `visibleWidth`: set `visibleWidth` from your layout (e.g. on
/// `.resized`). Drawing clamps the offset again for the actual width, so a stale `visibleWidth` can never hide the cursor.
public struct TextFieldState: Hashable, Sendable {
    /// The text as characters, so the cursor is a plain index.
    public private(set) var characters: [Character] {
        didSet { joined = String(characters) }
    }
    /// `characters` as one string, kept with every edit: the wizard reads every field's text on every keystroke,
    /// and joining the characters on each read cost more than the edit.
    private var joined: String
    /// The cursor position: the index of the character it stands before (`characters.count` at the end).
    public private(set) var cursor: Int
    /// Index of the first character shown.
    public private(set) var scrollOffset: Int = 0
    /// Columns of the box the field is drawn in, used to keep the cursor in view while editing.
    public var visibleWidth: Int {
        didSet { scrollToCursor() }
    }

    public init(_ text: String = "", visibleWidth: Int = 40) {
        self.characters = Array(text)
        joined = String(characters)
        self.cursor = characters.count
        self.visibleWidth = max(1, visibleWidth)
        scrollToCursor()
    }

    public var text: String {
        get { joined }
        set {
            characters = Array(newValue)
            cursor = characters.count
            scrollOffset = 0
            scrollToCursor()
        }
    }

    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key. Returns `false` for keys a text field does not use (Tab, Enter, Up, …) so the screen can
    /// handle them.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(c)
        case .backspace: deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveCursor(to: cursor - 1)
        case .right, .ctrl("f"): moveCursor(to: cursor + 1)
        case .wordLeft, .alt("b"), .alt("B"): moveCursor(to: wordStartBeforeCursor)
        case .wordRight, .alt("f"), .alt("F"): moveCursor(to: wordEndAfterCursor)
        case .altBackspace: deleteWordPartBackward()
        case .alt("d"), .alt("D"): deleteWordPartForward()
        case .home, .ctrl("a"): moveCursor(to: 0)
        case .end, .ctrl("e"): moveCursor(to: characters.count)
        case .ctrl("k"): deleteToEnd()
        case .ctrl("u"): deleteToStart()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Inserts at the cursor. A combining mark, variation selector, joiner etc. joins the character before the
    /// cursor when together they form one grapheme (keys arrive one scalar at a time).
    public mutating func insert(_ character: Character) {
        if cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1, let merged = joined.first {
                characters[cursor - 1] = merged
                scrollToCursor()
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
        scrollToCursor()
    }

    public mutating func insert(_ text: String) {
        for c in text { insert(c) }
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        scrollToCursor()
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        scrollToCursor()
    }

    public mutating func moveCursor(to index: Int) {
        cursor = min(max(0, index), characters.count)
        scrollToCursor()
    }

    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
        scrollToCursor()
    }

    public mutating func deleteToStart() {
        characters.removeSubrange(..<cursor)
        cursor = 0
        scrollToCursor()
    }

    /// Where the word before the cursor starts, as a shell's Alt-B finds it: back over what is not a letter or a
    /// digit, then over the letters and digits before it (`acme/app-web` stops at `web`, `app`, `acme`).
    private var wordStartBeforeCursor: Int {
        var index = cursor
        while index > 0, !Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    /// Where the word after the cursor ends, as a shell's Alt-F finds it.
    private var wordEndAfterCursor: Int {
        var index = cursor
        while index < characters.count, !Self.isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, Self.isWordCharacter(characters[index]) { index += 1 }
        return index
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Deletes the spaces before the cursor, then the word before them (as Ctrl-W does in a shell).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
        scrollToCursor()
    }

    /// Deletes back to where Alt-B would move (`acme/app-web|` → `acme/app-|`), as readline's Alt-Backspace does.
    public mutating func deleteWordPartBackward() {
        let start = wordStartBeforeCursor
        characters.removeSubrange(start..<cursor)
        cursor = start
        scrollToCursor()
    }

    /// Deletes up to where Alt-F would move (`acme/|app-web` → `acme/|-web`), as readline's Alt-D does.
    public mutating func deleteWordPartForward() {
        characters.removeSubrange(cursor..<wordEndAfterCursor)
        scrollToCursor()
    }

    /// The first character shown in a box `width` columns wide: the stored offset, moved just enough that the cursor
    /// (which needs one column of its own at the end of the text) is visible.
    public func firstVisibleIndex(width: Int) -> Int {
        let width = max(1, width)
        var first = min(scrollOffset, cursor)
        // Columns from `first` up to and including the cursor cell.
        func columnsToCursor(from start: Int) -> Int {
            var total = 1
            var i = start
            while i < cursor {
                total += CharacterWidth.of(characters[i])
                i += 1
            }
            return total
        }
        var used = columnsToCursor(from: first)
        while used > width, first < cursor {
            used -= CharacterWidth.of(characters[first])
            first += 1
        }
        // Show as much as fits when the whole text is narrower than the box.
        if first > 0 {
            var total = 1
            for c in characters { total += CharacterWidth.of(c) }
            if total <= width { first = 0 }
        }
        return first
    }

    /// The column of the cursor inside a box `width` columns wide.
    public func cursorColumn(width: Int) -> Int {
        let first = firstVisibleIndex(width: width)
        var column = 0
        for i in first..<cursor { column += CharacterWidth.of(characters[i]) }
        return column
    }

    private mutating func scrollToCursor() {
        scrollOffset = firstVisibleIndex(width: visibleWidth)
    }

    /// Draws the field into the first row of `rect`: the visible part of the text in `style` (or `placeholder`, when
    /// empty), and — when `focused` — places the frame's cursor.
    public func render(into frame: inout Frame, in rect: Rect, style: Style = .plain, placeholder: StyledText? = nil, focused: Bool) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        frame.fill(row, style: style)
        if characters.isEmpty, let placeholder {
            frame.draw(placeholder, in: row, overflow: .ellipsis)
        } else {
            let first = firstVisibleIndex(width: row.width)
            var x = row.x
            var i = first
            while i < characters.count, x < row.maxX {
                x += frame.put(characters[i], at: Position(x: x, y: row.y), style: style, clip: row)
                i += 1
            }
        }
        if focused {
            frame.cursor = Position(x: row.x + min(cursorColumn(width: row.width), row.width - 1), y: row.y)
        }
    }
}
