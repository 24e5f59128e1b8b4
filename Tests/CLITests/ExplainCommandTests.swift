import Foundation
import Testing

@Suite("oidc-wizard explain")
struct ExplainCommandTests {
    @Test("walks through a tight policy: principal, each condition in plain words, findings, the who-can-assume table")
    func tight() throws {
        let result = try CLI.run(["explain", Examples.path("tight-branch.json")])
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("Only tokens from GitHub Actions (token.actions.githubusercontent.com)"))
        #expect(out.contains("the subject (token.actions.githubusercontent.com:sub)"))
        #expect(out.contains("which means: pushes to main in acme/app"))
        #expect(out.contains("which means: tokens requested for AWS STS"))
        #expect(out.contains("Findings"))
        #expect(out.contains("+ push to main in acme/app: allowed"))
        #expect(out.contains("- push to main in evil/app (another owner, same repository name): denied"))
        #expect(!out.contains("\u{1B}["))
    }

    @Test("an open policy: the finding and the attacker who gets in are both shown")
    func open() throws {
        let result = try CLI.run(["explain", Examples.path("hazards/org-wide.json")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("HIGH"))
        #expect(result.stdout.contains("push to main in acme/other-repo (another repository of the same owner): ALLOWED"))
        #expect(result.stdout.contains("which means: every run of every repository of acme"))
    }

    @Test("a file that cannot be read: one line naming it on stderr, exit 2")
    func unreadable() throws {
        let result = try CLI.run(["explain", "does-not-exist.json"])
        #expect(result.status == 2)
        #expect(result.stderr == "oidc-wizard explain: does-not-exist.json: no such file; check the path.\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("every role of a multi-role input is explained")
    func multiRole() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = try Examples.text("tight-branch.json")
        try #"{"Roles":[{"RoleName":"one","AssumeRolePolicyDocument":\#(policy)},{"RoleName":"two","AssumeRolePolicyDocument":\#(policy)}]}"#
            .write(to: dir.appendingPathComponent("roles.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["explain", "roles.json"], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Trust policy roles.json (role one)"))
        #expect(result.stdout.contains("Trust policy roles.json (role two)"))
    }
}
