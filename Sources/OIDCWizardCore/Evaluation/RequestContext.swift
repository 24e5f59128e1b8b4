/// The request's condition keys, looked up the way IAM does: key names case-insensitively.
///
/// A key given with no values is treated as absent — a token claim is either there or not.
struct RequestContext: Sendable {
    private var valuesByKey: [String: [String]] = [:]

    init(_ context: [String: [String]]) {
        // Two spellings of one key ("…:Sub" and "…:sub") are one key to IAM: their values join.
        for key in context.keys.sorted() {
            let values = context[key] ?? []
            guard !values.isEmpty else { continue }
            valuesByKey[key.lowercased(), default: []].append(contentsOf: values)
        }
    }

    /// The key's values, or nil when the request does not carry the key.
    func values(for key: String) -> [String]? {
        valuesByKey[key.lowercased()]
    }
}
