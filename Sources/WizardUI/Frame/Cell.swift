/// One screen cell. A wide character (CJK, emoji) occupies its cell plus a *continuation* cell to its right, which
/// holds no character of its own; the backend skips continuation cells because the terminal fills them itself.
///
/// The grapheme is stored inline as UTF-8 (up to 11 bytes: the wizard's own glyphs, accented letters, flags and
/// emoji with a skin tone), and the style and width are packed in one word, so a cell is 16 bytes of plain data:
/// frames are cleared, copied and compared without reference counting, and drawing lays a span's style over a cell
/// with two bit operations (`Style.Patch`). A longer grapheme (an emoji ZWJ sequence such as 🏳️‍🌈, typed into a
/// field or read from a policy) is stored as the part of it that takes as many columns (see `fitting`).
public struct Cell: Hashable, Sendable {
    /// UTF-8 bytes 0–7 (little-endian).
    private var low: UInt64
    /// UTF-8 bytes 8–10, and the byte count in the top byte.
    private var high: UInt32
    /// The style (`Style.packed`: bits 0–23) and the width (bits 24–31).
    private(set) var look: UInt32

    public init(_ character: Character = " ", style: Style = .plain, width: UInt8 = 1) {
        (low, high) = Cell.pack(character) ?? Cell.pack(Cell.fitting(character, width: width)) ?? (0x20, 1 << 24)
        look = style.packed | UInt32(width) << 24
    }

    /// The UTF-8 bytes a cell holds.
    public static let capacity = 11

    /// For a character longer than a cell holds, what shows in the same `width`: its first scalar, made an emoji with
    /// the variation selector if that is what takes the width (🏳️‍🌈 → 🏳️, ❤️‍🔥 → ❤️), else a placeholder.
    /// The terminal must never draw a narrow glyph in a wide cell: the column after it would keep old text.
    static func fitting(_ character: Character, width: UInt8) -> Character {
        guard let first = character.unicodeScalars.first else { return " " }
        for candidate in [Character(first), Character(String(first) + "\u{FE0F}")] where CharacterWidth.of(candidate) == Int(width) {
            return candidate
        }
        return width == 2 ? "\u{FF1F}" : "?"  // a fullwidth or a plain question mark
    }

    /// A cell showing one ASCII byte (the drawing fast path); `look` is a packed style and width.
    @inline(__always)
    init(ascii: UInt8, look: UInt32) {
        low = UInt64(ascii)
        high = 1 << 24
        self.look = look
    }

    /// A one-column cell showing one ASCII byte.
    @inline(__always)
    init(ascii: UInt8, style: Style) {
        self.init(ascii: ascii, look: style.packed | Cell.single)
    }

    /// `look`'s width bits for a one-column cell.
    static let single: UInt32 = 1 << 24

    public var style: Style {
        get { Style(packed: look) }
        set { look = look & 0xFF00_0000 | newValue.packed }
    }

    /// 1 for a normal cell, 2 for the left half of a wide character, 0 for the right half (continuation).
    public var width: UInt8 {
        get { UInt8(truncatingIfNeeded: look >> 24) }
        set { look = look & 0x00FF_FFFF | UInt32(newValue) << 24 }
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
    public var isWide: Bool { width == 2 }

    /// What the cell shows: one grapheme of display width 1 or 2 (a space for blank and continuation cells).
    public var character: Character {
        let count = Int(high >> 24)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for i in 0..<count {
            bytes.append(i < 8 ? UInt8(truncatingIfNeeded: low >> (8 * i)) : UInt8(truncatingIfNeeded: high >> (8 * (i - 8))))
        }
        return String(decoding: bytes, as: UTF8.self).first ?? " "
    }

    /// The Unicode scalar values of `character`, decoded from the cell's UTF-8 into `buffer` without building a
    /// `String`: a backend hands every cell that changed to the terminal this way, thousands per keystroke. Returns
    /// how many were written; a cell holds at most `capacity` of them, so a buffer that long takes them all.
    public func scalarValues(into buffer: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let count = Int(high >> 24)
        var written = 0, index = 0
        while index < count, written < buffer.count {
            // The bytes were packed from a `String`, so they are valid UTF-8: the lead byte gives the length.
            let lead = byte(index)
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= count else { break }
            var value = length == 1 ? lead : lead & (0x7F >> UInt32(length))
            for next in index + 1 ..< index + length { value = value << 6 | byte(next) & 0x3F }
            buffer[written] = value
            written += 1
            index += length
        }
        return written
    }

    /// UTF-8 byte `index` of the character.
    @inline(__always)
    private func byte(_ index: Int) -> UInt32 {
        index < 8 ? UInt32(truncatingIfNeeded: low >> (8 * index)) & 0xFF : UInt32(truncatingIfNeeded: high >> (8 * (index - 8))) & 0xFF
    }

    static func continuation(style: Style) -> Cell {
        var cell = Cell(ascii: 0x20, style: style)
        cell.width = 0
        return cell
    }

    /// The character's UTF-8 in a cell's two words, or nil when it is longer than a cell holds.
    private static func pack(_ character: Character) -> (UInt64, UInt32)? {
        // Read from the character's text as one buffer (a short text is copied to the stack): the character's own
        // UTF-8 view walks it byte by byte through generic indices, and every glyph drawn is packed.
        var text = String(character)
        return text.withUTF8 { bytes -> (UInt64, UInt32)? in
            guard bytes.count <= capacity else { return nil }
            var low: UInt64 = 0, high: UInt32 = 0
            for (n, byte) in bytes.enumerated() {
                if n < 8 { low |= UInt64(byte) << (8 * n) } else { high |= UInt32(byte) << (8 * (n - 8)) }
            }
            return (low, high | UInt32(bytes.count) << 24)
        }
    }
}
