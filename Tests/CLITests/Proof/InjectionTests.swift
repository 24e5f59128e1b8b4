import Foundation
import OIDCWizardCore
import Testing
import Yams

/// Every text field of `generate`, tried with what breaks quoting, YAML, JSON, shells, terminals and
/// GitHub expressions. Each value is either refused — exit 2, one line naming the option — or written so
/// that the JSON and the YAML parse back to exactly the value typed, the workflow gains no key and no
/// expression, and the outside validators pass over every accepted workflow.
@Suite("Nothing typed can smuggle content into the outputs")
struct InjectionTests {
    static let payloads: [String] = [
        "a\"b", "a'b", "a\\b", "a\nb", "a\r\nb", "a\tb", "a\u{1}b", "a\u{1B}[31mred", "a\u{7F}b",
        "a\u{202E}b", "a\u{2066}b\u{2069}", "a\u{200B}b", "a\u{2028}b", "\u{0430}cme", "ａcme", "acme\u{301}",
        "${{ github.event.issue.title }}", "${{github.event.issue.title}}", "${ env.HOME }",
        "a: b", "a #b", "&anchor", "*alias", "!tag", "|", ">", "- x", "? x", "@at", "`x`", "%x", "{a}",
        "yes", "null", "~", "0x1F", "1e3", "-", ".", "'",
        "{\"a\":1}", "[1,2]", "a,b", "\\u0041", "$(touch pwned)", "a; touch pwned",
        " lead", "trail ", String(repeating: "x", count: 300),
    ]

    /// How a field's value reaches the outputs.
    struct Field: Sendable {
        var name: String
        var arguments: @Sendable (String) -> [String]
        /// The value is part of some string in the trust policy.
        var inPolicy: Bool = true
        /// Host names and slugs are written in lower case (DNS and GitHub's issuer ignore case).
        var lowercased: Bool = false
        /// How the value must appear in the parsed workflow: (typed value, a string of the workflow) → match.
        var inWorkflow: (@Sendable (String, String) -> Bool)?
    }

    static let whole: @Sendable (String, String) -> Bool = { $0 == $1 }
    /// Branch and tag triggers carry the GitHub filter form of the IAM pattern (`*` → `**`, a leading `!` escaped).
    static let filter: @Sendable (String, String) -> Bool = { GitHubFilterPattern(iamPattern: $0).filter == $1 }

    static let fields: [Field] = [
        Field(name: "owner", arguments: { ["--repo", "\($0)/app"] }),
        Field(name: "repository", arguments: { ["--repo", "acme/\($0)"] }),
        Field(name: "branch", arguments: { ["--repo", "acme/app", "--branch", $0] }, inWorkflow: filter),
        Field(name: "tag", arguments: { ["--repo", "acme/app", "--tag", $0] }, inWorkflow: filter),
        Field(name: "environment", arguments: { ["--repo", "acme/app", "--environment", $0] }, inWorkflow: whole),
        Field(name: "role name", arguments: { ["--repo", "acme/app", "--role-name", $0] }, inPolicy: false,
              inWorkflow: { $1.hasSuffix(":role/" + $0) }),
        Field(name: "audience", arguments: { ["--repo", "acme/app", "--audience", $0] }, inWorkflow: whole),
        Field(name: "account id", arguments: { ["--repo", "acme/app", "--account-id", $0] }),
        Field(name: "region", arguments: { ["--repo", "acme/app", "--region", $0] }, inPolicy: false, inWorkflow: whole),
        Field(name: "session duration", arguments: { ["--repo", "acme/app", "--session-duration", $0] }, inPolicy: false),
        Field(name: "extra claim value", arguments: { ["--repo", "acme/app", "--claim", "actor=\($0)"] }),
        Field(name: "extra claim key", arguments: { ["--repo", "acme/app", "--claim", "\($0)=x"] }),
        Field(name: "subject template", arguments: { ["--repo", "acme/app", "--subject-template", "repo,context,\($0)"] }),
        Field(name: "subject-template value", arguments: {
            ["--repo", "acme/app", "--subject-template", "repo,context,job_workflow_ref", "--subject-value", "job_workflow_ref=\($0)"]
        }),
        Field(name: "enterprise slug", arguments: { ["--repo", "acme/app", "--enterprise-slug", $0] }, lowercased: true),
        Field(name: "GHE.com subdomain", arguments: { ["--repo", "acme/app", "--ghe-subdomain", $0] }, lowercased: true),
        Field(name: "Enterprise Server host", arguments: { ["--repo", "acme/app", "--github-host", $0] }, lowercased: true),
    ]

    struct Outcome: Sendable {
        var field: String
        var payload: String
        var workflow: URL?
        var problems: [String]
    }

    /// Every string scalar in a parsed JSON or YAML value.
    static func strings(in value: Any?) -> [String] {
        switch value {
        case let text as String: return [text]
        case let list as [Any]: return list.flatMap { strings(in: $0) }
        case let map as [String: Any]: return map.keys.map { $0 } + map.values.flatMap { strings(in: $0) }
        case let map as [AnyHashable: Any]: return map.keys.compactMap { $0 as? String } + map.values.flatMap { strings(in: $0) }
        default: return []
        }
    }

    static func check(_ field: Field, _ payload: String, root: URL, index: Int) -> Outcome {
        var problems: [String] = []
        let out = root.appendingPathComponent(String(format: "%04d", index))
        let base = ["generate", "--account-id", "123456789012", "--role-name", "gh-deploy", "--region", "eu-central-1"]
        // A generous limit: 850 runs share two cores with the rest of the suite; a hang still fails.
        let result: CLIResult
        do {
            result = try CLI.run(base + field.arguments(payload) + ["--out", out.path], timeout: 120)
        } catch {
            return Outcome(field: field.name, payload: payload, workflow: nil, problems: ["did not finish: \(error)"])
        }
        switch result.status {
        case 2:
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            if lines.count != 1 { problems.append("refused, but not in one line: \(result.stderr)") }
            // The option the value was given to (ArgumentParser's own "Missing value for '--repo …'" for a
            // value that starts with '-' names it too; `--repo=-x` is how such a value is passed).
            let arguments = field.arguments(payload)
            let flag = arguments.indices.last { arguments[$0].contains(payload) }.map { arguments[$0 - 1] } ?? "--"
            // An argument that itself starts with '-' (`--claim -=x`) is read by ArgumentParser as an option
            // and refused before any field sees it; its own one-line message is all that can be asked then.
            let namesOption = arguments.contains { $0.hasPrefix("-") && $0.contains(payload) } || (lines.first?.contains(flag) ?? false)
            if !(lines.first?.hasPrefix("error: ") ?? false) || !namesOption {
                problems.append("refused without naming \(flag): \(result.stderr)")
            }
            // The value is echoed with control and invisible characters escaped: nothing can rewrite the terminal.
            if result.stderr.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
                problems.append("the message carries raw control or bidi characters: \(result.stderr.debugDescription)")
            }
            if FileManager.default.fileExists(atPath: out.path) { problems.append("refused, but wrote files") }
            return Outcome(field: field.name, payload: payload, workflow: nil, problems: problems)
        case 0:
            break
        default:
            return Outcome(field: field.name, payload: payload, workflow: nil, problems: ["exit \(result.status): \(result.stderr)"])
        }

        // Accepted: it must be printable ASCII, as every GitHub and AWS name is.
        if !payload.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            problems.append("accepted a value with control, invisible or non-ASCII characters")
        }
        let policyURL = out.appendingPathComponent("trust-policy.json")
        let workflowURL = out.appendingPathComponent(".github/workflows/aws-oidc.yml")
        guard let policyData = FileManager.default.contents(atPath: policyURL.path),
              let policy = try? JSONSerialization.jsonObject(with: policyData),
              let workflowText = try? String(contentsOf: workflowURL, encoding: .utf8) else {
            return Outcome(field: field.name, payload: payload, workflow: nil, problems: problems + ["the files do not parse back"])
        }
        guard let workflow = try? Yams.load(yaml: workflowText) as? [String: Any] else {
            return Outcome(field: field.name, payload: payload, workflow: nil, problems: problems + ["the workflow does not parse back"])
        }
        let jsonStrings = strings(in: policy)
        let yamlStrings = strings(in: workflow)
        let expected = field.lowercased ? payload.lowercased() : payload
        if field.inPolicy, !jsonStrings.contains(where: { $0.contains(expected) }) {
            problems.append("the policy JSON does not hold the value as typed")
        }
        if let match = field.inWorkflow, !yamlStrings.contains(where: { match(payload, $0) }) {
            problems.append("the workflow does not hold the value as typed; its strings: \(yamlStrings)")
        }
        if Set(workflow.keys) != ["name", "on", "permissions", "jobs"] {
            problems.append("the workflow's top level changed: \(workflow.keys.sorted())")
        }
        // The only expression the generator writes is the environment matrix variable.
        var expressions = workflowText[...]
        while let open = expressions.range(of: "${{") {
            let rest = expressions[open.lowerBound...]
            let close = rest.range(of: "}}")?.upperBound ?? rest.endIndex
            if rest[..<close] != "${{ matrix.environment }}" { problems.append("an expression got into the workflow: \(rest[..<close])") }
            expressions = rest[close...]
        }
        return Outcome(field: field.name, payload: payload, workflow: workflowURL, problems: problems)
    }

    @Test("every field × every payload: refused in one line naming the option, or encoded exactly; validators pass")
    func everyFieldEveryPayload() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let cases = Self.fields.flatMap { field in Self.payloads.map { (field, $0) } }
        let box = OutcomeBox(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            box.set(index, Self.check(cases[index].0, cases[index].1, root: root, index: index))
        }
        let outcomes = box.all
        for outcome in outcomes where !outcome.problems.isEmpty {
            Issue.record("\(outcome.field) = \(outcome.payload.debugDescription): \(outcome.problems.joined(separator: "; "))")
        }
        let accepted = outcomes.compactMap(\.workflow)
        // The table is not vacuous: YAML- and JSON-special values that are legal somewhere do get through.
        #expect(accepted.count >= 20, "only \(accepted.count) accepted")

        if let actionlint = OutsideTool.path("actionlint") {
            let run = try MeasuredRun.run(actionlint, ["-no-color"] + accepted.map(\.path), timeout: 300)
            #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stdout)")
        } else if OutsideTool.isCI { Issue.record("actionlint is not installed; .ci/run installs it") }
        if let zizmor = OutsideTool.path("zizmor") {
            let run = try MeasuredRun.run(zizmor, ["--offline", "--no-progress"] + accepted.map(\.path), timeout: 300)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        } else if OutsideTool.isCI { Issue.record("zizmor is not installed; .ci/run installs it") }
    }

    @Test("an output directory with shell and terminal specials is written where typed, and the printed commands quote it",
          arguments: ["out dir", "it's", "a\"b", "$(touch pwned)", "`touch pwned`", "a; touch pwned", "a\nb", "*", "-rf", "a\\b", "${HOME}"])
    func outputPath(_ name: String) throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent(name).path
        let result = try CLI.run(["generate", "--repo", "acme/app", "--account-id", "123456789012", "--role-name", "gh-deploy",
                                  "--region", "eu-central-1", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/trust-policy.json"))
        // Run the printed create-role command through a real shell with `aws` replaced by a printer of its
        // arguments: the policy argument must arrive as exactly file://<path>, and nothing may execute.
        let start = try #require(result.stdout.range(of: "aws iam create-role"))
        // The command ends at the blank line before the next step (a quoted newline stays inside it).
        let commandText = result.stdout[start.lowerBound...].components(separatedBy: "\n\n")[0]
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.currentDirectoryURL = root
        shell.arguments = ["-c", "aws() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }; " + commandText]
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        let arguments = String(decoding: output, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        let document = try #require(arguments.firstIndex(of: "--assume-role-policy-document"), "\(arguments)")
        #expect(arguments[document + 1] == "file://" + out + "/trust-policy.json")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("pwned").path), "the printed command executed something")
    }
}

private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [InjectionTests.Outcome?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: InjectionTests.Outcome) { lock.withLock { values[index] = value } }
    var all: [InjectionTests.Outcome] { lock.withLock { values.compactMap { $0 } } }
}
