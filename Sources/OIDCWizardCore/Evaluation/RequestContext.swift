/// The request's condition keys, looked up the way IAM does: key names case-insensitively.
///
/// A key given with no values is treated as absent — a token claim is either there or not.
/// Key names are lower-cased once, here, per request; compiled clauses carry their key already
/// lower-cased, so a lookup lower-cases nothing.
struct RequestContext: Sendable {
    private var valuesByKey: [String: [String]] = [:]

    init(_ context: [String: [String]]) {
        // The requests the analysis builds already spell every key in lower case and give every key a value:
        // then the request's own dictionary is the lookup table (shared, not rebuilt).
        if context.allSatisfy({ !$0.value.isEmpty && !$0.key.hasUpperCaseOrNonASCII }) {
            valuesByKey = context
            return
        }
        valuesByKey.reserveCapacity(context.count)
        var collided = false
        for (key, values) in context where !values.isEmpty {
            let lowered = key.lowercasedForLookup
            if valuesByKey.updateValue(values, forKey: lowered) != nil { collided = true; break }
        }
        guard collided else { return }
        // Two spellings of one key ("…:Sub" and "…:sub") are one key to IAM: their values join, in a
        // fixed order (sorted spellings) so that the result never depends on dictionary order.
        valuesByKey = [:]
        for key in context.keys.sorted() {
            let values = context[key] ?? []
            guard !values.isEmpty else { continue }
            valuesByKey[key.lowercased(), default: []].append(contentsOf: values)
        }
    }

    /// The key's values, or nil when the request does not carry the key.
    func values(for key: String) -> [String]? {
        valuesByKey[key.lowercasedForLookup]
    }

    /// The values of a key whose name is already lower-cased.
    func values(forLowercased key: String) -> [String]? {
        valuesByKey[key]
    }
}

extension String {
    /// Whether some byte is an upper-case ASCII letter or not ASCII at all (then lower-casing could change it);
    /// read from the contiguous buffer where there is one, as every request's keys are checked.
    var hasUpperCaseOrNonASCII: Bool {
        func check(_ bytes: some Sequence<UInt8>) -> Bool { bytes.contains { (0x41...0x5A).contains($0) || $0 >= 0x80 } }
        return utf8.withContiguousStorageIfAvailable(check) ?? check(utf8)
    }
}
