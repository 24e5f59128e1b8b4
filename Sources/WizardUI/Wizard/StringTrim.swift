extension StringProtocol {
    /// The text without leading and trailing spaces (no Foundation needed on the keystroke path).
    func strippingSpaces() -> String {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
