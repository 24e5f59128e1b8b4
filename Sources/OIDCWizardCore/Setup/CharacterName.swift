/// How a message names one offending character. A visible one is quoted (`'/'`); whitespace and invisible
/// ones are named in words ("a space", "a tab", "a no-break space (U+00A0)"), because quotes around a blank
/// show nothing, and a terminal may wrap the line between the quotes.
enum CharacterName {
    static func describe(_ character: Character) -> String {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else {
            return character.isNewline ? "a line break" : "'\(character)'"
        }
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        switch scalar.value {
        case 0x20: return "a space"
        case 0x09: return "a tab"
        case 0x0A, 0x0D, 0x2028, 0x2029: return "a line break"
        case 0xA0: return "a no-break space (\(code))"
        case 0x202F: return "a narrow no-break space (\(code))"
        case 0x3000: return "an ideographic space (\(code))"
        case 0x200B: return "a zero-width space (\(code))"
        case 0xFEFF: return "a zero-width no-break space (\(code))"
        case 0x00AD: return "a soft hyphen (\(code))"
        default: break
        }
        if scalar.properties.isWhitespace { return "a space character (\(code))" }
        if LookAlikes.invisible(scalar) { return "an invisible character (\(code))" }
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
            return "a control character (\(code))"
        }
        return "'\(character)'"
    }

    /// Whether `describe` names the character in words rather than quoting it.
    static func isNamedInWords(_ character: Character) -> Bool { !describe(character).hasPrefix("'") }
}
