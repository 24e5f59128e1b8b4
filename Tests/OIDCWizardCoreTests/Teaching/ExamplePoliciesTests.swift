import Foundation
import Testing
@testable import OIDCWizardCore

/// `Resources/examples` teaches by example and feeds the lint tests, so every file must be what its
/// README says it is.
@Suite("Example policies")
struct ExamplePoliciesTests {
    static let examples = EmbeddedHelpTests.packageRoot.appendingPathComponent("Resources/examples")
    static let hazards = examples.appendingPathComponent("hazards")

    static func jsonFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func object(_ directory: URL, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is not an object")
    }

    /// File names in backticks in a README, e.g. `` `org-wide.json` ``.
    static func namesMentioned(in readme: URL) throws -> Set<String> {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: "`([a-z0-9-]+\\.json)`")
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
    }

    @Test("every example is valid JSON with a Version and statements")
    func examplesParse() throws {
        for (directory, name) in try Self.jsonFiles(in: Self.examples).map({ (Self.examples, $0) })
            + Self.jsonFiles(in: Self.hazards).map({ (Self.hazards, $0) }) {
            let policy = try Self.object(directory, name)
            #expect(policy["Version"] as? String == "2012-10-17", "\(name)")
            #expect((policy["Statement"] as? [Any])?.isEmpty == false, "\(name)")
        }
    }

    @Test("the examples README explains every good example, and names no missing file")
    func goodExamplesDocumented() throws {
        let files = Set(try Self.jsonFiles(in: Self.examples))
        #expect(files == ["tight-branch.json", "environment-prod.json", "immutable-ids.json", "reusable-workflow.json",
                          "china.json", "ghes.json"])
        let mentioned = try Self.namesMentioned(in: Self.examples.appendingPathComponent("README.md"))
        #expect(files.subtracting(mentioned).isEmpty)
    }

    @Test("the hazards README lists every hazard file with a severity and kind, and only existing files")
    func hazardsDocumented() throws {
        let files = Set(try Self.jsonFiles(in: Self.hazards))
        let text = try String(contentsOf: Self.hazards.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        var listed = Set<String>()
        for row in rows {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            listed.insert(name)
            #expect(["critical", "high", "medium", "low", "info"].contains(cells[3]), "\(name): severity \(cells[3])")
            #expect(["security", "broken", "hygiene"].contains(cells[4]), "\(name): kind \(cells[4])")
            if cells[4] == "broken" { #expect(cells[3] == "high", "\(name): broken findings carry severity high") }
        }
        #expect(listed == files)
        #expect(rows.count == files.count, "a hazard file is listed twice")
    }

    @Test("the duplicate-key hazards really repeat the key in the text")
    func duplicatesAreReal() throws {
        for (name, key) in [("duplicate-stringlike.json", "\"StringLike\":"), ("duplicate-condition.json", "\"Condition\":")] {
            let text = try String(contentsOf: Self.hazards.appendingPathComponent(name), encoding: .utf8)
            #expect(text.components(separatedBy: key).count - 1 == 2, "\(name)")
        }
    }

    @Test("good examples are tight: exact values under StringEquals, keys and audience matching the provider",
          arguments: ["tight-branch.json", "environment-prod.json", "immutable-ids.json", "reusable-workflow.json",
                      "china.json", "ghes.json"])
    func goodExampleIsTight(name: String) throws {
        let statements = try #require(try Self.object(Self.examples, name)["Statement"] as? [[String: Any]])
        #expect(statements.count == 1)
        let statement = try #require(statements.first)
        #expect(statement["Effect"] as? String == "Allow")
        #expect(statement["Action"] as? String == "sts:AssumeRoleWithWebIdentity")
        let arn = try #require((statement["Principal"] as? [String: String])?["Federated"])
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 6, "\(arn) is not an ARN")
        let partition = try #require(Partition(rawValue: parts[1]))
        #expect(parts[4] == "123456789012")
        let issuer = String(try #require(parts[5].split(separator: "/", maxSplits: 1).last))
        let flavor = try #require(GitHubFlavor.recognize(issuer: issuer), "\(issuer) is not a GitHub issuer")

        let condition = try #require(statement["Condition"] as? [String: [String: Any]])
        #expect(Array(condition.keys) == ["StringEquals"], "only exact matches in a tight example")
        let equals = try #require(condition["StringEquals"])
        #expect(equals[flavor.conditionKey("aud")] as? String == partition.defaultAudience)
        let sub = try #require(equals[flavor.conditionKey("sub")] as? String)
        #expect(sub.hasPrefix("repo:acme"))
        for key in equals.keys { #expect(key.hasPrefix(flavor.conditionKeyPrefix + ":"), "\(key)") }
        #expect(!String(decoding: try JSONSerialization.data(withJSONObject: condition), as: UTF8.self).contains("*"))
    }
}
