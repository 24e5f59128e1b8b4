import CNcursesw
import Testing
@testable import TerminalBackend
import WizardUI

@Suite("Decoding what ncurses reads into keys")
struct KeyDecoderTests {
    func character(_ value: UInt32) -> Key? { KeyDecoder.decode(status: OK, value: value) }
    func keyCode(_ code: Int32) -> Key? { KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(bitPattern: code)) }

    @Test("Enter arrives as 13 (nonl), 10 or KEY_ENTER")
    func enter() {
        #expect(character(13) == .enter)
        #expect(character(10) == .enter)
        #expect(keyCode(KEY_ENTER) == .enter)
    }

    @Test("Backspace arrives as 127, 8 or KEY_BACKSPACE")
    func backspace() {
        #expect(character(127) == .backspace)
        #expect(character(8) == .backspace)
        #expect(keyCode(KEY_BACKSPACE) == .backspace)
    }

    @Test("Tab, Shift-Tab and a lone Escape")
    func tabAndEscape() {
        #expect(character(9) == .tab)
        #expect(keyCode(KEY_BTAB) == .backTab)
        #expect(character(27) == .escape)
    }

    @Test("Control letters become .ctrl with the lowercase letter; Ctrl-C is the interrupt key")
    func controlLetters() {
        #expect(character(3) == .interrupt)
        #expect(character(19) == .ctrl("s"))
        #expect(character(1) == .ctrl("a"))
        #expect(character(23) == .ctrl("w"))
        #expect(character(26) == .ctrl("z"))
        #expect(character(0) == .ctrl("@"))
        #expect(character(31) == .ctrl("_"))
    }

    @Test("Printable characters, including non-ASCII ones, arrive as characters")
    func printable() {
        #expect(character(UInt32(UInt8(ascii: "a"))) == .character("a"))
        #expect(character(UInt32(UInt8(ascii: "?"))) == .character("?"))
        #expect(character(0x6F22) == .character("漢"))
        #expect(character(0x1F600) == .character("😀"))
    }

    @Test("C1 controls and invalid scalars mean nothing")
    func invalid() {
        #expect(character(0x9B) == nil)
        #expect(character(0xD800) == nil)
        #expect(KeyDecoder.decode(status: ERR, value: 65) == nil)
    }

    @Test("Arrows, paging, Home/End, Delete, function keys and resize")
    func functionKeys() {
        #expect(keyCode(KEY_UP) == .up)
        #expect(keyCode(KEY_DOWN) == .down)
        #expect(keyCode(KEY_LEFT) == .left)
        #expect(keyCode(KEY_RIGHT) == .right)
        #expect(keyCode(KEY_PPAGE) == .pageUp)
        #expect(keyCode(KEY_NPAGE) == .pageDown)
        #expect(keyCode(KEY_HOME) == .home)
        #expect(keyCode(KEY_END) == .end)
        #expect(keyCode(KEY_DC) == .delete)
        #expect(keyCode(oidcw_key_f0() + 1) == .function(1))
        #expect(keyCode(oidcw_key_f0() + 12) == .function(12))
        #expect(keyCode(KEY_RESIZE) == .resize)
        #expect(keyCode(KEY_MOUSE) == nil)
    }

    @Test("Left and Right with Alt, Ctrl or both (with or without Shift) move a word; other named keys mean nothing")
    func modifiedArrows() {
        for modifier in 3...8 {
            #expect(KeyDecoder.decodeKeyName("kLFT\(modifier)") == .wordLeft)
            #expect(KeyDecoder.decodeKeyName("kRIT\(modifier)") == .wordRight)
        }
        for name in ["kLFT", "kLFT2", "kLFT9", "kLFT35", "kUP5", "kDN3", "kxIN", ""] {
            #expect(KeyDecoder.decodeKeyName(name) == nil, "\(name)")
        }
    }
}
