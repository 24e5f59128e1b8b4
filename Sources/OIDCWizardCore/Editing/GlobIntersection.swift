/// Whether some string passes two IAM tests at once — e.g. `StringLike repo:acme/*` and
/// `StringLike *:ref:refs/heads/main` (yes: `repo:acme/app:ref:refs/heads/main`), or `repo:acme/app:*` and
/// `repo:acme/api:*` (no). Decided exactly on the patterns, not by trying examples.
enum GlobIntersection {
    private enum Token: Hashable {
        case star
        case one
        case char(Character)
    }

    /// `isPattern` false means the value is compared literally (StringEquals: `*` is just a character).
    static func intersects(_ a: String, isPattern aIsPattern: Bool, _ b: String, isPattern bIsPattern: Bool) -> Bool {
        let x = tokens(a, isPattern: aIsPattern)
        let y = tokens(b, isPattern: bIsPattern)
        var memo: [Int: Bool] = [:]
        func reach(_ i: Int, _ j: Int) -> Bool {
            let key = i * (y.count + 1) + j
            if let known = memo[key] { return known }
            memo[key] = false // a cycle adds nothing new
            let result: Bool
            if i == x.count, j == y.count {
                result = true
            } else if i < x.count, x[i] == .star {
                // The star matches nothing more, or it takes the character y[j] stands for.
                result = reach(i + 1, j) || (j < y.count && reach(i, j + 1))
            } else if j < y.count, y[j] == .star {
                result = reach(i, j + 1) || (i < x.count && reach(i + 1, j))
            } else if i < x.count, j < y.count {
                switch (x[i], y[j]) {
                case (.char(let c), .char(let d)): result = c == d && reach(i + 1, j + 1)
                default: result = reach(i + 1, j + 1) // `?` against one character or another `?`
                }
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return reach(0, 0)
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
