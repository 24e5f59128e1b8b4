import Foundation
import Testing

@Suite("oidc-wizard fix")
struct FixCommandTests {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static let orgWide = """
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(provider)"},
      "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
      "StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}}]}
    """

    @Test("with --repo: prints the diff, rewrites in place after FILE.bak, exit 0 when nothing high remains")
    func fixesInPlace() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trust.json")
        try Self.orgWide.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["fix", file.path, "--repo", "acme/app"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("-          \"token.actions.githubusercontent.com:sub\": \"repo:acme/*\""))
        #expect(result.stdout.contains("+          \"token.actions.githubusercontent.com:sub\": \"repo:acme/app:*\""))
        #expect(try String(contentsOf: file.appendingPathExtension("bak"), encoding: .utf8) == Self.orgWide)
        let simulate = try CLI.run(["simulate", file.path, "--claim", "sub=repo:acme/other:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com"])
        #expect(simulate.status == 1, "another repository of acme is denied after the fix")
        let allowed = try CLI.run(["simulate", file.path, "--claim", "sub=repo:acme/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com"])
        #expect(allowed.status == 0)
    }

    @Test("without --repo: says what it needs, leaves the file alone, exit 1 for the high finding left")
    func needsRepositories() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trust.json")
        try Self.orgWide.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["fix", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--repo"))
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.orgWide)
    }

    @Test("--dry-run writes nothing; --out writes the policy elsewhere; role dumps get the aws command")
    func outputs() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trust.json")
        try Self.orgWide.write(to: file, atomically: true, encoding: .utf8)
        let dry = try CLI.run(["fix", file.path, "--repo", "acme/app", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("+++"))
        #expect(!FileManager.default.fileExists(atPath: file.path + ".bak"))
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.orgWide)

        let out = dir.appendingPathComponent("fixed.json")
        #expect(try CLI.run(["fix", file.path, "--repo", "acme/app", "--out", out.path]).status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("repo:acme/app:*"))
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.orgWide)

        let dump = dir.appendingPathComponent("roles.json")
        try "{\"Roles\":[{\"RoleName\":\"deploy\",\"AssumeRolePolicyDocument\":\(Self.orgWide)}]}".write(to: dump, atomically: true, encoding: .utf8)
        let role = try CLI.run(["fix", dump.path, "--repo", "acme/app", "--role", "deploy"])
        #expect(role.status == 0, "\(role.stderr)")
        #expect(role.stderr.contains("aws iam update-assume-role-policy --role-name deploy --policy-document file://"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("deploy.trust-policy.json").path))
    }

    @Test("bad input exits 2: missing file, unknown role, a wildcard --repo")
    func badInput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trust.json")
        try Self.orgWide.write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["fix", dir.appendingPathComponent("missing.json").path]).status == 2)
        #expect(try CLI.run(["fix", file.path, "--role", "nope"]).status == 2)
        #expect(try CLI.run(["fix", file.path, "--repo", "acme/*"]).status == 2)
    }

    /// Two roles trusting a GitHub provider by `Ref`, each open to every repository of acme.
    static let template = """
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Resources": {
        "GitHub": {"Type": "AWS::IAM::OIDCProvider", "Properties": {"Url": "https://token.actions.githubusercontent.com", "ClientIdList": ["sts.amazonaws.com"]}},
        "Deploy": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "RoleName": "deploy",
            "AssumeRolePolicyDocument": {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Principal": {"Federated": {"Ref": "GitHub"}}, "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                              "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}}}]
            }
          }
        },
        "Audit": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "RoleName": "audit",
            "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Federated": {"Fn::GetAtt": ["GitHub", "Arn"]}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}}}]}
          }
        }
      },
      "Outputs": {"Deploy": {"Value": {"Fn::GetAtt": ["Deploy", "Arn"]}}}
    }

    """

    @Test("--in-place patches every fixed role into a JSON template in one write, after TEMPLATE.bak, keeping the intrinsics")
    func patchesTemplate() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("stack.json")
        try Self.template.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["fix", file.path, "--repo", "acme/app", "--in-place"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("patched \(file.path) (backup: \(file.path).bak)"), "\(result.stderr)")
        #expect(result.stderr.contains("aws cloudformation deploy --template-file"))
        #expect(try String(contentsOf: file.appendingPathExtension("bak"), encoding: .utf8) == Self.template)
        let patched = try String(contentsOf: file, encoding: .utf8)
        #expect(patched.contains(#""Federated": {"Ref": "GitHub"}"#))
        #expect(patched.contains(#""Federated": {"Fn::GetAtt": ["GitHub", "Arn"]}"#))
        #expect(!patched.contains("repo:acme/*"), "both roles are fixed")
        #expect(patched.hasSuffix("\n  \"Outputs\": {\"Deploy\": {\"Value\": {\"Fn::GetAtt\": [\"Deploy\", \"Arn\"]}}}\n}\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("deploy.trust-policy.json").path))
        for role in ["deploy", "audit"] {
            let other = try CLI.run(["simulate", file.path, "--role", role, "--claim", "sub=repo:acme/other:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com"])
            #expect(other.status == 1, "\(role): another repository of acme is denied after the fix: \(other.stdout)\(other.stderr)")
            let app = try CLI.run(["simulate", file.path, "--role", role, "--claim", "sub=repo:acme/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com"])
            #expect(app.status == 0, "\(role): \(app.stdout)\(app.stderr)")
        }
    }

    @Test("--in-place refuses what it cannot patch safely (a subject built from a parameter); nothing is written")
    func inPlaceRefusal() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("stack.json")
        let parameterized = Self.template
            .replacingOccurrences(of: #""AWSTemplateFormatVersion": "2010-09-09","#, with: #""AWSTemplateFormatVersion": "2010-09-09", "Parameters": {"Org": {"Type": "String", "Default": "acme"}},"#)
            .replacingOccurrences(of: #"{"token.actions.githubusercontent.com:sub": "repo:acme/*"}}}]"#, with: #"{"token.actions.githubusercontent.com:sub": {"Fn::Sub": "repo:${Org}/*"}}}}]"#)
        #expect(parameterized.contains("${Org}"))
        try parameterized.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["fix", file.path, "--repo", "acme/app", "--in-place", "--role", "audit"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("cannot patch \(file.path) in place"), "\(result.stderr)")
        #expect(result.stderr.contains("parameter Org"))
        #expect(try String(contentsOf: file, encoding: .utf8) == parameterized)
        #expect(!FileManager.default.fileExists(atPath: file.path + ".bak"))
    }

    @Test("--in-place with --out, or on aws iam output, is a usage error (exit 2)")
    func inPlaceMisuse() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("stack.json")
        try Self.template.write(to: file, atomically: true, encoding: .utf8)
        let both = try CLI.run(["fix", file.path, "--in-place", "--out", dir.appendingPathComponent("x.json").path])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--in-place and --out"))
        let dump = dir.appendingPathComponent("role.json")
        try "{\"Role\":{\"RoleName\":\"deploy\",\"AssumeRolePolicyDocument\":\(Self.orgWide)}}".write(to: dump, atomically: true, encoding: .utf8)
        let listing = try CLI.run(["fix", dump.path, "--repo", "acme/app", "--in-place"])
        #expect(listing.status == 2)
        #expect(listing.stderr.contains("aws iam output"), "\(listing.stderr)")
    }
}
