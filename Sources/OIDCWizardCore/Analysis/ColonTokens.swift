/// A subject's bytes.
typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

/// The `:`-separated tokens of a subject, read in place without allocating: the same tokens as
/// `split(separator: ":", omittingEmptySubsequences: false)` (`"a:"` is `a` and an empty token).
struct ColonTokens {
    private let bytes: Bytes
    private var position: Int
    private var finished = false

    init(_ bytes: Bytes) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    /// Whether every token has been read.
    var isAtEnd: Bool { finished }

    mutating func next() -> Bytes? {
        guard !finished else { return nil }
        let rest = bytes[position...]
        guard let colon = rest.firstIndex(of: 0x3A) else {
            finished = true
            return rest
        }
        position = colon + 1
        return bytes[rest.startIndex..<colon]
    }

    func peek() -> Bytes? {
        var copy = self
        return copy.next()
    }
}
