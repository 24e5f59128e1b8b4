import Foundation
import Testing
@testable import OIDCWizardCore

/// The example corpus: every file in Resources/examples/hazards carries one hazard, documented in its
/// README (file → rule → severity → kind). Linting each must find that hazard at that severity, and the
/// tight examples must produce nothing at high or above.
@Suite("Hazard corpus: every documented hazard is found at its documented severity")
struct HazardCorpusTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/examples")

    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var severity: Severity
        var kind: FindingKind
        var testDescription: String { file }
    }

    /// The README's table: | `file` | hazard | severity | kind | note |.
    static func table() throws -> [Expectation] {
        let readme = try String(contentsOf: examples.appendingPathComponent("hazards/README.md"), encoding: .utf8)
        return readme.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 6, cells[1].hasPrefix("`"), cells[1].hasSuffix(".json`"),
                  let severity = Severity(rawValue: cells[3]), let kind = FindingKind(rawValue: cells[4]) else { return nil }
            return Expectation(file: String(cells[1].dropFirst().dropLast()), severity: severity, kind: kind)
        }
    }

    static func lint(_ relative: String) throws -> [Finding] {
        let text = try String(contentsOf: examples.appendingPathComponent(relative), encoding: .utf8)
        let reading = try PolicyReader.read(text: text).reading
        return PolicyAnalyzer.analyze(reading.policy, context: AnalysisContext(readerNotes: reading.notes))
    }

    @Test("the README documents every hazard file, and every documented file exists")
    func tableCoversFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.appendingPathComponent("hazards").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(try Self.table().map(\.file).sorted() == files)
    }

    /// The rule that reports each file's hazard, and the other findings the file may carry: the README's
    /// background findings, those its note column names, and consequences our analysis adds (commented).
    static let rules: [String: (rule: String, also: Set<String>)] = [
        "no-subject.json": ("subject-missing", ["aws-will-reject"]),
        "sub-matches-everyone.json": ("subject-matches-anyone", []),
        "repo-wildcard-owner.json": ("owner-wildcard", []),
        "negated-only.json": ("negated-only", ["aws-will-reject"]),
        "second-loose-statement.json": ("org-wide", []),
        "principal-star.json": ("principal-too-wide", []),
        "federated-star.json": ("principal-too-wide", []),
        // The lost clause leaves the statement without a sub test: subject-missing says so too.
        "duplicate-stringlike.json": ("duplicate-key", ["stringlike-without-wildcard", "subject-missing", "aws-will-reject"]),
        "duplicate-condition.json": ("duplicate-key", ["subject-missing", "aws-will-reject"]),
        "forallvalues-sub.json": ("forallvalues-claim", ["aws-will-reject"]),
        "not-an-iam-key.json": ("negated-unsupported-key", []),
        "unsupported-claim.json": ("unsupported-claim-key", []),
        "org-wide.json": ("org-wide", []),
        "any-context.json": ("any-context", []),
        "branch-prefix-glob.json": ("branch-glob", []),
        "pull-requests.json": ("pull-request-trusted", []),
        "default-branch.json": ("default-branch-events", []),
        "environment-without-protection.json": ("environment-protection", []),
        "name-only-subject.json": ("name-only-subject", []),
        "wrong-subject-form.json": ("subject-form-mismatch", []),
        "no-audience.json": ("audience-missing", []),
        "wrong-audience.json": ("audience-wrong", []),
        "partition-mismatch.json": ("partition-mismatch", []),
        "stringequals-wildcard.json": ("wildcard-under-stringequals", []),
        // The release/* value is also a branch pattern (low: the statement never applies, so nothing gets in).
        "sub-two-operators.json": ("subject-under-two-operators", ["branch-glob"]),
        "stringlike-no-wildcard.json": ("stringlike-without-wildcard", []),
        "ifexists-audience.json": ("ifexists-claim", []),
        "wrong-key-prefix.json": ("key-wrong-prefix", ["aws-will-reject"]),
        "aws-will-refuse.json": ("aws-will-reject", []),
        "wrong-action.json": ("action-wrong", []),
        "not-github.json": ("not-github", []),
        "lookalike-owner.json": ("lookalike-name", []),
        "capitalisation.json": ("case-mismatch", []),
        // A template subject without runner_environment: the teaching note for sensitive roles.
        "template-without-binding.json": ("template-without-binding", ["self-hosted-runners"]),
        "unpinned-reusable-workflow.json": ("reusable-workflow-unpinned", []),
        "legacy-issuer.json": ("legacy-issuer", []),
        "deny-only.json": ("no-allow", []),
    ]
    static let background: Set<String> = ["name-only-subject", "default-branch-events", "environment-protection"]

    @Test("each hazard file yields its hazard's rule at the documented severity and kind, and nothing unexplained",
          arguments: try HazardCorpusTests.table())
    func hazard(_ expected: Expectation) throws {
        let findings = try Self.lint("hazards/" + expected.file)
        let summary = findings.map { "\($0.rule) \($0.severity) \($0.kind)" }
        let rule = try #require(Self.rules[expected.file], "no rule mapped for \(expected.file)")
        #expect(findings.contains { $0.rule == rule.rule && $0.severity == expected.severity && $0.kind == expected.kind },
                "\(expected.file): \(summary)")
        let allowed = rule.also.union(Self.background).union([rule.rule])
        #expect(findings.allSatisfy { allowed.contains($0.rule) }, "\(expected.file): \(summary)")
        // Nothing but the background teaching findings is reported worse than the hazard itself.
        #expect(findings.allSatisfy { $0.severity <= expected.severity || Self.background.contains($0.rule) },
                "\(expected.file): \(summary)")
    }

    @Test("the tight examples produce nothing at high or above",
          arguments: ["tight-branch.json", "environment-prod.json", "immutable-ids.json", "reusable-workflow.json", "china.json", "ghes.json"])
    func tight(_ file: String) throws {
        let findings = try Self.lint(file)
        #expect(findings.allSatisfy { $0.severity < .high }, "\(file): \(findings.map { "\($0.rule) \($0.severity): \($0.message)" })")
    }
}
