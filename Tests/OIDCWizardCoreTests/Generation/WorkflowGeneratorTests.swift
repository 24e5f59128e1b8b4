import Testing
import Yams
@testable import OIDCWizardCore

/// Reads the generated workflow back with Yams and checks it field by field.
@Suite("Workflow generator")
struct WorkflowGeneratorTests {
    static func workflow(_ change: (inout SetupDraft) -> Void = { _ in }) throws -> (text: String, root: Node) {
        let setup = try #require(blogDraft(change).resolve().setup)
        let text = WorkflowGenerator.workflow(for: setup)
        let root = try #require(try Yams.compose(yaml: text))
        return (text, root)
    }

    @Test("the blog post's example: push to main, empty top-level permissions, pinned actions, the role and region")
    func blogExample() throws {
        let (text, root) = try Self.workflow()
        #expect(root.value("on", "push", "branches")?.strings == ["main"])
        #expect(root.value("on", "workflow_dispatch") != nil)
        #expect(root.value("on", "pull_request") == nil)
        #expect(root.value("permissions")?.mapping?.count == 0)
        let job = try #require(root.value("jobs", WorkflowGenerator.refJobID))
        #expect(job.value("permissions", "id-token")?.string == "write")
        #expect(job.value("permissions", "contents")?.string == "read")
        #expect(job.value("environment") == nil)
        let steps = try #require(job.value("steps")?.sequence.map(Array.init))
        #expect(steps.count == 3)
        #expect(steps[0].value("uses")?.string == "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1")
        #expect(steps[0].value("with", "persist-credentials")?.bool == false)
        #expect(steps[1].value("uses")?.string == "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c")
        #expect(steps[1].value("with", "role-to-assume")?.string == "arn:aws:iam::589918074230:role/aws-gh-oidc")
        #expect(steps[1].value("with", "aws-region")?.string == "eu-central-1")
        #expect(steps[1].value("with", "audience") == nil)
        #expect(steps[2].value("run")?.string == "aws sts get-caller-identity")
        #expect(text.contains("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n"))
        #expect(text.contains("aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3\n"))
        try Golden.check(text, named: "blog-example.yml")
    }

    @Test("environments: a matrix job that names each environment, skipped on pull requests")
    func environments() throws {
        let (text, root) = try Self.workflow {
            $0.branches = ["main"]; $0.environments = ["prod", "Staging East"]; $0.pullRequests = true
        }
        #expect(root.value("on", "pull_request") != nil)
        let job = try #require(root.value("jobs", WorkflowGenerator.environmentJobID))
        #expect(job.value("strategy", "matrix", "environment")?.strings == ["prod", "Staging East"])
        #expect(job.value("environment")?.string == "${{ matrix.environment }}")
        #expect(job.value("if")?.string == "github.event_name != 'pull_request'")
        #expect(root.value("jobs", WorkflowGenerator.refJobID) != nil)
        try Golden.check(text, named: "environments-and-pull-requests.yml")
    }

    @Test("environments only: no ref job, started by hand")
    func environmentsOnly() throws {
        let (_, root) = try Self.workflow { $0.branches = []; $0.environments = ["prod"] }
        #expect(root.value("jobs", WorkflowGenerator.refJobID) == nil)
        #expect(root.value("on", "push") == nil)
        #expect(root.value("on", "workflow_dispatch") != nil)
    }

    @Test("IAM globs become GitHub filters that start on the same names", arguments: [
        ("release/*", "release/**"), ("main", "main"), ("feat+x", "feat\\+x"), ("v?", "v*"), ("a**b", "a**b"),
    ])
    func globTranslation(pattern: String, filter: String) throws {
        #expect(GitHubFilterPattern(iamPattern: pattern).filter == filter)
        let (text, root) = try Self.workflow { $0.branches = [pattern]; $0.tags = [pattern] }
        #expect(root.value("on", "push", "branches")?.strings == [filter])
        #expect(root.value("on", "push", "tags")?.strings == [filter])
        // A wildcard translation is explained in a comment; escaping a literal '+' needs no note.
        #expect(text.contains("# \(pattern) -> \(filter)") == (pattern.contains("*") || pattern.contains("?")))
    }

    @Test("any context: every push and pull request")
    func anyContext() throws {
        let (_, root) = try Self.workflow { $0.anyContext = true }
        #expect(root.value("on", "push")?.mapping?.count == 0)
        #expect(root.value("on", "pull_request") != nil)
    }

    @Test("China and custom audiences are passed to the action; session duration too")
    func audience() throws {
        let (_, china) = try Self.workflow { $0.region = "cn-north-1"; $0.sessionDuration = "7200" }
        let with = try #require(china.value("jobs", WorkflowGenerator.refJobID, "steps")?.sequence?[1].value("with"))
        #expect(with.value("audience")?.string == "sts.amazonaws.com.cn")
        #expect(with.value("role-to-assume")?.string == "arn:aws-cn:iam::589918074230:role/aws-gh-oidc")
        #expect(with.value("role-duration-seconds")?.int == 7200)
    }

    @Test("values YAML could misread come back as the same strings", arguments: [
        "true", "on", "yes", "null", "1.0", "123", "0x1F", "a: b", "#x", "!x", "&x", "*x", "|", ">", "%x", "@x", "'x'", "\"x\"", "x#y",
    ])
    func hostileBranchNames(name: String) throws {
        // Not every one is a valid branch name: only those validation lets through reach the generator.
        guard let setup = blogDraft({ $0.branches = [name]; $0.environments = [] }).resolve().setup else { return }
        let text = WorkflowGenerator.workflow(for: setup)
        let root = try #require(try Yams.compose(yaml: text))
        let filter = GitHubFilterPattern(iamPattern: name).filter
        #expect(root.value("on", "push", "branches")?.sequence?.first?.string == filter)
        #expect(root.value("on", "push", "branches")?.sequence?.first?.scalar.map { $0.style == .plain || $0.style == .doubleQuoted } == true)
        if let scalar = root.value("on", "push", "branches")?.sequence?.first?.scalar, scalar.style == .plain {
            // A plain scalar must not resolve to anything but a string.
            #expect(Resolver.default.resolveTag(of: .scalar(scalar)) == .str, "\(name)")
        }
    }

    @Test("role names with YAML specials survive", arguments: ["a+b", "a=b", "a,b", "a.b@c", "yes"])
    func roleNames(role: String) throws {
        let (_, root) = try Self.workflow { $0.roleName = role }
        let value = root.value("jobs", WorkflowGenerator.refJobID, "steps")?.sequence?[1].value("with", "role-to-assume")
        #expect(value?.string == "arn:aws:iam::589918074230:role/\(role)")
    }

    @Test("no user value can introduce an expression: only the generator's own ${{ matrix.environment }} appears")
    func noExpressions() throws {
        let (text, _) = try Self.workflow { $0.environments = ["prod"]; $0.branches = ["main"] }
        let expressions = text.components(separatedBy: "${{").count - 1
        #expect(expressions == 2)
        #expect(text.components(separatedBy: "${{ matrix.environment }}").count - 1 == 2)
    }
}

extension Node {
    /// The node at a path of mapping keys, compared as strings (so `on` is found whatever YAML 1.1 thinks of it).
    func value(_ path: String...) -> Node? {
        var node: Node? = self
        for key in path {
            guard let mapping = node?.mapping else { return nil }
            node = mapping.first { $0.key.string == key }?.value
        }
        return node
    }

    var strings: [String]? { sequence?.compactMap(\.string) }
}
