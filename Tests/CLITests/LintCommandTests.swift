import Foundation
import OIDCWizardCore
import Testing

/// The repository's example policies (one tight, one per hazard).
enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/examples")
    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}

@Suite("oidc-wizard lint")
struct LintCommandTests {
    /// Writes `files` into a fresh directory and runs lint there.
    func lint(_ arguments: [String], files: [String: String] = [:], environment: [String: String] = [:]) throws -> CLIResult {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, content) in files {
            try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try CLI.run(["lint"] + arguments, in: dir, environment: environment)
    }

    func json(_ result: CLIResult) throws -> JSONValue { try JSONParser.parse(result.stdout) }

    @Test("a tight policy: nothing at high or above, exit 0; the teaching notes are still printed")
    func tight() throws {
        let result = try lint(["tight.json"], files: ["tight.json": try Examples.text("tight-branch.json")])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("CRITICAL") && !result.stdout.contains("HIGH"))
        #expect(result.stdout.contains("Why: ") && result.stdout.contains("Fix: "))
        #expect(result.stdout.hasSuffix("\n"))
        #expect(result.stdout.split(separator: "\n").last?.contains("in 1 file") == true)
    }

    @Test("an info-only policy fails only with --fail-on info")
    func infoOnly() throws {
        let files = ["ok.json": try Examples.text("immutable-ids.json")]
        #expect(try lint(["ok.json"], files: files).status == 0)
        #expect(try lint(["ok.json", "--fail-on", "low"], files: files).status == 0)
        #expect(try lint(["ok.json", "--fail-on", "info"], files: files).status == 1)
    }

    @Test("exit 1 when a finding reaches --fail-on (default high), 0 when it does not")
    func failOn() throws {
        let files = ["org.json": try Examples.text("hazards/org-wide.json")]
        #expect(try lint(["org.json"], files: files).status == 1)
        #expect(try lint(["org.json", "--fail-on", "critical"], files: files).status == 0)
        #expect(try lint(["org.json", "--fail-on", "never"], files: files).status == 0)
        #expect(try lint(["org.json", "--fail-on", "medium"], files: files).status == 1)
        let anyone = ["any.json": try Examples.text("hazards/sub-matches-everyone.json")]
        #expect(try lint(["any.json", "--fail-on", "critical"], files: anyone).status == 1)
    }

    @Test("an unreadable file exits 2 and the other files are still reported")
    func unreadable() throws {
        let files = ["org.json": try Examples.text("hazards/org-wide.json"), "bad.json": "{ not json"]
        let text = try lint(["bad.json", "missing.json", "org.json"], files: files)
        #expect(text.status == 2)
        #expect(text.stderr.contains("oidc-wizard lint: bad.json: line 1"), "a diagnostic: on stderr, naming the file")
        #expect(text.stderr.contains("oidc-wizard lint: missing.json: no such file"))
        #expect(text.stderr.split(separator: "\n").count == 2, "one line per unreadable file")
        #expect(!text.stdout.contains("no such file"), "the report lists the file, the reason is on stderr")
        #expect(text.stdout.contains("missing.json\n  ERROR  could not be read"))
        #expect(text.stdout.contains("org-wide (security)"))

        let result = try lint(["bad.json", "missing.json", "org.json", "--format", "json", "--fail-on", "never"], files: files)
        #expect(result.status == 2)
        let report = try json(result)
        let entries = try #require(report["files"]?.arrayValue)
        #expect(entries.map { $0["path"] } == [.string("bad.json"), .string("missing.json"), .string("org.json")])
        #expect(entries[0]["error"]?.stringValue?.hasPrefix("bad.json: ") == true)
        #expect(entries[1]["error"]?.stringValue?.hasPrefix("missing.json: ") == true)
        #expect(entries[2]["error"] == .null)
        #expect(entries[2]["findings"]?.arrayValue?.isEmpty == false)
        #expect(result.stderr.contains("missing.json: no such file"))
    }

    @Test("--format json: exactly the contract's shape and key order")
    func jsonShape() throws {
        let result = try lint(["org.json", "--format", "json"], files: ["org.json": try Examples.text("hazards/org-wide.json")])
        let report = try json(result)
        #expect(report.objectMembers?.map(\.key) == ["files"])
        let file = try #require(report["files"]?.arrayValue?.first)
        #expect(file.objectMembers?.map(\.key) == ["path", "error", "findings"])
        let finding = try #require(file["findings"]?.arrayValue?.first(where: { $0["rule"] == .string("org-wide") }))
        #expect(finding.objectMembers?.map(\.key) == ["rule", "severity", "kind", "role", "statement", "path", "message", "why", "fix"])
        #expect(finding["severity"] == .string("high"))
        #expect(finding["kind"] == .string("security"))
        #expect(finding["role"] == .null)
        #expect(finding["statement"] == .number("0"))
        #expect(finding["path"]?.stringValue?.hasPrefix("$.Statement[0]") == true)
    }

    @Test("every role of aws iam list-roles output is linted, each finding naming its role and its place in the file")
    func listRoles() throws {
        let tight = try Examples.text("tight-branch.json"), open = try Examples.text("hazards/org-wide.json")
        let encoded = open.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let listing = """
            {"Roles":[{"RoleName":"fine","AssumeRolePolicyDocument":\(tight)},
                      {"RoleName":"org","AssumeRolePolicyDocument":"\(encoded)"}]}
            """
        let result = try lint(["roles.json", "--format", "json"], files: ["roles.json": listing])
        #expect(result.status == 1)
        let findings = try #require(try json(result)["files"]?.arrayValue?.first?["findings"]?.arrayValue)
        let orgWide = try #require(findings.first { $0["rule"] == .string("org-wide") })
        #expect(orgWide["role"] == .string("org"))
        #expect(orgWide["path"]?.stringValue?.hasPrefix("$.Roles[1].AssumeRolePolicyDocument.Statement[0]") == true)
        #expect(!findings.contains { $0["role"] == .string("fine") && $0["severity"] == .string("high") })
    }

    @Test("aws iam get-role output and CloudFormation YAML are linted with the role named")
    func getRoleAndCloudFormation() throws {
        let open = try Examples.text("hazards/org-wide.json")
        let getRole = #"{"Role":{"Path":"/","RoleName":"deploy","AssumeRolePolicyDocument":\#(open)}}"#
        let role = try lint(["role.json"], files: ["role.json": getRole])
        #expect(role.status == 1)
        #expect(role.stdout.contains("role deploy"))

        let template = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              GitHubProvider:
                Type: AWS::IAM::OIDCProvider
                Properties:
                  Url: https://token.actions.githubusercontent.com
                  ClientIdList: [sts.amazonaws.com]
              DeployRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal:
                          Federated: !Ref GitHubProvider
                        Action: sts:AssumeRoleWithWebIdentity
                        Condition:
                          StringEquals:
                            token.actions.githubusercontent.com:aud: sts.amazonaws.com
                          StringLike:
                            token.actions.githubusercontent.com:sub: "repo:acme/*"
            """
        let result = try lint(["template.yaml", "--format", "sarif"], files: ["template.yaml": template])
        #expect(result.status == 1)
        let sarif = try json(result)
        let results = try #require(sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue)
        let orgWide = try #require(results.first { $0["ruleId"] == .string("org-wide") })
        let location = try #require(orgWide["locations"]?.arrayValue?.first?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"] == .string("template.yaml"))
        #expect(location["region"]?["startLine"] == .number("22"))
        #expect(orgWide["message"]?["text"]?.stringValue?.hasPrefix("Role DeployRole: ") == true)
    }

    @Test("--format sarif: version 2.1.0, rules described, every result on a line ≥ 1 of a relative file")
    func sarif() throws {
        let files = ["org.json": try Examples.text("hazards/org-wide.json"), "any.json": try Examples.text("hazards/sub-matches-everyone.json")]
        let result = try lint(["org.json", "./any.json", "--format", "sarif"], files: files)
        let sarif = try json(result)
        #expect(sarif["version"] == .string("2.1.0"))
        let run = try #require(sarif["runs"]?.arrayValue?.first)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        let results = try #require(run["results"]?.arrayValue)
        #expect(!results.isEmpty)
        for item in results {
            let index = try #require(item["ruleIndex"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } })
            #expect(rules[index]["id"] == item["ruleId"])
            let location = try #require(item["locations"]?.arrayValue?.first?["physicalLocation"])
            let line = try #require(location["region"]?["startLine"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } })
            #expect(line >= 1)
            #expect(["org.json", "any.json"].contains(location["artifactLocation"]?["uri"]?.stringValue ?? ""))
            #expect(["error", "warning", "note"].contains(item["level"]?.stringValue ?? ""))
        }
        for rule in rules where rule["properties"]?["tags"]?.arrayValue?.contains(.string("security")) == true {
            #expect(rule["properties"]?["security-severity"]?.stringValue != nil)
        }
    }

    @Test("colour only on a terminal, and never with NO_COLOR", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colour() throws {
        let files = ["org.json": try Examples.text("hazards/org-wide.json")]
        let piped = try lint(["org.json"], files: files)
        #expect(!piped.stdout.contains("\u{1B}["))
        // `script` gives the binary a pseudo-terminal.
        let command = "'\(CLI.binary.path)' lint org.json"
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try files["org.json"]!.write(to: dir.appendingPathComponent("org.json"), atomically: true, encoding: .utf8)
        let onTerminal = try runScript(command, in: dir, environment: ["TERM": "xterm-256color"])
        #expect(onTerminal.contains("\u{1B}[31mHIGH"))
        let noColor = try runScript(command, in: dir, environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(noColor.contains("HIGH"))
        #expect(!noColor.contains("\u{1B}["))
    }

    func runScript(_ command: String, in dir: URL, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = dir
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"].merging(environment) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("usage errors exit 2: no file, an unknown format or threshold")
    func usage() throws {
        #expect(try lint([]).status == 2)
        #expect(try lint(["x.json", "--format", "xml"]).status == 2)
        #expect(try lint(["x.json", "--fail-on", "severe"]).status == 2)
    }

    @Test("--help teaches: inputs, severities, examples, exit status")
    func help() throws {
        let result = try CLI.run(["lint", "--help"])
        for phrase in ["get-account-authorization-details", "CloudFormation", "--fail-on", "--format sarif", "Exit status"] {
            #expect(result.stdout.contains(phrase), "\(phrase)")
        }
    }
}
