/// A line diff of two texts (a shortest edit script), printed unified-style: `-` for removed lines, `+` for
/// added ones, a few unchanged lines around each change, `@@` headers with line numbers.
///
/// Myers' algorithm: time grows with the texts' length times the number of lines that differ, and memory with
/// the square of that number, so the few changed lines of a fix cost next to nothing even in a policy of
/// thousands of lines. (A table over every pair of lines, as before, needed 1.8 GB for a 15,000-line policy.)
public struct PolicyDiff: Hashable, Sendable {
    public enum Line: Hashable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Every line of both texts, in order, each marked.
    public var lines: [Line]

    public init(before: String, after: String) {
        lines = Self.diff(Self.split(before), Self.split(after))
    }

    /// Whether the texts differ at all.
    public var hasChanges: Bool {
        lines.contains { if case .same = $0 { false } else { true } }
    }

    public var addedCount: Int { lines.filter { if case .added = $0 { true } else { false } }.count }
    public var removedCount: Int { lines.filter { if case .removed = $0 { true } else { false } }.count }

    /// The unified-style text: `--- <before>` / `+++ <after>` and hunks with `context` unchanged lines
    /// around each change. Empty when nothing changed.
    public func unified(beforeName: String = "before", afterName: String = "after", context: Int = 3) -> String {
        guard hasChanges else { return "" }
        var out = "--- \(beforeName)\n+++ \(afterName)\n"
        // Positions of changed lines, grouped into hunks that share context.
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...range.upperBound
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            var oldStart = 1, newStart = 1
            for line in lines[..<hunk.lowerBound] {
                switch line {
                case .same: oldStart += 1; newStart += 1
                case .removed: oldStart += 1
                case .added: newStart += 1
                }
            }
            var oldCount = 0, newCount = 0
            var body = ""
            for line in lines[hunk] {
                switch line {
                case .same(let text): oldCount += 1; newCount += 1; body += " \(text)\n"
                case .removed(let text): oldCount += 1; body += "-\(text)\n"
                case .added(let text): newCount += 1; body += "+\(text)\n"
                }
            }
            out += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n" + body
        }
        return out
    }

    static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func diff(_ a: [String], _ b: [String], maxEdits: Int = maxEdits) -> [Line] {
        // Trim the common head and tail first: most edits touch a few lines in the middle.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let x = Array(a[head..<(a.count - tail)])
        let y = Array(b[head..<(b.count - tail)])
        var result: [Line] = a[..<head].map(Line.same)
        if let middle = shortestEdit(x, y, maxEdits: maxEdits) {
            result += middle
        } else {
            // Too many differences to search: everything in between is shown as replaced (still a true diff).
            result += x.map(Line.removed) + y.map(Line.added)
        }
        result += a[(a.count - tail)...].map(Line.same)
        return result
    }

    /// Past this many removed and added lines, `shortestEdit` gives up (its memory grows with the square).
    static let maxEdits = 3_000

    /// The shortest edit script from `x` to `y` (Myers, "An O(ND) difference algorithm", 1986), removals before
    /// additions where both are as short; nil past `maxEdits`.
    ///
    /// Diagonal `k` holds the points where x's position minus y's is `k`. After round `d`, `reach[k]` is the
    /// furthest x on diagonal k that `d` edits get to (-1: none inside the texts). Each round takes one more edit
    /// from a neighbouring diagonal, then follows equal lines for free. Every round's reach is kept (2d + 1
    /// entries) to walk the path back.
    static func shortestEdit(_ x: [String], _ y: [String], maxEdits: Int = maxEdits) -> [Line]? {
        let n = x.count, m = y.count
        var rounds: [[Int32]] = []
        /// Round `d`'s step onto diagonal `k` from round `d - 1`: an addition (down, from k + 1) or a removal
        /// (right, from k - 1), whichever gets further and stays inside the texts; nil when neither does.
        func step(_ k: Int, _ d: Int) -> (down: Bool, i: Int)? {
            let previous = rounds[d - 1]
            func reach(_ diagonal: Int) -> Int? {
                guard abs(diagonal) <= d - 1 else { return nil }
                let i = Int(previous[diagonal + d - 1])
                return i < 0 ? nil : i
            }
            let down = reach(k + 1).flatMap { i in i - (k + 1) < m ? i : nil }
            let right = reach(k - 1).flatMap { i in i < n ? i + 1 : nil }
            switch (down, right) {
            case (let down?, let right?): return down > right - 1 ? (true, down) : (false, right)
            case (let down?, nil): return (true, down)
            case (nil, let right?): return (false, right)
            case (nil, nil): return nil
            }
        }
        var found = false
        for d in 0...min(n + m, maxEdits) {
            var reach = [Int32](repeating: -1, count: 2 * d + 1)
            for k in stride(from: -d, through: d, by: 2) {
                var i: Int
                if d == 0 { i = 0 } else if let (_, start) = step(k, d) { i = start } else { continue }
                var j = i - k
                while i < n, j < m, x[i] == y[j] { i += 1; j += 1 }
                reach[k + d] = Int32(i)
                if i == n, j == m { found = true }
            }
            rounds.append(reach)
            if found { break }
        }
        guard found else { return nil }
        // Back from the end, undoing each round's step and the equal lines that followed it.
        var lines: [Line] = []
        var i = n, j = m
        for d in stride(from: rounds.count - 1, through: 1, by: -1) {
            let k = i - j
            guard let (down, start) = step(k, d) else { return nil }  // cannot happen: round d reached (i, j)
            while i > start { i -= 1; j -= 1; lines.append(.same(x[i])) }
            if down { j -= 1; lines.append(.added(y[j])) } else { i -= 1; lines.append(.removed(x[i])) }
        }
        while i > 0 { i -= 1; j -= 1; lines.append(.same(x[i])) }
        return lines.reversed()
    }
}
