/// Whether some string passes two IAM tests at once — e.g. `StringLike repo:acme/*` and
/// `StringLike *:ref:refs/heads/main` (yes: `repo:acme/app:ref:refs/heads/main`), or `repo:acme/app:*` and
/// `repo:acme/api:*` (no). Decided exactly on the patterns, not by trying examples.
enum GlobIntersection {
    private enum Token: Hashable {
        case star
        case one
        case char(Character)
    }

    /// The most pairs of positions the search may visit (one bit each, so 2 MiB). Two values of 4,000
    /// characters each fit, and IAM refuses a trust policy longer than 8,192 characters even with a quota
    /// increase, so every policy AWS would accept is decided exactly; only a hostile file goes past it.
    static let maxStates = 1 << 24

    /// `isPattern` false means the value is compared literally (StringEquals: `*` is just a character).
    ///
    /// A search over pairs of positions, one in each value: from (i, j), a star may match nothing more or
    /// take the next token of the other side; two single tokens must agree. Both values used up at once
    /// means some string passes both. The search keeps its own stack rather than recursing, because the
    /// depth is the length of both values together and a long value in a hostile file would overflow the
    /// thread's stack. Past `maxStates` it answers yes ("both may hold"): the caller then asks a person to
    /// merge by hand instead of merging on its own, which is the safe side.
    static func intersects(_ a: String, isPattern aIsPattern: Bool, _ b: String, isPattern bIsPattern: Bool) -> Bool {
        let x = tokens(a, isPattern: aIsPattern)
        let y = tokens(b, isPattern: bIsPattern)
        let width = y.count + 1
        let (states, overflow) = (x.count + 1).multipliedReportingOverflow(by: width)
        guard !overflow, states <= maxStates else { return true }
        var seen = [UInt64](repeating: 0, count: (states + 63) / 64)
        var pending: [(Int, Int)] = [(0, 0)]
        seen[0] = 1
        func visit(_ i: Int, _ j: Int) {
            let key = i * width + j
            let (word, bit) = (key / 64, UInt64(1) << UInt64(key % 64))
            guard seen[word] & bit == 0 else { return }
            seen[word] |= bit
            pending.append((i, j))
        }
        while let (i, j) = pending.popLast() {
            if i == x.count, j == y.count { return true }
            if i < x.count, x[i] == .star {
                // The star matches nothing more, or it takes the character y[j] stands for.
                visit(i + 1, j)
                if j < y.count { visit(i, j + 1) }
            } else if j < y.count, y[j] == .star {
                visit(i, j + 1)
                if i < x.count { visit(i + 1, j) }
            } else if i < x.count, j < y.count {
                switch (x[i], y[j]) {
                case (.char(let c), .char(let d)): if c == d { visit(i + 1, j + 1) }
                default: visit(i + 1, j + 1) // `?` against one character or another `?`
                }
            }
        }
        return false
    }

    private static func tokens(_ text: String, isPattern: Bool) -> [Token] {
        text.map { character in
            guard isPattern else { return .char(character) }
            switch character {
            case "*": return .star
            case "?": return .one
            default: return .char(character)
            }
        }
    }
}
