import Foundation
import Testing

/// The generated workflows through the tools the ecosystem trusts: actionlint, zizmor (offline) and the
/// SchemaStore workflow schema via check-jsonschema. Zero findings is the bar. Locally a missing tool skips
/// its check; under CI (`CI=true`) a missing tool fails.
@Suite("Generated workflows pass outside validators")
struct WorkflowValidatorTests {
    static let base = ["--account-id", "589918074230", "--role-name", "aws-gh-oidc", "--region", "eu-central-1"]

    static let setups: [(String, [String])] = [
        ("blog example", ["--repo", "WtfJoke/aws-gh-oidc", "--branch", "main"]),
        ("environments, tags, pull requests, China", ["--repo", "acme@1/app@2", "--tag", "v*", "--branch", "release/*",
                                                      "--environment", "prod", "--environment", "Staging East",
                                                      "--pull-request", "--region", "cn-north-1", "--session-duration", "7200"]),
        ("environment only, GHE.com", ["--repo", "acme/app", "--environment", "prod", "--ghe-subdomain", "acme"]),
        ("any context, custom audience", ["--repo", "acme/app", "--any-ref", "--audience", "my-aud"]),
        ("YAML specials in names", ["--repo", "acme/app", "--branch", "yes", "--branch", "feat+x", "--tag", "1.0",
                                    "--role-name", "a+b=c,d"]),
    ]

    static func generate(_ arguments: [String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        var args = ["generate"] + base
        // Later options win for single-valued flags (ArgumentParser keeps the last), so overriding --region works.
        args += arguments
        let result = try CLI.run(args + ["--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        return dir.appendingPathComponent(".github/workflows/aws-oidc.yml")
    }

    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        try OutsideTool.run(name, arguments)
    }

    @Test("actionlint finds nothing", arguments: setups.map(\.0))
    func actionlint(name: String) throws {
        let file = try Self.generate(Self.setups.first { $0.0 == name }!.1)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()) }
        guard let (status, output) = try Self.run("actionlint", ["-no-color", file.path]) else { return }
        #expect(status == 0, "\(output)")
    }

    @Test("zizmor --offline finds nothing", arguments: setups.map(\.0))
    func zizmor(name: String) throws {
        let file = try Self.generate(Self.setups.first { $0.0 == name }!.1)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()) }
        guard let (status, output) = try Self.run("zizmor", ["--offline", "--no-progress", file.path]) else { return }
        #expect(status == 0, "\(output)")
        #expect(output.contains("No findings"), "\(output)")
    }

    @Test("the SchemaStore workflow schema accepts it", arguments: setups.map(\.0))
    func schema(name: String) throws {
        let file = try Self.generate(Self.setups.first { $0.0 == name }!.1)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()) }
        guard let (status, output) = try Self.run("check-jsonschema", ["--builtin-schema", "vendor.github-workflows", file.path]) else { return }
        #expect(status == 0, "\(output)")
    }
}
