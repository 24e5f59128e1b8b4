import Foundation
import Testing
@testable import OIDCWizardCore

/// The README's rule table is generated from `RuleCatalog`, so the documentation lists exactly the rules
/// the tool has. `RECORD_GOLDEN=1 swift test --filter Readme` rewrites it.
@Suite("README")
struct ReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")
    static let begin = "<!-- rules:begin (generated from RuleCatalog by ReadmeTests; RECORD_GOLDEN=1 swift test --filter Readme rewrites it) -->"
    static let end = "<!-- rules:end -->"

    static var ruleTable: String {
        var lines = ["| rule | severity | kind | what it means |", "|---|---|---|---|"]
        for rule in RuleCatalog.all {
            let help = rule.help.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            lines.append("| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.kind.rawValue) | **\(rule.title).** \(help) |")
        }
        return lines.joined(separator: "\n")
    }

    @Test("lists every rule of the catalog, with its default severity and kind")
    func ruleTableIsCurrent() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "README lacks the rules:begin marker")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex), "README lacks the rules:end marker")
        let expected = "\n" + Self.ruleTable + "\n"
        let current = String(text[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            let updated = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
            try updated.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected, "README's rule table is out of date: run RECORD_GOLDEN=1 swift test --filter Readme")
    }

    @Test("shows the two set-up commands and every subcommand")
    func mentionsCommands() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        for command in ["swift run oidc-wizard", "swift test", "oidc-wizard generate", "oidc-wizard lint",
                        "oidc-wizard explain", "oidc-wizard simulate", "oidc-wizard fix", "oidc-wizard edit"] {
            #expect(text.contains(command), "README does not mention \(command)")
        }
    }
}
