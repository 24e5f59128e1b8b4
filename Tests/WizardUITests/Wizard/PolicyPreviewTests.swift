import Foundation
import Testing
import OIDCWizardCore
@testable import WizardUI

/// The preview marks, in the gutter, every line of the value a finding points at (or the closest enclosing line
/// when the path goes deeper than the layout).
@Suite("Policy preview marks")
struct PolicyPreviewTests {
    @Test("a path is inside another only at a member or element boundary", arguments: [
        ("$.Statement[1]", "$.Statement[1]", true),
        ("$.Statement[1]", "$.Statement[1].Condition", true),
        ("$.Statement[1]", "$.Statement[10]", false),
        ("$.Statement[1].Condition", "$.Statement[1]", false),
        ("$.Statement", "$.Statement[0]", true),
        ("$.Statement", "$.Statements", false),
        ("$", "$.Version", true),
        ("$.Statement[0].Condition.StringLike[\"é:sub\"]", "$.Statement[0].Condition.StringLike[\"é:sub\"][3]", true),
        ("$.Statement[0].Condition.StringLike[\"é:sub\"]", "$.Statement[0].Condition.StringLike[\"e:sub\"][3]", false),
    ])
    func pathPrefix(prefix: String, path: String, inside: Bool) {
        #expect(PolicyPreview.isPrefix(prefix, of: path) == inside)
        // The same through a path made at run time (its own storage, or inline when short; not a literal's).
        let bridged = String(Substring("x" + path).dropFirst())
        #expect(PolicyPreview.isPrefix(prefix, of: bridged) == inside)
    }

    static let hazards = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/examples/hazards")

    /// Which lines a finding's path marks, in plain words: the lines whose path is the finding's or lies inside
    /// it; failing that, the first of the longest paths (longer than `$`) the finding's path lies inside.
    static func marked(by path: String, in lines: [PolicyPreview.Line]) -> [Int] {
        func lies(_ inner: String, inside outer: String) -> Bool {
            guard inner.utf8.starts(with: outer.utf8) else { return false }
            let next = inner.utf8.dropFirst(outer.utf8.count).first
            return next == nil || next == UInt8(ascii: ".") || next == UInt8(ascii: "[")
        }
        guard !path.isEmpty else { return [] }
        let exact = lines.indices.filter { lies(lines[$0].path, inside: path) }
        if !exact.isEmpty { return exact }
        let enclosing = lines.indices.filter { lies(path, inside: lines[$0].path) && lines[$0].path.utf8.count > 1 }
        guard let longest = enclosing.map({ lines[$0].path.utf8.count }).max() else { return [] }
        return enclosing.filter { lines[$0].path.utf8.count == longest }.prefix(1).map { $0 }
    }

    @Test("over every hazard example and its findings, the one-pass byte scan marks exactly the lines the rule names")
    func scanIsTheRule() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.hazards.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 10)
        var compared = 0
        for file in files {
            let text = try String(contentsOf: Self.hazards.appendingPathComponent(file), encoding: .utf8)
            let reading = try PolicyReader.read(text: text).reading
            let findings = PolicyAnalyzer.analyze(reading.policy, context: AnalysisContext(readerNotes: reading.notes))
            let lines = PolicyPreview(policy: reading.policy).lines
            // Every path a line has and every path a finding names; one level deeper than each (inside a
            // one-line value); and each cut short in the middle of a name (no boundary there).
            let named = Set(lines.map(\.path) + findings.map(\.path))
            let paths = named.union(named.map { $0 + "[0]" }).union(named.map { String($0.dropLast(2)) }).union(["", "$"])
            for path in paths {
                #expect(PolicyPreview.lines(matching: path, in: lines) == Self.marked(by: path, in: lines), "\(file): \(path)")
                compared += 1
            }
        }
        #expect(compared > 600)
    }

    @Test("the line count worked out before the layout is the number of lines it makes, for every hazard example")
    func lineCountAhead() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.hazards.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOf: Self.hazards.appendingPathComponent(file), encoding: .utf8)
            let json = try PolicyReader.read(text: text).reading.policy.jsonValue
            #expect(PolicyPreview.lineCount(json) == PolicyPreview(policyJSON: json).lines.count, "\(file)")
        }
        let empty = JSONValue.object([JSONMember("Statement", .array([])), JSONMember("Condition", .object([]))])
        #expect(PolicyPreview.lineCount(empty) == PolicyPreview(policyJSON: empty).lines.count)
    }

    @Test("a finding on a block marks all its lines; a path inside a one-line value marks that line")
    func marks() throws {
        let policy = try PolicyReader.read(text: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
              "Action": "sts:AssumeRoleWithWebIdentity",
              "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/*", "repo:acme/app:ref:refs/heads/main"]}}}]}
            """).reading.policy
        let condition = Finding(rule: "x", severity: .high, kind: .security, statement: 0, path: "$.Statement[0].Condition",
                                message: "", why: "", fix: "")
        let value = Finding(rule: "y", severity: .critical, kind: .security, statement: 0,
                            path: "$.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"][0]",
                            message: "", why: "", fix: "")
        let preview = PolicyPreview(policy: policy, findings: [condition, value])
        let marked = preview.lines.filter { $0.marker != nil }
        #expect(marked.allSatisfy { $0.path.hasPrefix("$.Statement[0].Condition") })
        #expect(marked.count == preview.lines.filter { $0.path.hasPrefix("$.Statement[0].Condition") }.count)
        #expect(preview.lines.contains { $0.marker == .critical && $0.text.plainText.contains("repo:acme/*") })
    }

    @Test("the rows the default scroll offset counts are the rows the preview lays out, at every width, after the note")
    func rowCountsMatchTheLayout() throws {
        let draft = SetupDraft(repositories: ["acme/app", "acme/a-repository-with-a-rather-long-name"], branches: ["main", "release/*"],
                               tags: ["v*"], environments: ["production"], pullRequests: true,
                               extraClaims: ["job_workflow_ref=acme/ci/.github/workflows/deploy.yml@refs/heads/main"],
                               region: "eu-central-1", accountID: "123456789012", roleName: "deploy")
        let state = Wizard(draft: draft).state
        #expect(!state.derived.preview.lines.isEmpty)
        var placeholders = draft
        placeholders.accountID = ""
        #expect(!Wizard(draft: placeholders).state.derived.placeholders.isEmpty)
        for state in [state, Wizard(draft: placeholders).state] {
            let preview = state.derived.preview.lines
            for width in [8, 20, 33, 40, 57, 64, 80, 100, 146] {
                let panel = WizardContent.policyPanel(state: state, width: width)
                let note = WizardContent.placeholderNote(state: state, width: width).count
                // Each preview line's rows run from its start to the next one's; the first starts after the note.
                let ends = Array(panel.starts.dropFirst()) + [panel.lines.count]
                #expect(panel.starts.count == preview.count && panel.starts.first == note, "width \(width)")
                for (index, line) in preview.enumerated() {
                    let rows = panel.lines[panel.starts[index]..<ends[index]].map { String($0.plainText.dropFirst(WizardContent.gutter)) }
                    let shown = rows.joined().filter { $0 != " " }
                    #expect(shown == line.text.plainText.filter { $0 != " " }, "width \(width), line \(index)")
                }
            }
        }
    }
}
