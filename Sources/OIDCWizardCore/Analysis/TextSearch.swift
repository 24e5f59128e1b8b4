/// Substring search on UTF-8 bytes for the analysis's hot paths.
///
/// With Foundation imported anywhere in the module, `"text".contains("..")` resolves to Foundation's
/// `StringProtocol.contains`, which bridges to `NSString` and `CFStringFind` — about a sixth of a
/// wizard keystroke went there. These concrete overloads are preferred by the type checker over the
/// generic ones. Every needle the core searches for is ASCII, and IAM and git compare bytes, so a byte
/// search is the comparison that matters here.
extension String {
    func contains(_ needle: String) -> Bool {
        // Native strings are contiguous: search their buffers directly (a view's generic indexing costs several
        // times more per byte); bridged or shared strings take the general path.
        utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { haystack.containsBytes($0) }
        }.flatMap { $0 } ?? utf8.containsBytes(needle.utf8)
    }
}

extension Substring {
    func contains(_ needle: String) -> Bool {
        utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { haystack.containsBytes($0) }
        }.flatMap { $0 } ?? utf8.containsBytes(needle.utf8)
    }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in `self` as a contiguous run of bytes (the empty needle always does).
    func containsBytes<Needle: Collection>(_ needle: Needle) -> Bool where Needle.Element == UInt8 {
        guard let first = needle.first else { return true }
        let rest = needle.dropFirst()
        var start = startIndex
        while let hit = self[start...].firstIndex(of: first) {
            var i = index(after: hit)
            var matched = true
            for byte in rest {
                guard i != endIndex, self[i] == byte else { matched = false; break }
                formIndex(after: &i)
            }
            if matched { return true }
            start = index(after: hit)
        }
        return false
    }
}
