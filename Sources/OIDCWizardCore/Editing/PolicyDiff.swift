/// A line diff of two texts (longest common subsequence), printed unified-style: `-` for removed
/// lines, `+` for added ones, a few unchanged lines around each change, `@@` headers with line numbers.
///
/// Policies are small (tens to hundreds of lines), so the quadratic table is cheap and the result is
/// the minimal diff people expect to read.
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

    static func diff(_ a: [String], _ b: [String]) -> [Line] {
        // Trim the common head and tail first: most edits touch a few lines in the middle.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let x = Array(a[head..<(a.count - tail)])
        let y = Array(b[head..<(b.count - tail)])
        // lengths[i][j] = LCS length of x[i...] and y[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lengths[i][j] = x[i] == y[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Line] = a[..<head].map(Line.same)
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                result.append(.same(x[i])); i += 1; j += 1
            } else if j < y.count, i == x.count || lengths[i][j + 1] > lengths[i + 1][j] {
                result.append(.added(y[j])); j += 1
            } else {
                result.append(.removed(x[i])); i += 1
            }
        }
        result += a[(a.count - tail)...].map(Line.same)
        return result
    }
}
