/// One decoded key press (or a terminal resize), independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    /// A printable character (including space). Multi-scalar graphemes may arrive as several keys; text fields join them.
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl- or Alt-Left / -Right: a word at a time in a text field (Alt-Left also goes back in help, as in a browser).
    case wordLeft, wordRight
    /// Alt (Meta) plus a character, which terminals send as Esc and then the character. Text fields take readline's
    /// Alt-B / Alt-F (a word back / forward), Alt-D (delete the word after) and Alt-Backspace (`altBackspace`);
    /// elsewhere it means nothing — never Esc and a typed letter.
    case alt(Character)
    /// F1 is `.function(1)`.
    case function(Int)
    /// Control plus a key, as a lowercase letter (`.ctrl("c")`) or one of `@ [ \ ] ^ _`. Ctrl-I, Ctrl-M and Ctrl-H
    /// arrive as `.tab`, `.enter` and `.backspace` because terminals send the same bytes for them.
    case ctrl(Character)
    /// The terminal changed size; the loop reads the new size and passes it on as `ProgramEvent.resized`.
    case resize

    /// Ctrl-C: raw mode turns it into a key, and every screen treats it as "quit".
    public static let interrupt = Key.ctrl("c")

    /// Alt-Backspace (Esc and DEL, or Esc and Ctrl-H): deletes the word before the cursor, as in readline.
    public static let altBackspace = Key.alt("\u{7F}")
}

extension Key: CustomStringConvertible {
    /// A short human name, for help texts and test failures ("Ctrl-S", "Shift-Tab", "F1", "a").
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .wordLeft: return "Ctrl-Left"
        case .wordRight: return "Ctrl-Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PageUp"
        case .pageDown: return "PageDown"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-\(String(c).uppercased())"
        case .alt("\u{7F}"): return "Alt-Backspace"
        case .alt(let c): return "Alt-\(String(c).uppercased())"
        case .resize: return "Resize"
        }
    }
}

extension Key {
    /// Keys for typing `text`, one `.character` per character (newlines become `.enter`), for driving screens in tests.
    public static func typing(_ text: String) -> [Key] {
        text.map { $0 == "\n" ? .enter : .character($0) }
    }
}
