import Yams

/// Builds `.github/workflows/aws-oidc.yml`: a workflow a newcomer can commit as is, whose jobs send exactly
/// the subjects the trust policy lets in, and which proves the set-up works with `aws sts get-caller-identity`.
///
/// The document is built as a YAML node tree and emitted by Yams, never by pasting strings, so nothing a user
/// types can break the structure. Every user-derived scalar that YAML could read as something other than a
/// string (`true`, `on`, `1.0`, `*`, a leading `!`, …) is double-quoted; anything else is left to the emitter.
/// Values never reach a place where GitHub evaluates `${{ }}` except in the double-quoted form validation
/// already rejected. Comments (which Yams cannot emit) are added only on lines whose content we wrote.
///
/// Shape, following GitHub's subject precedence (environment, then pull_request, then the ref):
/// - `on.push.branches` / `on.push.tags` from the branch and tag rules (IAM globs translated to GitHub filters),
///   `pull_request` when pull requests are trusted, and `workflow_dispatch` so it can be run by hand.
/// - job `assume-role` for branch, tag and pull-request rules (no environment: it sends the ref or pull_request).
/// - job `assume-role-in-environment` for environment rules: a matrix over the environments with
///   `environment: ${{ matrix.environment }}`, so each run sends `environment:<name>`. It is skipped on
///   pull_request events: the environment subject does not depend on the event, and a pull request should not
///   reach a deployment environment.
/// With several repositories, the same file goes into each; it triggers on the union of their rules.
public enum WorkflowGenerator {
    public static let fileName = "aws-oidc.yml"
    public static let workflowName = "AWS access over OIDC"
    public static let refJobID = "assume-role"
    public static let environmentJobID = "assume-role-in-environment"

    public static func workflow(for setup: Setup) -> String {
        let rules = setup.allRules
        let anyContext = rules.contains(.anyContext)
        let branchPatterns = rules.compactMap { rule -> String? in if case .branch(let p) = rule { p } else { nil } }
        let tagPatterns = rules.compactMap { rule -> String? in if case .tag(let p) = rule { p } else { nil } }
        let environments = rules.compactMap { rule -> String? in if case .environment(let n) = rule { n } else { nil } }
        let pullRequests = anyContext || rules.contains(.pullRequest)
        let needsRefJob = anyContext || !branchPatterns.isEmpty || !tagPatterns.isEmpty || rules.contains(.pullRequest)

        // Triggers.
        var notes: [String] = []
        var on: [(Node, Node)] = []
        if anyContext {
            on.append((key("push"), emptyMapping))
        } else if !branchPatterns.isEmpty || !tagPatterns.isEmpty {
            var push: [(Node, Node)] = []
            for (name, patterns) in [("branches", branchPatterns), ("tags", tagPatterns)] where !patterns.isEmpty {
                let filters = patterns.map(GitHubFilterPattern.init(iamPattern:))
                notes += filters.compactMap(\.note)
                push.append((key(name), .sequence(Node.Sequence(filters.map { text($0.filter) }))))
            }
            on.append((key("push"), .mapping(Node.Mapping(push))))
        }
        if pullRequests { on.append((key("pull_request"), emptyMapping)) }
        on.append((key("workflow_dispatch"), emptyMapping))

        // Jobs.
        var jobs: [(Node, Node)] = []
        if needsRefJob {
            jobs.append((key(refJobID), job(name: "Assume the AWS role", setup: setup, extra: [])))
        }
        if !environments.isEmpty {
            var extra: [(Node, Node)] = []
            if pullRequests { extra.append((key("if"), fixed("github.event_name != 'pull_request'"))) }
            extra.append((key("strategy"), .mapping(Node.Mapping([
                (key("fail-fast"), fixed("false")),
                (key("matrix"), .mapping(Node.Mapping([
                    (key("environment"), .sequence(Node.Sequence(environments.map(text)))),
                ]))),
            ]))))
            extra.append((key("environment"), text("${{ matrix.environment }}")))
            jobs.append((key(environmentJobID),
                         job(name: "Assume the AWS role in ${{ matrix.environment }}", setup: setup, extra: extra)))
        }

        let document = Node.mapping(Node.Mapping([
            (key("name"), fixed(workflowName)),
            (key("on"), .mapping(Node.Mapping(on))),
            (key("permissions"), emptyMapping),
            (key("jobs"), .mapping(Node.Mapping(jobs))),
        ]))
        let body: String
        do {
            body = try Yams.serialize(node: document, indent: 2, width: -1, allowUnicode: false)
        } catch {
            // Only reachable if libyaml rejects a well-formed tree, which validated input cannot produce.
            preconditionFailure("Yams could not emit the workflow: \(error)")
        }
        return header(for: setup, environments: environments, notes: notes) + annotatePinnedActions(body)
    }

    // MARK: Pieces

    private static func job(name: String, setup: Setup, extra: [(Node, Node)]) -> Node {
        var credentials: [(Node, Node)] = [
            (key("role-to-assume"), text(setup.roleARN)),
            (key("aws-region"), text(setup.region.name)),
        ]
        if setup.workflowNeedsAudience { credentials.append((key("audience"), text(setup.audience))) }
        if let seconds = setup.sessionDuration { credentials.append((key("role-duration-seconds"), fixed(String(seconds)))) }

        let steps: [Node] = [
            .mapping(Node.Mapping([
                (key("name"), fixed("Check out the repository")),
                (key("uses"), fixed(PinnedAction.checkout.uses)),
                (key("with"), .mapping(Node.Mapping([(key("persist-credentials"), fixed("false"))]))),
            ])),
            .mapping(Node.Mapping([
                (key("name"), fixed("Get short-lived AWS credentials over OIDC")),
                (key("uses"), fixed(PinnedAction.configureAWSCredentials.uses)),
                (key("with"), .mapping(Node.Mapping(credentials))),
            ])),
            .mapping(Node.Mapping([
                (key("name"), fixed("Show which AWS identity the job has")),
                (key("run"), fixed("aws sts get-caller-identity")),
            ])),
        ]
        var pairs: [(Node, Node)] = [(key("name"), fixed(name))]
        pairs += extra
        pairs += [
            // Enterprise Server has no GitHub-hosted runners: a job for ubuntu-latest would wait for ever.
            (key("runs-on"), fixed(setup.flavor.hasHostedRunners ? "ubuntu-latest" : "self-hosted")),
            (key("timeout-minutes"), fixed("10")),
            (key("permissions"), .mapping(Node.Mapping([
                (key("id-token"), fixed("write")),
                (key("contents"), fixed("read")),
            ]))),
            (key("steps"), .sequence(Node.Sequence(steps))),
        ]
        return .mapping(Node.Mapping(pairs))
    }

    private static func header(for setup: Setup, environments: [String], notes: [String]) -> String {
        var lines = [
            "Generated by oidc-wizard. Commit it to \(setup.commitTargets).",
            "The jobs get short-lived credentials for \(setup.roleARN)",
            "over OIDC - no AWS keys are stored in GitHub. The role's trust policy decides which runs get in.",
        ]
        if !environments.isEmpty {
            lines.append("Environment jobs send the subject environment:<name>; protect those environments with required reviewers.")
        }
        if !setup.flavor.hasHostedRunners {
            lines.append("Enterprise Server runs jobs on your own runners (runs-on: self-hosted; use your runner labels), which need")
            lines.append("the AWS CLI, and the instance needs aws-actions/configure-aws-credentials (GitHub Connect or actions-sync).")
        }
        if !setup.allRules.contains(where: { if case .environment = $0 { false } else { true } }) {
            lines.append("Start it from the Actions tab (Run workflow); add your own triggers as needed.")
        }
        lines += notes
        return lines.map { "# " + commentSafe($0) }.joined(separator: "\n") + "\n"
    }

    /// Appends `# v7.0.1`-style comments to the `uses:` lines of the pinned actions. Only a line whose whole
    /// content is `uses: <owner/repo>@<sha>` — which only this generator writes — is touched.
    private static func annotatePinnedActions(_ yaml: String) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            let content = lines[index].drop(while: { $0 == " " || $0 == "-" })
            for action in PinnedAction.all where content == "uses: \(action.uses)" {
                lines[index] += " # \(action.version)"
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Comment text stays on its line: validated names are printable ASCII, and this guarantees it.
    private static func commentSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }

    // MARK: YAML scalars

    private static var emptyMapping: Node { Node.mapping(Node.Mapping([], .implicit, .flow)) }

    private static func key(_ name: String) -> Node { Node(name, .implicit, .plain) }

    /// A scalar this generator wrote itself (its type is meant: `false`, `10`, plain text).
    private static func fixed(_ value: String) -> Node { Node(value, .implicit, .any) }

    /// A scalar derived from user input: always read back as the same string.
    static func text(_ value: String) -> Node { Node(value, .implicit, isUnambiguousPlain(value) ? .any : .doubleQuoted) }

    /// Whether `value` would be read back as this string if emitted plain: starts with a letter, continues with
    /// characters that have no meaning in YAML, and is not a word YAML 1.1 reads as a boolean or null.
    static func isUnambiguousPlain(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "/", ":", "@": true
            default: false
            }
        }
        let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        return allowed && !reserved.contains(value.lowercased()) && !value.hasSuffix(":")
    }
}
