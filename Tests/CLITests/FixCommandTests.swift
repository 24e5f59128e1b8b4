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
}
