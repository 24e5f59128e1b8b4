/// Substring search on UTF-8 bytes for the analysis's hot paths.
///
/// With Foundation imported anywhere in the module, `"text".contains("..")` resolves to Foundation's
/// `StringProtocol.contains`, which bridges to `NSString` and `CFStringFind` — about a sixth of a
/// wizard keystroke went there. These concrete overloads are preferred by the type checker over the
/// generic ones. Every needle the core searches for is ASCII, and IAM and git compare bytes, so a byte
/// search is the comparison that matters here.
extension String {
    func contains(_ needle: String) -> Bool { utf8.containsBytes(needle.utf8) }
}

extension Substring {
    func contains(_ needle: String) -> Bool { utf8.containsBytes(needle.utf8) }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in `self` as a contiguous run of bytes (the empty needle always does). Searched
    /// on the two buffers when both have one (native strings do: a view's generic indexing costs several times
    /// more per byte); bridged or shared text takes the general path.
    func containsBytes<Needle: Collection>(_ needle: Needle) -> Bool where Needle.Element == UInt8 {
        let inBuffers = withContiguousStorageIfAvailable { haystack in
            needle.withContiguousStorageIfAvailable { Self.search(haystack, for: $0) }
        }
        return (inBuffers ?? nil) ?? Self.search(self, for: needle)
    }

    private static func search<Haystack: Collection<UInt8>, Needle: Collection<UInt8>>(_ haystack: Haystack, for needle: Needle) -> Bool {
        guard let first = needle.first else { return true }
        let rest = needle.dropFirst()
        var start = haystack.startIndex
        while let hit = haystack[start...].firstIndex(of: first) {
            var i = haystack.index(after: hit)
            var matched = true
            for byte in rest {
                guard i != haystack.endIndex, haystack[i] == byte else { matched = false; break }
                haystack.formIndex(after: &i)
            }
            if matched { return true }
            start = haystack.index(after: hit)
        }
        return false
    }
}
