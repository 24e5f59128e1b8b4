/// The keys seen so far, to keep the first of each: a handful are compared one by one, which costs less than
/// hashing each (a setup's subjects and a policy's findings, on every keystroke); past `linearLimit` they are
/// hashed, so a huge policy stays linear.
struct SeenKeys<Key: Hashable> {
    private var few: [Key] = []
    private var many: Set<Key>?
    static var linearLimit: Int { 32 }

    /// Whether `key` is new (and now seen).
    mutating func insert(_ key: Key) -> Bool {
        if many != nil { return many!.insert(key).inserted }
        if few.contains(key) { return false }
        if few.count < Self.linearLimit {
            few.append(key)
        } else {
            var set = Set(few)
            set.insert(key)
            many = set
            few = []
        }
        return true
    }
}
