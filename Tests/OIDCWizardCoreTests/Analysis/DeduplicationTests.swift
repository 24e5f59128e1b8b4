import Testing
@testable import OIDCWizardCore

@Suite("One finding per rule, path and message")
struct DeduplicationTests {
    static func finding(_ rule: String, _ path: String, _ message: String) -> Finding {
        Finding(rule: rule, severity: .medium, kind: .security, statement: 0, path: path, message: message, why: "w", fix: "f")
    }

    /// The first of each (rule, path, message), in order.
    static func expected(_ findings: [Finding]) -> [Finding] {
        var kept: [Finding] = []
        for finding in findings where !kept.contains(where: { ($0.rule, $0.path, $0.message) == (finding.rule, finding.path, finding.message) }) {
            kept.append(finding)
        }
        return kept
    }

    @Test("a few findings and many findings keep the first of each, in order", arguments: [5, 32, 33, 200])
    func keepsFirstOfEach(count: Int) {
        let findings = (0..<count).map { i in
            Self.finding(["branch-glob", "pull-request-trusted"][i % 2], "$.Statement[0].Condition[\(i % 3)]", "value \(i % 5)")
        }
        let kept = PolicyAnalyzer.deduplicated(findings)
        #expect(kept == Self.expected(findings))
        #expect(kept.count == min(count, 30))
    }
}
