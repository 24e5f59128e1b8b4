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

    @Test("each hazard file yields its hazard at the documented severity and kind, and nothing worse",
          arguments: try HazardCorpusTests.table())
    func hazard(_ expected: Expectation) throws {
        let findings = try Self.lint("hazards/" + expected.file)
        #expect(findings.contains { $0.severity == expected.severity && $0.kind == expected.kind },
                "\(expected.file): \(findings.map { "\($0.rule) \($0.severity) \($0.kind)" })")
        #expect(findings.worst == expected.severity || expected.kind == .broken || expected.severity < .high,
                "\(expected.file): \(findings.map { "\($0.rule) \($0.severity) \($0.kind)" })")
    }

    @Test("the tight examples produce nothing at high or above",
          arguments: ["tight-branch.json", "environment-prod.json", "immutable-ids.json", "reusable-workflow.json", "china.json", "ghes.json"])
    func tight(_ file: String) throws {
        let findings = try Self.lint(file)
        #expect(findings.allSatisfy { $0.severity < .high }, "\(file): \(findings.map { "\($0.rule) \($0.severity): \($0.message)" })")
    }
}
