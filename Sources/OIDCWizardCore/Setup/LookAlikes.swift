/// Explains a character that does not belong in a GitHub or AWS name: a non-ASCII look-alike
/// (Cyrillic `а` in `аcme`), an invisible or direction-changing character, or a control character.
///
/// A name with a look-alike is a *different* name — `аcme` is not `acme` — so a policy written with it
/// never matches the real repository, or matches an attacker's account registered under it.
enum LookAlikes {
    /// The first character of `text` that is not printable ASCII, described for a newcomer; nil when
    /// `text` is printable ASCII. `what` names the kind of name ("GitHub owner names").
    static func problem(in text: String, what: String) -> String? {
        for scalar in text.unicodeScalars where !(scalar.value >= 0x20 && scalar.value < 0x7F) {
            return describe(scalar, what: what)
        }
        return nil
    }

    static func describe(_ scalar: Unicode.Scalar, what: String) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        if let (script, latin) = lookAlike(scalar) {
            return "Contains the \(script) letter '\(Character(scalar))' (\(code)), a look-alike of the Latin '\(latin)'; "
                + "\(what) are ASCII only, so retype it with a Latin keyboard layout."
        }
        if invisible(scalar) {
            return "Contains an invisible character (\(code)) that changes how the text displays; remove it."
        }
        let character = Character(scalar)
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
            // A tab or a line break is named as such ("a tab (U+0009)"), any other as a control character.
            let name = CharacterName.describe(character)
            return "Contains \(name.contains("U+") ? name : "\(name) (\(code))"); remove it."
        }
        if CharacterName.isNamedInWords(character) {
            return "Contains \(CharacterName.describe(character)), which is not ASCII; \(what) are ASCII only."
        }
        return "Contains '\(character)' (\(code)), which is not ASCII; \(what) are ASCII only."
    }

    static func invisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xE0000...0xE007F:
            true
        default:
            false
        }
    }

    /// The script and the Latin letter a character is commonly mistaken for.
    static func lookAlike(_ scalar: Unicode.Scalar) -> (script: String, latin: Character)? {
        let value = scalar.value
        if (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value),
           let ascii = Unicode.Scalar(value - 0xFEE0) {
            return ("fullwidth", Character(ascii))
        }
        if let latin = cyrillic[value] { return ("Cyrillic", latin) }
        if let latin = greek[value] { return ("Greek", latin) }
        if let latin = otherLatin[value] { return ("non-ASCII Latin", latin) }
        return nil
    }

    private static let cyrillic: [UInt32: Character] = [
        0x0430: "a", 0x0432: "b", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x",
        0x0456: "i", 0x0458: "j", 0x0455: "s", 0x0501: "d", 0x051B: "q", 0x051D: "w", 0x04BB: "h", 0x04CF: "l",
        0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041A: "K", 0x041C: "M", 0x041D: "H", 0x041E: "O", 0x0420: "P",
        0x0421: "C", 0x0422: "T", 0x0425: "X", 0x0406: "I", 0x0408: "J", 0x0405: "S", 0x0423: "Y",
    ]
    private static let greek: [UInt32: Character] = [
        0x03B1: "a", 0x03BF: "o", 0x03BD: "v", 0x03B9: "i", 0x03BA: "k", 0x03C1: "p", 0x03C5: "u", 0x03C7: "x",
        0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0396: "Z", 0x0397: "H", 0x0399: "I", 0x039A: "K", 0x039C: "M",
        0x039D: "N", 0x039F: "O", 0x03A1: "P", 0x03A4: "T", 0x03A5: "Y", 0x03A7: "X",
    ]
    private static let otherLatin: [UInt32: Character] = [
        0x0131: "i", 0x0261: "g", 0x01C0: "l", 0x0251: "a", 0x1D00: "A", 0x0280: "R",
    ]
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
