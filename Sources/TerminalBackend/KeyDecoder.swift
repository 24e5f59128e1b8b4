import CNcursesw
import WizardUI

/// Turns what `wget_wch` returns into a `Key`. Pure, so every mapping is tested without a terminal.
public enum KeyDecoder {
    /// `status` is the return value of `wget_wch` (`OK` for a character, `KEY_CODE_YES` for a function key) and
    /// `value` what it stored. Returns `nil` for input that means nothing here (an unknown function key, an invalid
    /// scalar), which the loop ignores.
    public static func decode(status: Int32, value: UInt32) -> Key? {
        if status == KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: value)) }
        guard status == OK else { return nil }
        return decodeCharacter(value)
    }

    static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter  // nonl() delivers Enter as 13; accept 10 too
        case 8, 127: return .backspace  // terminals send either for Backspace
        case 27: return .escape
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        default:
            guard let scalar = Unicode.Scalar(value), !(0x80..<0xA0).contains(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            let f0 = oidcw_key_f0()
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            // Keys with modifiers have no fixed code: ncurses numbers them from the terminal's description and
            // names them after it (`kLFT5` is Ctrl-Left in xterm's).
            guard code > KEY_MAX, let name = keyname(code) else { return nil }
            return decodeKeyName(String(cString: name))
        }
    }

    /// A key ncurses knows by its terminfo name only: Left/Right with Alt (3), Ctrl (5) or both (7), and with Shift
    /// as well (4, 6, 8), move a word at a time.
    static func decodeKeyName(_ name: String) -> Key? {
        for (prefix, key) in [("kLFT", Key.wordLeft), ("kRIT", Key.wordRight)] where name.hasPrefix(prefix) {
            return ["3", "4", "5", "6", "7", "8"].contains(name.dropFirst(prefix.count)) ? key : nil
        }
        return nil
    }
}
