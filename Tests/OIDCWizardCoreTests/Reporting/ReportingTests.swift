import Foundation
import Testing
@testable import OIDCWizardCore

private let finding = Finding(rule: "org-wide", severity: .high, kind: .security, statement: 0,
                              path: "$.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]",
                              message: "repo:acme/* lets in every repository of acme.", why: "Because.", fix: "List them.")
private let report = LintReport(files: [
    LintedFile(path: "a.json", findings: [LintedFinding(finding: finding, role: nil, path: finding.path, line: 12)]),
    LintedFile(path: "missing.json", error: "missing.json: no such file; check the path."),
])

@Suite("Lint reports")
struct ReportingTests {
    @Test("the JSON report has exactly the contract's keys, in order, with nulls where nothing applies")
    func jsonShape() throws {
        let text = JSONLintReport.render(report)
        let parsed = try JSONParser.parse(text)
        #expect(parsed.objectMembers?.map(\.key) == ["files"])
        let files = try #require(parsed["files"]?.arrayValue)
        #expect(files.map { $0.objectMembers?.map(\.key) } == [["path", "error", "findings"], ["path", "error", "findings"]])
        #expect(files[0]["error"] == .null)
        #expect(files[1]["error"] == .string("missing.json: no such file; check the path."))
        #expect(files[1]["findings"] == .array([]))
        let item = try #require(files[0]["findings"]?.arrayValue?.first)
        #expect(item.objectMembers?.map(\.key) == ["rule", "severity", "kind", "role", "statement", "path", "message", "why", "fix"])
        #expect(item["rule"] == .string("org-wide"))
        #expect(item["severity"] == .string("high"))
        #expect(item["role"] == .null)
        #expect(item["statement"] == .number("0"))
        #expect(JSONLintReport.render(report) == text, "deterministic")
    }

    @Test("SARIF carries what GitHub code scanning needs")
    func sarifShape() throws {
        let sarif = try JSONParser.parse(SARIFLintReport.render(report))
        #expect(sarif["version"] == .string("2.1.0"))
        #expect(sarif["$schema"]?.stringValue?.contains("sarif") == true)
        let run = try #require(sarif["runs"]?.arrayValue?.first)
        let driver = try #require(run["tool"]?["driver"])
        #expect(driver["name"] == .string("oidc-wizard"))
        // Optional in SARIF 2.1.0, and there is no public project page to point at: left out, never invented.
        #expect(driver["informationUri"] == nil)
        let rule = try #require(driver["rules"]?.arrayValue?.first)
        #expect(rule["id"] == .string("org-wide"))
        #expect(rule["name"] == .string("OrgWide"))
        for key in ["shortDescription", "fullDescription", "help"] { #expect(rule[key]?["text"]?.stringValue?.isEmpty == false) }
        #expect(rule["properties"]?["security-severity"] == .string("8.0"))
        #expect(rule["properties"]?["tags"]?.arrayValue?.contains(.string("security")) == true)
        let tags = rule["properties"]?["tags"]?.arrayValue ?? []
        #expect(tags.count == Set(tags).count, "each tag once: \(tags)")
        #expect(rule["defaultConfiguration"]?["level"] == .string("error"))
        let result = try #require(run["results"]?.arrayValue?.first)
        #expect(result["ruleId"] == .string("org-wide"))
        #expect(result["ruleIndex"] == .number("0"))
        #expect(result["level"] == .string("error"))
        let location = try #require(result["locations"]?.arrayValue?.first?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"] == .string("a.json"))
        #expect(location["region"]?["startLine"] == .number("12"))
        #expect(result["partialFingerprints"]?.objectMembers?.first?.value.stringValue?.count == 16)
        // The unreadable file is a notification, and the run says it did not fully succeed.
        let invocation = try #require(run["invocations"]?.arrayValue?.first)
        #expect(invocation["executionSuccessful"] == .bool(false))
        #expect(invocation["toolExecutionNotifications"]?.arrayValue?.count == 1)
    }

    @Test("levels and security severities follow GitHub's bands")
    func levels() {
        #expect(Severity.allCases.map(SARIFLintReport.level) == ["error", "error", "warning", "note", "note"])
        #expect(Severity.allCases.map { Double(SARIFLintReport.securitySeverity($0))! } .map { $0 >= 9 } == [true, false, false, false, false])
        #expect(SARIFLintReport.uri("./policies/my role.json") == "policies/my%20role.json")
    }

    @Test("plain text has no escape codes; coloured text has them around the severity")
    func textColour() {
        let plain = TextLintReport.render(report, colored: false)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("HIGH  repo:acme/* lets in every repository of acme."))
        #expect(plain.contains("Why: Because."))
        #expect(plain.contains("Fix: List them."))
        #expect(plain.contains("org-wide (security) at statement 1, line 12"))
        #expect(plain.hasSuffix("1 finding in 1 file: 1 high. 1 file could not be read.\n"))
        let coloured = TextLintReport.render(report, colored: true)
        #expect(coloured.contains("\u{1B}[31mHIGH\u{1B}[0m"))
    }

    @Test("a file without findings says so, and the summary counts files")
    func noFindings() {
        let clean = TextLintReport.render(LintReport(files: [LintedFile(path: "ok.json")]), colored: false)
        #expect(clean == "ok.json\n  no findings\n\nNo findings in 1 file.\n")
    }

    @Test("--fail-on: 2 for unreadable input, else 1 when a finding reaches the threshold")
    func failThreshold() {
        let onlyFindings = LintReport(files: [report.files[0]])
        #expect(FailThreshold.high.exitStatus(for: onlyFindings) == 1)
        #expect(FailThreshold.critical.exitStatus(for: onlyFindings) == 0)
        #expect(FailThreshold.never.exitStatus(for: onlyFindings) == 0)
        #expect(FailThreshold.info.exitStatus(for: onlyFindings) == 1)
        #expect(FailThreshold.never.exitStatus(for: report) == 2)
    }

    @Test("a finding inside a role listing gets the path within the file")
    func pathUnderLocation() {
        #expect(LintedFinding.path("$.Statement[0]", under: JSONPath("$.Roles[2].AssumeRolePolicyDocument"))
                == "$.Roles[2].AssumeRolePolicyDocument.Statement[0]")
        #expect(LintedFinding.path("$.Statement[0]", under: .root) == "$.Statement[0]")
    }
}

@Suite("Finding the line of a JSON path")
struct SourceLocatorTests {
    let document = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Deny", "Principal": "*" },
            {
              "Effect": "Allow",
              "Condition": {
                "StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/app:*",
                  "repo:*"]}
              }
            }
          ]
        }
        """

    @Test("exact paths, list elements, quoted members")
    func jsonPaths() {
        #expect(SourceLocator.line(of: "$.Version", in: document) == 2)
        #expect(SourceLocator.line(of: "$.Statement[1]", in: document) == 5)
        #expect(SourceLocator.line(of: "$.Statement[1].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]", in: document) == 8)
        #expect(SourceLocator.line(of: "$.Statement[1].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"][1]", in: document) == 9)
    }

    @Test("a path that is not there answers the deepest part found, and line 1 for nothing")
    func fallback() {
        #expect(SourceLocator.line(of: "$.Statement[1].Condition.Bogus", in: document) == 7)
        #expect(SourceLocator.line(of: "nonsense", in: document) == 1)
        #expect(SourceLocator.line(of: "$.Statement[0]", in: "%7B%22Statement") == 1)
    }

    @Test("YAML templates are located too")
    func yaml() {
        let yaml = """
            Resources:
              Deploy:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Condition:
                          StringLike:
                            token.actions.githubusercontent.com:sub: repo:acme/*
            """
        #expect(SourceLocator.line(of: "$.Resources.Deploy.Properties.AssumeRolePolicyDocument.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]",
                                   in: yaml, isYAML: true) == 10)
    }

    @Test("one YAML locator for many paths, in any order, finds each role's lines (composed once)")
    func yamlLocator() {
        // Role n's key is on line 2 + 6n, its Properties on 4 + 6n, its Statement on 6 + 6n, its sub on 7 + 6n.
        let roles = (0..<40).map { n in
            """
              Role\(n):
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Condition: {StringLike: {sub: "repo:acme/app\(n):*"}}
            """
        }
        let yaml = "Resources:\n" + roles.joined(separator: "\n") + "\n"
        let locate = SourceLocator.locator(for: yaml, isYAML: true)
        var expected: [(path: String, line: Int)] = []
        for n in 0..<40 {
            let role = "$.Resources.Role\(n)"
            let statement = role + ".Properties.AssumeRolePolicyDocument.Statement"
            let first = 2 + 6 * n
            expected.append((role, first))
            expected.append((statement, first + 4))
            expected.append((statement + "[0].Condition.StringLike.sub", first + 5))
            expected.append((role + ".Properties.Nothing", first + 2))
        }
        for (path, line) in expected.reversed() + expected {
            #expect(locate(path) == line, "\(path)")
        }
    }
}

@Suite("explain: the policy in plain words")
struct PolicyExplanationTests {
    @Test("conditions are read out with what they mean for workflow runs")
    func words() throws {
        let source = try #require(try PolicyInput.read(data: Data(tight.utf8), name: "p.json").first)
        let text = PolicyExplanation.render(source, file: "p.json", findings: [],
                                            scenarios: ScenarioBuilder.scenarios(for: source.policy, intent: nil))
        #expect(text.contains("Only tokens from GitHub Actions (token.actions.githubusercontent.com)"))
        #expect(text.contains("must be exactly \"repo:acme/app:ref:refs/heads/main\""))
        #expect(text.contains("which means: pushes to main in acme/app"))
        #expect(text.contains("+ push to main in acme/app: allowed"))
        #expect(text.contains("- push to main in evil/app (another owner, same repository name): denied"))
    }

    @Test("wildcard subjects are explained as who they really let in",
          arguments: [("repo:acme/*", "every run of every repository of acme"),
                      ("repo:*", "every repository on GitHub"),
                      ("repo:acme*/app:*", "every owner matching acme*"),
                      ("repo:acme/app:*", "every run of acme/app: any branch, tag, pull request or environment"),
                      ("repo:acme/app:ref:refs/heads/main*", "pushes to branches matching main* in acme/app")])
    func wildcardMeaning(value: String, expected: String) {
        #expect(ConditionWords.subjectMeaning(value, literal: false).contains(expected))
    }

    private var tight: String {
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
                                       "token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}}}]}
        """
    }
}
