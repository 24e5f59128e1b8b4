import Foundation
import Testing

/// Every flavour × partition, every kind of subject, immutable ids, several repositories, custom audience,
/// session duration and extra claims — generated once by the real binary, then each outside tool runs ONCE
/// over all of it (one actionlint call for sixty workflows keeps the suite fast). Zero findings is the bar.
/// Locally a missing tool skips its check; under CI (`CI=true`) it fails.
@Suite("Outside validators accept every generated setup")
struct OutsideValidatorMatrixTests {
    struct Generated: Sendable {
        var name: String
        var directory: URL
        var policy: URL { directory.appendingPathComponent("trust-policy.json") }
        var workflow: URL { directory.appendingPathComponent(".github/workflows/aws-oidc.yml") }
    }

    static let flavours: [(String, [String])] = [
        ("github.com", []),
        ("Enterprise Cloud", ["--enterprise-slug", "acme-corp"]),
        ("GHE.com", ["--ghe-subdomain", "acme"]),
        ("Enterprise Server", ["--github-host", "github.example.com"]),
    ]
    static let partitions: [(String, String)] = [
        ("aws", "eu-central-1"), ("aws-cn", "cn-north-1"), ("aws-us-gov", "us-gov-west-1"), ("aws-eusc", "eusc-de-east-1"),
    ]
    static let subjects: [(String, [String])] = [
        ("branch", ["--repo", "acme/app", "--branch", "main"]),
        ("glob branch", ["--repo", "acme/app", "--branch", "release/*"]),
        ("tag", ["--repo", "acme/app", "--tag", "v*"]),
        ("environment", ["--repo", "acme/app", "--environment", "prod"]),
        ("several environments", ["--repo", "acme/app", "--environment", "prod", "--environment", "Staging East"]),
        ("pull request", ["--repo", "acme/app", "--pull-request"]),
        ("any context", ["--repo", "acme/app", "--any-ref"]),
        ("immutable ids", ["--repo", "acme@1234/app@5678", "--branch", "main", "--tag", "v1.*"]),
        ("several repositories", ["--repo", "acme/app", "--repo", "acme/infra", "--repo", "other-org@42/tools@7", "--branch", "main"]),
        ("custom audience and session duration", ["--repo", "acme/app", "--branch", "main", "--audience", "my-aud",
                                                  "--session-duration", "43200"]),
        ("extra claims", ["--repo", "acme/app", "--environment", "prod",
                          "--claim", "job_workflow_ref=acme/app/.github/workflows/deploy.yml@refs/heads/main",
                          "--claim", "actor=octocat"]),
    ]

    /// 16 flavour × partition pairs, plus every subject kind in every partition (flavour rotating).
    static let setups: [(String, [String])] = {
        var setups: [(String, [String])] = []
        for (flavour, flavourArgs) in flavours {
            for (partition, region) in partitions {
                setups.append(("\(flavour), \(partition), branch", ["--region", region] + flavourArgs + subjects[0].1))
            }
        }
        for (index, (subject, subjectArgs)) in subjects.enumerated() {
            // Enterprise Server sends no immutable subjects, and generate rightly refuses ids for it.
            let usable = usesImmutableIDs(subjectArgs) ? flavours.filter { $0.0 != "Enterprise Server" } : flavours
            for (offset, (partition, region)) in partitions.enumerated() {
                let (flavour, flavourArgs) = usable[(index + offset) % usable.count]
                setups.append(("\(flavour), \(partition), \(subject)", ["--region", region] + flavourArgs + subjectArgs))
            }
        }
        return setups
    }()

    /// Whether a setup names a repository in the immutable form `owner@id/repo@id`.
    static func usesImmutableIDs(_ arguments: [String]) -> Bool {
        zip(arguments, arguments.dropFirst()).contains { $0 == "--repo" && $1.contains("@") }
    }

    /// All setups generated into one directory, once for the whole suite, and what failed to generate.
    static let generation: (generated: [Generated], failures: [String]) = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("oidc-wizard-matrix-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        let results = ResultsBox(count: setups.count)
        DispatchQueue.concurrentPerform(iterations: setups.count) { index in
            let (name, arguments) = setups[index]
            let directory = root.appendingPathComponent(String(format: "%03d", index))
            let result = try? CLI.run(["generate", "--account-id", "123456789012", "--role-name", "gh-deploy"]
                                      + arguments + ["--out", directory.path])
            results.set(index, result?.status == 0 ? Generated(name: name, directory: directory) : nil,
                        failure: "\(name): \(result?.stderr ?? "did not run")")
        }
        return (results.all, results.failureList)
    }()
    static var generated: [Generated] { generation.generated }

    @Test("every setup of the matrix generates")
    func everySetupGenerates() {
        #expect(Self.generation.failures.isEmpty, "\(Self.generation.failures)")
        #expect(Self.generated.count == Self.setups.count)
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        try OutsideTool.run(name, arguments)
    }

    // MARK: Workflows

    @Test("actionlint: no finding in any workflow")
    func actionlint() throws {
        guard let (status, output) = try Self.tool("actionlint", ["-no-color"] + Self.generated.map(\.workflow.path)) else { return }
        #expect(status == 0 && output.isEmpty, "\(output)")
    }

    @Test("zizmor --offline: no finding in any workflow, at any severity")
    func zizmor() throws {
        guard let (status, output) = try Self.tool("zizmor", ["--offline", "--no-progress", "--min-severity", "unknown"]
                                                   + Self.generated.map(\.workflow.path)) else { return }
        #expect(status == 0, "\(output)")
        #expect(output.contains("No findings"), "\(output)")
    }

    @Test("the SchemaStore workflow schema accepts every workflow")
    func workflowSchema() throws {
        guard let (status, output) = try Self.tool("check-jsonschema", ["--builtin-schema", "vendor.github-workflows"]
                                                   + Self.generated.map(\.workflow.path)) else { return }
        #expect(status == 0, "\(output)")
    }

    // MARK: Trust policies

    /// One Python run over every policy: moto's IAM (create_role + update_assume_role_policy, which
    /// validates trust policies as IAM's API does) and checkov's GitHub OIDC check CKV_AWS_393 (the
    /// aws_iam_role mirror of CKV_AWS_358) called on the policy directly. Two deliberately bad policies
    /// prove both tools really run: moto must refuse a policy with a Resource, checkov must fail `repo:*`.
    static let policyScript = #"""
        import json, re, sys
        cases = json.load(open(sys.argv[1]))
        out = {}
        try:
            import boto3
            from moto import mock_aws
            with mock_aws():
                iam = boto3.client("iam", region_name="us-east-1")
                for i, case in enumerate(cases):
                    name = "role-%d" % i
                    try:
                        iam.create_role(RoleName=name, AssumeRolePolicyDocument=case["policy"])
                        iam.update_assume_role_policy(RoleName=name, PolicyDocument=case["policy"])
                        got = json.dumps(iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"], sort_keys=True)
                        out.setdefault(case["name"], {})["moto"] = "accepted" if got == json.dumps(json.loads(case["policy"]), sort_keys=True) else "changed: " + got
                    except Exception as e:
                        out.setdefault(case["name"], {})["moto"] = "refused: %s" % e
        except ImportError as e:
            out["__moto_missing__"] = str(e)
        try:
            from checkov.terraform.checks.resource.aws.GithubActionsOIDCTrustPolicyOnRole import check
            for case in cases:
                result = check.scan_resource_conf({"assume_role_policy": [case["policy"]]})
                out.setdefault(case["name"], {})["checkov"] = result.name
                # The same policy with the immutable ids taken out (owner@1/repo@2 -> owner/repo).
                plain = re.sub(r'(repo:[^"/:]+)@[0-9]+/([^"/:]+)@[0-9]+', r'\1/\2', case["policy"])
                result = check.scan_resource_conf({"assume_role_policy": [plain]})
                out[case["name"]]["checkov_without_ids"] = result.name
        except ImportError as e:
            out["__checkov_missing__"] = str(e)
        print(json.dumps(out))
        """#

    static let looseSubject = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:*"}}}]}"#
    static let withResource = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Resource":"*"}]}"#

    @Test("moto's IAM accepts every trust policy unchanged, and checkov's GitHub OIDC check passes it")
    func policiesThroughMotoAndCheckov() throws {
        guard let python = OutsideTool.path("python3") else { return }
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var cases = try Self.generated.map { ["name": $0.name, "policy": try String(contentsOf: $0.policy, encoding: .utf8)] }
        cases.append(["name": "sanity: repo:*", "policy": Self.looseSubject])
        cases.append(["name": "sanity: Resource in a trust policy", "policy": Self.withResource])
        let input = dir.appendingPathComponent("cases.json")
        try JSONSerialization.data(withJSONObject: cases).write(to: input)
        let script = dir.appendingPathComponent("check.py")
        try Self.policyScript.write(to: script, atomically: true, encoding: .utf8)
        let run = try MeasuredRun.run(python, [script.path, input.path], timeout: 300)
        #expect(run.status == 0, "\(run.summary)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.summary)")
        for tool in ["moto", "checkov"] where results["__\(tool)_missing__"] != nil {
            if OutsideTool.isCI { Issue.record("\(tool) is not installed; .ci/run installs it") }
        }
        let verdicts = results.compactMapValues { $0 as? [String: String] }

        if results["__moto_missing__"] == nil {
            for setup in Self.generated {
                #expect(verdicts[setup.name]?["moto"] == "accepted", "\(setup.name): \(verdicts[setup.name] ?? [:])")
            }
            #expect(verdicts["sanity: Resource in a trust policy"]?["moto"]?.hasPrefix("refused") == true,
                    "moto must refuse a malformed trust policy, or it proves nothing: \(verdicts)")
        }
        if results["__checkov_missing__"] == nil {
            for (index, setup) in Self.generated.enumerated() {
                // CKV_AWS_393 recognises only github.com's issuers; for GHE.com and Enterprise Server it
                // passes without looking (its own "not our concern"), which is checked here all the same.
                // It predates GitHub's immutable subject (repo:owner@id/repo@id): its gh_repo_regex wants
                // `owner/` right after `repo:` and so fails every immutable subject. Where it does, the
                // same policy with the ids taken out must pass — proving the ids are its only objection.
                let verdict = verdicts[setup.name] ?? [:]
                if Self.usesImmutableIDs(Self.setups[index].1), verdict["checkov"] == "FAILED" {
                    #expect(verdict["checkov_without_ids"] == "PASSED", "\(setup.name): \(verdict)")
                } else {
                    #expect(verdict["checkov"] == "PASSED", "\(setup.name): \(verdict)")
                }
            }
            #expect(verdicts["sanity: repo:*"]?["checkov"] == "FAILED", "checkov must fail repo:*, or it proves nothing: \(verdicts)")
        }
    }

    /// The project emits no CloudFormation, so each policy is wrapped in the smallest template that uses it
    /// (the OIDC provider and the role), in the setup's region: this proves the generated JSON embeds
    /// cleanly where most users will paste it.
    @Test("cfn-lint accepts every policy inside a CloudFormation role")
    func cloudFormation() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var templates: [String] = []
        for (index, setup) in Self.generated.enumerated() {
            let policy = try String(contentsOf: setup.policy, encoding: .utf8)
            let region = Self.setups[index].1[1]
            let issuer = try #require(policy.range(of: "oidc-provider/").map { policy[$0.upperBound...].prefix { $0 != "\"" } })
            let audience = try #require(policy.range(of: ":aud\": \"").map { policy[$0.upperBound...].prefix { $0 != "\"" } })
            let duration = Self.setups[index].1.firstIndex(of: "--session-duration").map { Self.setups[index].1[$0 + 1] } ?? "3600"
            let template = """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Metadata": {"cfn-lint": {"config": {"regions": ["\(region)"]}}},
                  "Resources": {
                    "GitHubProvider": {
                      "Type": "AWS::IAM::OIDCProvider",
                      "Properties": {"Url": "https://\(issuer)", "ClientIdList": ["\(audience)"]}
                    },
                    "DeployRole": {
                      "Type": "AWS::IAM::Role",
                      "Properties": {
                        "RoleName": "gh-deploy",
                        "MaxSessionDuration": \(duration),
                        "AssumeRolePolicyDocument": \(policy)
                      }
                    }
                  }
                }
                """
            let file = dir.appendingPathComponent(String(format: "template-%03d.json", index))
            try template.write(to: file, atomically: true, encoding: .utf8)
            templates.append(file.path)
        }
        guard let (status, output) = try Self.tool("cfn-lint", ["--format", "parseable", "--"] + templates) else { return }
        #expect(status == 0 && output.isEmpty, "\(output)")
    }
}

private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [OutsideValidatorMatrixTests.Generated?]
    private var failures: [String] = []
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: OutsideValidatorMatrixTests.Generated?, failure: String) {
        lock.withLock {
            values[index] = value
            if value == nil { failures.append(failure) }
        }
    }
    var all: [OutsideValidatorMatrixTests.Generated] { lock.withLock { values.compactMap { $0 } } }
    var failureList: [String] { lock.withLock { failures } }
}
