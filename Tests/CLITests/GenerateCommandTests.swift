import Foundation
import Testing
import Yams

@Suite("oidc-wizard generate")
struct GenerateCommandTests {
    static let blog = ["generate", "--repo", "WtfJoke/aws-gh-oidc", "--branch", "main", "--account-id", "589918074230",
                       "--role-name", "aws-gh-oidc", "--region", "eu-central-1"]

    @Test("the blog post's example writes both files and prints the next steps")
    func blogExample() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(Self.blog + ["--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let policy = try String(contentsOf: dir.appendingPathComponent("trust-policy.json"), encoding: .utf8)
        #expect(policy.contains("\"token.actions.githubusercontent.com:sub\": \"repo:WtfJoke/aws-gh-oidc:ref:refs/heads/main\""))
        let workflow = try String(contentsOf: dir.appendingPathComponent(".github/workflows/aws-oidc.yml"), encoding: .utf8)
        #expect(try Yams.compose(yaml: workflow) != nil)
        #expect(result.stdout.contains("aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com"))
        #expect(result.stdout.contains("aws iam create-role --role-name aws-gh-oidc --assume-role-policy-document file://\(dir.path)/trust-policy.json"))
    }

    @Test("--print writes nothing and prints exactly the policy JSON")
    func printOnly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(Self.blog + ["--print"], in: dir)
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["Version"] as? String == "2012-10-17")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("invalid input exits 2 with one line naming the option, the value and the rule", arguments: [
        (["--account-id", "12345"], "error: --account-id '12345': an AWS account id is exactly 12 digits; this has 5."),
        (["--region", "eu-central-1a"], "error: --region 'eu-central-1a': that is an availability zone; the region is eu-central-1."),
        (["--region", "us-iso-east-1"], "error: --region 'us-iso-east-1': us-iso-east-1 is in the isolated partition aws-iso"),
        (["--repo", "\u{0430}cme/app"], "error: --repo '\u{0430}cme/app': contains the Cyrillic letter"),
        (["--branch", "a b"], "error: --branch 'a b': a branch name cannot contain a space"),
        (["--role-name", "a/b"], "error: --role-name 'a/b': give the role name without a path"),
        (["--session-duration", "60"], "error: --session-duration '60': a session duration is 900 to 43200 seconds"),
        (["--audience", "sts.amazonaws.com.cn"], "error: --audience 'sts.amazonaws.com.cn': sts.amazonaws.com.cn is the audience of AWS China"),
        (["--claim", "repository_owner=acme"], "error: --claim 'repository_owner=acme': IAM cannot test the claim"),
        (["--environment", "x\ny"], "error: --environment 'x\\u{A}y': contains a line break (U+000A); remove it."),
    ])
    func invalidInput(override: [String], expected: String) throws {
        var arguments = Self.blog
        // Replace the option if present, else append it.
        if let index = arguments.firstIndex(of: override[0]) { arguments[index + 1] = override[1] } else { arguments += override }
        let result = try CLI.run(arguments + ["--print"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    }

    @Test("a missing required value names the option")
    func missingValue() throws {
        let result = try CLI.run(["generate", "--repo", "acme/app", "--role-name", "r", "--region", "us-east-1", "--print"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --account-id is required: give the 12-digit AWS account id"))
    }

    @Test("ArgumentParser's own usage errors exit 2 too, in one line")
    func usageErrors() throws {
        for arguments in [["generate", "--no-such-flag"], ["generate", "--enterprise-slug", "a", "--github-host", "b"], ["generate", "--repo"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    @Test("warnings go to stderr and do not block")
    func warnings() throws {
        let result = try CLI.run(Self.blog.map { $0 == "eu-central-1" ? "eu-central-9" : $0 } + ["--print"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: --region 'eu-central-9':"))
        #expect(result.stdout.contains("\"Version\""))
    }

    @Test("a wildcard owner needs --allow-other-owners")
    func ownerWildcard() throws {
        let arguments = Self.blog.map { $0 == "WtfJoke/aws-gh-oidc" ? "WtfJoke*/aws-gh-oidc" : $0 } + ["--print"]
        let refused = try CLI.run(arguments)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--allow-other-owners"))
        let allowed = try CLI.run(arguments + ["--allow-other-owners"])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("repo:WtfJoke*/aws-gh-oidc:ref:refs/heads/main"))
    }

    @Test("an existing file is not replaced without --force (exit 2, it is bad input); with --force it is")
    func existingFiles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "old\n".write(to: dir.appendingPathComponent("trust-policy.json"), atomically: false, encoding: .utf8)
        let refused = try CLI.run(Self.blog + ["--out", dir.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: cannot write \(dir.path)/trust-policy.json: it exists already. Use --force to replace it, or choose another directory with --out.\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("trust-policy.json"), encoding: .utf8) == "old\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".github").path))
        let forced = try CLI.run(Self.blog + ["--out", dir.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("trust-policy.json"), encoding: .utf8).contains("WtfJoke"))
    }

    @Test("--help teaches with examples")
    func help() throws {
        let result = try CLI.run(["generate", "--help"])
        #expect(result.status == 0)
        for text in ["--repo", "--any-ref", "--print", "--force", "Examples:", "arn:aws-cn", "release/a/b"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }
}
