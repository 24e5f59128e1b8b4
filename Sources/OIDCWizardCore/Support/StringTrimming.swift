extension StringProtocol {
    /// The text without leading and trailing ASCII spaces. Only spaces: tabs, newlines and invisible
    /// characters are kept so that validation can still see (and reject) them.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
