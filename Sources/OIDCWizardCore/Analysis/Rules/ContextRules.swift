/// Which runs of a named repository the subject trusts, and in which form it names the repository:
/// `branch-glob`, `pull-request-trusted`, `default-branch-events`, `environment-protection`,
/// `name-only-subject`, `subject-form-mismatch`, `reusable-workflow-unpinned`, `self-hosted-runners`.
enum ContextRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        // The setup's repositories by lower-cased full name, looked up for every value (the first of a name wins).
        var meant: [String: RepositoryRef] = [:]
        for access in analysis.intent?.repositories ?? [] where meant[access.repository.fullName.lowercased()] == nil {
            meant[access.repository.fullName.lowercased()] = access.repository
        }
        for statement in analysis.statements where statement.isGitHubAllow {
            var nameOnly: (JSONPath, String, Int)?
            var nameOnlyCount = 0
            for clause in statement.clauses(on: "sub") where clause.testsValues {
                for (position, value) in clause.clause.values.enumerated() {
                    let shape = clause.shapes[position]
                    let path = clause.valuePath(position)
                    findings += contextFindings(shape, glob: clause.globs[position], path: path, clause: clause, statement: statement, analysis)
                    if let form = form(shape, path: path, statement: statement, meant: meant, analysis) { findings.append(form) }
                    // No ids, or ids left open (`acme@*`): a recycled name matches either way.
                    let idsOpen = (shape.ownerID?.hasWildcard ?? true) && (shape.repositoryID?.hasWildcard ?? true)
                    if shape.isRepositoryBound, shape.wildcardSite != .owner, shape.owner != nil, shape.repository != nil, idsOpen {
                        nameOnlyCount += 1
                        if nameOnly == nil { nameOnly = (path, value, position) }
                    }
                    if let runners = selfHosted(value, path: path, statement: statement, analysis) { findings.append(runners) }
                }
            }
            if let (path, value, _) = nameOnly, supportsIDs(statement, analysis) {
                let others = nameOnlyCount > 1 ? " (and \(nameOnlyCount - 1) more value\(nameOnlyCount > 2 ? "s" : ""))" : ""
                findings.append(analysis.finding(
                    .nameOnlySubject, statement: statement.index, path: path,
                    message: "\"\(value)\"\(others) in \(analysis.label(statement.index)) names the repository by name only, without the owner and repository ids.",
                    why: "If the owner or the repository is deleted or renamed, someone else can register the same name and their workflows send the same subject. Ids are never reused. Repositories created, renamed or transferred since 2026-07-15 send the id form by default (older ones only after opting in), and a repository sends one form only. The risk is low for an old repository whose owner you control.",
                    fix: "Check which form your repository sends (GET /repos/{owner}/{repo}/actions/oidc/customization/sub); if use_immutable_subject is true, write \"repo:<owner>@<owner-id>/<repo>@<repo-id>:…\"."))
            }
            for clause in statement.clauses(on: "job_workflow_ref") where clause.testsValues {
                for (position, value) in clause.clause.values.enumerated() {
                    if let finding = unpinned(value, path: clause.valuePath(position), clause: clause, statement: statement, analysis) {
                        findings.append(finding)
                    }
                }
            }
        }
        return findings
    }

    /// Immutable subjects exist on github.com, Enterprise Cloud and GHE.com, not on Enterprise Server.
    private static func supportsIDs(_ statement: StatementFacts, _ analysis: PolicyAnalysis) -> Bool {
        if case .gitHub(let flavor, _, _) = statement.trust { return flavor.supportsImmutableSubjects }
        return analysis.intent?.flavor.supportsImmutableSubjects ?? true
    }

    /// `glob` is the value read as a glob (compiled once per analysis).
    private static func contextFindings(_ shape: SubjectShape, glob: WildcardPattern, path: JSONPath, clause: StatementFacts.Clause,
                                        statement: StatementFacts, _ analysis: PolicyAnalysis) -> [Finding] {
        guard shape.isRepositoryBound, shape.wildcardSite == .none || shape.wildcardSite == .context,
              let owner = shape.owner, let repository = shape.repository, let kind = shape.contextKind else { return [] }
        let label = analysis.label(statement.index)
        let value = shape.value
        // `repo:<owner>/<repo>`: the value without `:<context>` (counted in bytes: the context is its tail).
        let base = String(value.utf8.dropLast((shape.context?.utf8.count ?? 0) + 1)) ?? value
        let patterns = clause.op?.usesWildcards ?? false
        switch kind {
        case .branch(let branch) where branch.hasWildcard:
            guard patterns else { return [] }
            // Branches anyone with push access can create, valid by git's rules, that the pattern matches.
            let admitted = firstAdmitted(glob: glob, through: statement, analysis) { admits in
                Witnesses.firstFill(branch, kind: .ref) { admits("\(base):ref:refs/heads/\($0)") } == nil
                    && !admits("\(base):ref:refs/heads/zz-any-branch")
            }
            return [analysis.finding(
                .branchGlob, severity: admitted == nil && !analysis.budget.exhausted ? .low : .medium, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) trusts every branch matching \"\(branch)\"\(admitted.map { ", e.g. \(context(of: $0, after: base))" } ?? "").",
                why: "Anyone with push access to \(owner)/\(repository) can create a branch whose name matches (\(replacingStars(in: branch, with: "-evil"))) and run a workflow on it with the role, unless a ruleset protects every matching name.",
                fix: branch == "*" ? "Name the branches that deploy, e.g. \"\(base):ref:refs/heads/main\"."
                    : "Name the branches exactly, e.g. \"\(base):ref:refs/heads/\(branch.prefix { $0 != "*" && $0 != "?" })\", or protect every matching branch with a ruleset.")]
        case .tag(let tag) where tag.hasWildcard:
            guard patterns else { return [] }
            // Measured like a branch pattern: a tag anyone with push access can create that the pattern matches.
            let admitted = firstAdmitted(glob: glob, through: statement, analysis) { admits in
                Witnesses.firstFill(tag, kind: .ref) { admits("\(base):ref:refs/tags/\($0)") } == nil
                    && !admits("\(base):ref:refs/tags/zz-any-tag")
            }
            return [analysis.finding(
                .branchGlob, severity: admitted == nil && !analysis.budget.exhausted ? .low : .medium, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) trusts every tag matching \"\(tag)\"\(admitted.map { ", e.g. \(context(of: $0, after: base))" } ?? "").",
                why: "Anyone with push access can push a matching tag on any commit, including one never reviewed, unless a tag ruleset restricts who may create them.",
                fix: "Protect the tag pattern with a ruleset (restrict creations), or name the tags exactly.")]
        case .pullRequest:
            return [analysis.finding(
                .pullRequestTrusted, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) gives the role to pull request workflows of \(owner)/\(repository).",
                why: "Any pull request from a branch of the repository runs its own version of the workflow, before anyone reviews it, and gets the role. (Pull requests from forks get no token.)",
                fix: "Run AWS steps after merge, on the branch (\"\(base):ref:refs/heads/main\"), or give the pull request role read-only permissions.")]
        case .branch(let branch) where ["main", "master", "trunk", "default"].contains(branch):
            return [analysis.finding(
                .defaultBranchEvents, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) also admits pull_request_target, workflow_run and issue_comment workflows on \(branch).",
                why: "Those events run the default branch's workflow and send the same subject as a push to \(branch). A pull_request_target workflow that checks out the pull request's code would hand the role to that code.",
                fix: "Give id-token: write only to the deploy workflow, never to pull_request_target/workflow_run/issue_comment workflows, and protect \(branch).")]
        case .environment(let environment) where environment.hasWildcard && patterns:
            // A job creates an environment just by naming it (unprotected), so the pattern is a door for
            // anyone who can push a workflow, not a list of protected environments.
            let admitted = firstAdmitted(glob: glob, through: statement, analysis) { admits in
                !admits("\(base):environment:zz-any-env")
                    && Witnesses.firstFill(environment, kind: .environment) { admits("\(base):environment:\($0)") } == nil
            }
            let every = environment.allSatisfy { $0 == "*" }
            let named = analysis.intent?.subjects.filter { !$0.hasWildcard && $0.hasPrefix("\(base):environment:") } ?? []
            let examples = named.isEmpty ? ["\(base):environment:prod"] : named
            return [analysis.finding(
                .environmentGlob, severity: admitted == nil && !analysis.budget.exhausted ? .low : .medium, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) trusts \(every ? "every environment" : "every environment matching \"\(environment)\"") of \(owner)/\(repository)\(admitted.map { ", e.g. \(context(of: $0, after: base))" } ?? "").",
                why: "A job that names an environment that does not exist yet creates it, without reviewers or branch rules; the environment takes precedence in the subject, so anyone who can push a workflow to \(owner)/\(repository) (on any branch) names a matching environment and gets the role. Reviewers on your real environments do not guard it.",
                fix: "List the environments that deploy, one value each: \(examples.map { "\"\($0)\"" }.joined(separator: ", ")), and give each required reviewers and a deployment branch rule.")]
        case .environment(let environment):
            return [analysis.finding(
                .environmentProtection, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) trusts every job that names the environment \(environment).",
                why: "The environment takes precedence in the subject: a job on any branch that says environment: \(environment) sends this subject, unless the environment restricts branches or requires a reviewer.",
                fix: "In \(owner)/\(repository) → Settings → Environments → \(environment): add required reviewers and a deployment branch rule (only main).")]
        default:
            return []
        }
    }

    /// The first probe that `glob` matches and the whole policy lets in through `statement`. `probe` offers
    /// the subjects in order to `admits` and stops at the first it takes (the first is nearly always let in,
    /// so the others are never built).
    private static func firstAdmitted(glob: WildcardPattern, through statement: StatementFacts, _ analysis: PolicyAnalysis,
                                      probe: (_ admits: (String) -> Bool) -> Bool) -> String? {
        var admitted: String?
        _ = probe { subject in
            guard glob.matches(subject), analysis.admits(subject, through: statement) else { return false }
            admitted = subject
            return true
        }
        return admitted
    }

    /// The context of a probe built as `<base>:<context>` (the run an example names).
    private static func context(of probe: String, after base: String) -> String {
        String(Substring(probe.utf8.dropFirst(base.utf8.count + 1)))
    }

    /// `text` with each `*` written as `filler` (`release/*` → `release/-evil`); printable ASCII byte by byte, other
    /// text by characters (a `*` with a combining mark after it is another character).
    static func replacingStars(in text: String, with filler: String) -> String {
        guard text.isPrintableASCII else { return text.split(separator: "*", omittingEmptySubsequences: false).joined(separator: filler) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + filler.utf8.count)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "*") { bytes.append(contentsOf: filler.utf8) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One id without the other, ids on Enterprise Server, or a form that disagrees with the setup.
    /// `meant`: the setup's repositories by lower-cased full name.
    private static func form(_ shape: SubjectShape, path: JSONPath, statement: StatementFacts, meant repositories: [String: RepositoryRef],
                             _ analysis: PolicyAnalysis) -> Finding? {
        guard shape.isRepositoryBound, shape.wildcardSite != .owner, let owner = shape.owner, let repository = shape.repository else { return nil }
        let label = analysis.label(statement.index)
        let value = shape.value
        // One id without the other — unless a `*` in the part without one stands for it too (`repo:acme@123/*:…`
        // matches `acme@123/app@456`: every repository of that owner, which is another finding's business).
        let absorbed = shape.ownerID == nil ? owner.contains("*") : repository.contains("*")
        if (shape.ownerID == nil) != (shape.repositoryID == nil), !absorbed {
            let missing = shape.ownerID == nil ? "owner id (\(owner)@<id>)" : "repository id (\(repository)@<id>)"
            return analysis.finding(
                .subjectFormMismatch, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) has one id but not the \(missing), so no repository ever sends it.",
                why: "A repository sends either repo:owner/repo:… or repo:owner@<owner-id>/repo@<repo-id>:… — both ids or none.",
                fix: "Write both ids (repo:\(owner)@<owner-id>/\(repository)@<repo-id>:…) or neither.")
        }
        if shape.ownerID != nil, !supportsIDs(statement, analysis) {
            return analysis.finding(
                .subjectFormMismatch, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) uses the immutable id form, which GitHub Enterprise Server never sends.",
                why: "Immutable subjects exist on github.com, Enterprise Cloud and GHE.com only; Enterprise Server sends repo:owner/repo:….",
                fix: "Write \"repo:\(owner)/\(repository):\(shape.context ?? "ref:refs/heads/main")\".")
        }
        if let key = shape.fullNameKey, let meant = repositories[key],
           meant.usesImmutableSubject != (shape.ownerID != nil) {
            let expected = meant.subjectPrefix
            return analysis.finding(
                .subjectFormMismatch, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) uses the \(shape.ownerID != nil ? "id" : "name-only") form, but \(meant.fullName) sends \(expected):….",
                why: "A repository sends one subject form only; a value in the other form never matches it.",
                fix: "Start the value with \"\(expected):\".")
        }
        return nil
    }

    private static func unpinned(_ value: String, path: JSONPath, clause: StatementFacts.Clause, statement: StatementFacts,
                                 _ analysis: PolicyAnalysis) -> Finding? {
        guard clause.op?.usesWildcards == true, let at = value.lastIndex(of: "@") else { return nil }
        let ref = value[value.index(after: at)...]
        guard ref.hasWildcard else { return nil }
        let file = value[..<at]
        return analysis.finding(
            .reusableWorkflowUnpinned, statement: statement.index, path: path,
            message: "\"\(value)\" in \(analysis.label(statement.index)) trusts \(file) at any matching ref (\(ref)).",
            why: "job_workflow_ref names the reusable workflow that runs the job. With a wildcard ref, a version of that workflow on any branch — which anyone with push access to its repository can create and change — gets the role.",
            fix: "Pin the ref: \"\(file)@refs/heads/main\" (a protected branch) or a release tag.")
    }

    /// Claims whose presence (between two colons) after `repo:…` shows a custom template.
    private static let templateClaims: [StaticString] = ["job_workflow_ref", "context", "workflow", "repository_owner", "event_name", "ref_type"]

    /// Whether one of `templateClaims` stands between two colons of `value` (`…:context:…`). One pass over the
    /// value's colon-separated tokens: this runs for every `sub` value on every keystroke, where six substring
    /// searches cost several times more.
    static func hasTemplateClaim(_ value: String) -> Bool {
        var value = value  // `withUTF8` gives the buffer, making one only for bridged text
        return value.withUTF8 { bytes in
            var tokens = ColonTokens(bytes[...])
            _ = tokens.next()  // the first token has no colon before it
            while let token = tokens.next(), !tokens.isAtEnd {  // nor the last one after it
                if templateClaims.contains(where: { token.equals($0) }) { return true }
            }
            return false
        }
    }

    /// A custom template that binds the job but not the runner, for a role that deploys.
    private static func selfHosted(_ value: String, path: JSONPath, statement: StatementFacts, _ analysis: PolicyAnalysis) -> Finding? {
        let isTemplate = !value.hasPrefix("repo:") || hasTemplateClaim(value)
        guard isTemplate, !value.contains("runner_environment:"), !(value.allSatisfy { $0 == "*" || $0 == "?" }),
              analysis.intent?.isDeployRole ?? true else { return nil }
        return analysis.finding(
            .selfHostedRunners, statement: statement.index, path: path,
            message: "The custom-template subject \"\(value)\" in \(analysis.label(statement.index)) does not bind runner_environment.",
            why: "Jobs on self-hosted runners (possibly shared, persistent or reachable by others) send the same subject as GitHub-hosted ones. For a sensitive role, a template with runner_environment lets the policy require github-hosted.",
            fix: "Add runner_environment to the template's include_claim_keys and match …:runner_environment:github-hosted.")
    }
}
