import CNcursesw
import WizardUI

/// One input as `wget_wch` returns it: `status` is `OK` for a character, `KEY_CODE_YES` for a key ncurses decoded,
/// `ERR` for none (nothing has arrived, in a read that does not wait, or the read failed).
struct KeyInput: Equatable {
    var status: Int32
    var value: UInt32

    static let none = KeyInput(status: ERR, value: 0)
}

/// Where a `KeyReader` reads from: ncurses in the session (see `TerminalSession.readKey`), a list in the tests.
protocol KeySource {
    /// The next input; without `waiting`, only what the terminal has sent already (`.none` when nothing has).
    mutating func next(waiting: Bool) -> KeyInput
    /// Puts `input` back, to be the next one read.
    mutating func putBack(_ input: KeyInput)
}

/// Reads one key, with what a terminal sends after an Esc taken into account.
///
/// A terminal sends Alt (Meta) plus a key as Esc followed by the key, and a key that has no terminfo entry (Ctrl-Up in
/// some terminals, say) as Esc followed by the rest of its escape sequence. ncurses passes both on one byte at a time,
/// so read naively, readline's Alt-B would be Esc (back a step, or quit on the first step) and then a typed "b", and an
/// unknown key would type "[1;5A" into a field. What the terminal sent together with the Esc — read without waiting:
/// a person pressing Esc and then a letter is milliseconds too slow to arrive in the same read — decides:
///
/// - nothing: Esc;
/// - a printable character: `.alt` with it (text fields take readline's Alt-B, Alt-F, Alt-D; elsewhere it is ignored),
///   and Backspace: `Key.altBackspace`;
/// - Left or Right, as ncurses decoded them: a word at a time, as Alt-Left and Alt-Right are in rxvt;
/// - `[` or `O` and a control sequence up to its final byte: dropped whole, as a key nothing here knows;
/// - anything else (Enter, Tab, another Esc, a function key): Esc, and then that key on its own, as before.
enum KeyReader {
    /// A control sequence longer than this is not one a terminal sends for a key: it is dropped at this length.
    static let longestSequence = 32

    /// The next key, waiting for it; `nil` for input that means nothing here (the caller reads again). Throws
    /// `TerminalLost` when reading keeps failing (the terminal has gone away).
    static func read(from source: inout some KeySource) throws -> Key? {
        var failures = 0
        while true {
            let input = source.next(waiting: true)
            guard input.status != ERR else {
                // Interrupted reads (a signal such as SIGWINCH) fail once; a closed terminal fails forever.
                failures += 1
                if failures >= 64 { throw TerminalLost() }
                continue
            }
            let key = KeyDecoder.decode(status: input.status, value: input.value)
            return key == .escape ? afterEscape(from: &source) : key
        }
    }

    /// The key an Esc begins, from what arrived with it.
    private static func afterEscape(from source: inout some KeySource) -> Key? {
        let next = source.next(waiting: false)
        switch next.status {
        case ERR:
            return .escape
        case KEY_CODE_YES:
            switch Int32(bitPattern: next.value) {
            case KEY_LEFT: return .wordLeft
            case KEY_RIGHT: return .wordRight
            case KEY_BACKSPACE: return .altBackspace
            default:
                source.putBack(next)
                return .escape
            }
        default:
            switch next.value {
            case 8, 127:
                return .altBackspace
            case UInt32(UInt8(ascii: "[")), UInt32(UInt8(ascii: "O")):
                return controlSequence(introducedBy: next.value, from: &source)
            default:
                // A printable character; a control character (Enter, Tab, Esc) or C1 code is a key of its own.
                guard next.value >= 0x20, next.value != 0x7F, !(0x80..<0xA0).contains(next.value),
                      let scalar = Unicode.Scalar(next.value) else {
                    source.putBack(next)
                    return .escape
                }
                return .alt(Character(scalar))
            }
        }
    }

    /// After Esc and `introducer`: the parameter and intermediate bytes of a control sequence up to its final byte,
    /// all dropped (`nil`). Nothing after the introducer makes it Alt plus `[` or `O`; anything that cannot be part of a
    /// sequence ends it there and is read again as a key of its own.
    private static func controlSequence(introducedBy introducer: UInt32, from source: inout some KeySource) -> Key? {
        var length = 0
        while length < longestSequence {
            let next = source.next(waiting: false)
            if next.status == ERR {
                return length == 0 ? .alt(Character(Unicode.Scalar(UInt8(truncatingIfNeeded: introducer)))) : nil
            }
            guard next.status == OK, (0x20...0x7E).contains(next.value) else {
                source.putBack(next)
                return nil
            }
            if next.value >= 0x40 { return nil }  // the final byte
            length += 1
        }
        return nil
    }
}
