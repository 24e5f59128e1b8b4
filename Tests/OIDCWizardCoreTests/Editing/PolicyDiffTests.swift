import Testing
@testable import OIDCWizardCore

@Suite("Policy diff")
struct PolicyDiffTests {
    /// The lines a diff keeps or removes are the text before; the lines it keeps or adds are the text after.
    private func sides(_ lines: [PolicyDiff.Line]) -> (before: [String], after: [String]) {
        var before: [String] = [], after: [String] = []
        for line in lines {
            switch line {
            case .same(let text): before.append(text); after.append(text)
            case .removed(let text): before.append(text)
            case .added(let text): after.append(text)
            }
        }
        return (before, after)
    }

    /// The fewest removed plus added lines, by the textbook table over every pair of lines (small inputs only).
    private func fewestEdits(_ a: [String], _ b: [String]) -> Int {
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        return a.count + b.count - 2 * lengths[0][0]
    }

    @Test("one changed line: removed, then added, with three lines of context and line numbers")
    func oneLine() {
        let before = (1...9).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let after = before.replacingOccurrences(of: "line 5", with: "line five")
        #expect(PolicyDiff(before: before, after: after).unified() == """
            --- before
            +++ after
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test("over random pairs of texts, the diff rebuilds both sides and is as short as any")
    func shortest() {
        var generator = SplitMix(seed: 0xD1FF)
        func text() -> [String] {
            (0..<Int(generator.next() % 12)).map { _ in ["a", "b", "c", "{", "}"][Int(generator.next() % 5)] }
        }
        for _ in 0..<500 {
            let (a, b) = (text(), text())
            let lines = PolicyDiff.diff(a, b)
            #expect(sides(lines).before == a && sides(lines).after == b, "\(a) → \(b)")
            let edits = lines.count { if case .same = $0 { false } else { true } }
            #expect(edits == fewestEdits(a, b), "\(a) → \(b)")
        }
    }

    @Test("a thousand changed lines in a policy of fifteen thousand: the few changes, quickly")
    func large() {
        let before = (0..<15_000).map { "\"value \($0)\"," }
        var after = before
        for index in stride(from: 7, to: 15_000, by: 15) { after[index] = "\"changed \(index)\"," }
        let lines = PolicyDiff.diff(before, after)
        #expect(sides(lines).before == before && sides(lines).after == after)
        #expect(lines.count { if case .added = $0 { true } else { false } } == 1_000)
    }

    @Test("past the edit limit, the middle is shown as replaced: still a true diff")
    func beyondTheLimit() {
        let before = (0..<60).map { "old \($0)" }, after = (0..<60).map { "new \($0)" }
        #expect(PolicyDiff.shortestEdit(before, after, maxEdits: 100) == nil)
        #expect(PolicyDiff.shortestEdit(before, after, maxEdits: 120)?.count == 120)
        let lines = PolicyDiff.diff(["{"] + before + ["}"], ["{"] + after + ["}"], maxEdits: 100)
        #expect(sides(lines).before == ["{"] + before + ["}"] && sides(lines).after == ["{"] + after + ["}"])
    }
}
