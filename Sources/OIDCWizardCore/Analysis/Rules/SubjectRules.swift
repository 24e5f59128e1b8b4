/// How `sub` (and `job_workflow_ref`) fence the role: `subject-missing`, `negated-only`,
/// `subject-matches-anyone`, `owner-wildcard`, `template-without-binding`, `org-wide`, `any-context`.
///
/// Each rule finds the place in the text; the evaluator decides how bad it is, by letting attacker
/// requests through the whole policy. A pattern held back by another condition or by a Deny is
/// reported for what it really lets in.
enum SubjectRules {
    static let everyoneProbe = "repo:zz-attacker/zz-repo:ref:refs/heads/zz-branch"

    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        for statement in analysis.statements where statement.isGitHubAllow {
            let fences = statement.clauses(on: "sub") + statement.clauses(on: "job_workflow_ref")
            // A sub key with another issuer's prefix is key-wrong-prefix's to report.
            let misprefixed = statement.clauses.contains {
                !$0.prefixMatches && ($0.claim == "sub" || $0.claim == "job_workflow_ref") && KeyRules.looksLikeGitHubIssuer($0.prefix)
            }
            if fences.isEmpty, !misprefixed {
                findings.append(missing(statement, analysis))
            } else if !fences.isEmpty, fences.allSatisfy(\.isNegated) {
                findings.append(negatedOnly(statement, fences[0], analysis))
            }
            for clause in statement.clauses(on: "sub") where clause.testsValues {
                for (position, value) in clause.clause.values.enumerated() {
                    if let finding = judge(value, position: position, clause: clause, statement: statement, analysis) {
                        findings.append(finding)
                    }
                }
            }
        }
        return findings
    }

    // MARK: - No fence, or only negated ones

    private static func missing(_ statement: StatementFacts, _ analysis: PolicyAnalysis) -> Finding {
        let label = analysis.label(statement.index).capitalizedFirst
        let (severity, evidence) = measured(statement, analysis, expected: .critical)
        let subject = analysis.suggestedSubject()
        let key = "\(statement.issuerHost):sub"
        let autofix: PolicyFix? = analysis.intent == nil ? nil
            : .addClause(statement: statement.index, ConditionClause(op: "StringEquals", key: key, values: analysis.intent!.subjects.filter { !$0.hasWildcard }))
        return analysis.finding(
            .subjectMissing, severity: severity, statement: statement.index,
            path: statement.statement.conditions.isEmpty ? statement.path : statement.path.member("Condition"),
            message: "\(label) does not test sub or job_workflow_ref\(evidence.map { ": \($0)" } ?? "").",
            why: "The subject is the only claim that says which repository and which run a token comes from. Without it, a workflow in any repository on GitHub gets a token that passes the other checks (every workflow can ask for the audience sts.amazonaws.com).",
            fix: "Add \"StringEquals\": {\"\(key)\": \"\(subject)\"} (your repository and branch, tag or environment).",
            autofix: autofix?.isUseful == true ? autofix : nil)
    }

    private static func negatedOnly(_ statement: StatementFacts, _ clause: StatementFacts.Clause, _ analysis: PolicyAnalysis) -> Finding {
        let label = analysis.label(statement.index).capitalizedFirst
        let (severity, evidence) = measured(statement, analysis, expected: .critical)
        let key = "\(statement.issuerHost):sub"
        return analysis.finding(
            .negatedOnly, severity: severity, statement: statement.index, path: clause.path,
            message: "\(label) only says which subjects may NOT get in (\(clause.clause.op))\(evidence.map { "; \($0)" } ?? "").",
            why: "\(clause.clause.op) excludes the listed values and lets every other subject through: every repository of every other owner on GitHub. A fence must name who may enter, not who may not.",
            fix: "Add \"StringEquals\": {\"\(key)\": \"\(analysis.suggestedSubject())\"} naming the repositories that may assume the role.")
    }

    /// The severity the evaluator confirms for a statement open to anyone, with a sentence of evidence.
    private static func measured(_ statement: StatementFacts, _ analysis: PolicyAnalysis, expected: Severity) -> (Severity, String?) {
        if let admission = analysis.exposure.worst(through: statement.index) {
            return (admission.reach.severity(deployRole: analysis.isDeployRole), analysis.admissionText(admission))
        }
        if let blocked = analysis.exposure.blocked.first(where: { $0.statement == statement.index }) {
            return (.low, "only \(analysis.label(blocked.denyingStatement)) (a Deny) keeps \(blocked.subject) out")
        }
        return (.medium, "none of the attacker requests the analysis tried got in, because another condition stops them, but nothing in the subject fences the role")
    }

    // MARK: - One sub value

    private static func judge(_ value: String, position: Int, clause: StatementFacts.Clause, statement: StatementFacts,
                              _ analysis: PolicyAnalysis) -> Finding? {
        // Only string comparisons say which subjects get in (Null's "false" is a flag, not a subject).
        guard let op = clause.op, [.stringEquals, .stringLike, .stringEqualsIgnoreCase].contains(op.comparison) else { return nil }
        let shape = clause.shapes[position]
        let path = clause.valuePath(position)
        let label = analysis.label(statement.index)
        let patterns = op.usesWildcards
        if let never = neverSent(value, shape: shape, op: op, position: position, clause: clause, statement: statement, analysis) {
            return never
        }
        if value.mentionsPolicyVariable, analysis.policy.version == TrustPolicy.currentVersion {
            return variable(value, position: position, clause: clause, statement: statement, analysis)
        }
        // What the whole policy really lets in through this value.
        let admission = analysis.exposure.worst(through: statement.index) { PolicyAnalysis.matches(value, op: op, $0) }
        let blocked = analysis.exposure.blocked.first {
            $0.statement == statement.index && PolicyAnalysis.matches(value, op: op, $0.subject)
        }
        func severity(_ expected: Reach) -> (Severity, String) {
            if let admission {
                let severity = admission.reach.severity(deployRole: analysis.isDeployRole)
                return (severity, analysis.admissionText(admission))
            }
            if let blocked {
                return (.low, "only the Deny in \(analysis.label(blocked.denyingStatement)) keeps \(blocked.subject) out")
            }
            // Said so that it is true whether other conditions kept the requests out or none matched the value at all
            // (`repo:acme/app?ref:…`, whose `?` only a ':' fills in a subject GitHub sends).
            return (expected == .anyOwner ? .medium : .low, "none of the attacker requests the analysis tried gets in through \(label)")
        }

        if patterns, clause.globs[position].matches(everyoneProbe) {
            let (level, evidence) = severity(.anyOwner)
            let replacement = analysis.suggestedSubject(like: nil)
            return analysis.finding(
                .subjectMatchesAnyone, severity: level, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) matches every repository on GitHub; \(evidence).",
                why: "Under \(op.raw), \"\(value)\" matches the subject of any workflow in any repository, and a subject list lets in a token that matches any one of its values, however tight the others are. AWS accepts this policy.",
                fix: "Replace \"\(value)\" with the exact subject, e.g. \"\(replacement)\"\(clause.clause.values.count > 1 ? ", or remove it from the list" : "").",
                autofix: removal(of: position, clause, statement, analysis))
        }
        // An owner pinned by its id (`repo:*@123/…`) is that account whatever its name: ids are never reused.
        let ownerPinned = shape.ownerID.map { !$0.isEmpty && !$0.hasWildcard } ?? false
        let repositoryPinned = shape.repositoryID.map { !$0.isEmpty && !$0.hasWildcard } ?? false
        if patterns, shape.wildcardSite == .owner, shape.isRepositoryBound, !ownerPinned {
            let (level, evidence) = severity(.anyOwner)
            // The readable example (valid names, the pattern's own shape) when GitHub can send it.
            let readable = Exposure.readableWitness(value)
            let example = SubjectGrammar.isDefaultForm(readable) ? readable : admission?.subject ?? Exposure.fill(value).first ?? value
            return analysis.finding(
                .ownerWildcard, severity: level, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) has a wildcard in the owner, so it also matches \(example); \(evidence).",
                why: "GitHub owner names are first come, first served: anyone can register an account whose name the pattern matches (acme-evil, acmeX) and run a workflow that gets in.",
                fix: "Write the owner exactly, e.g. \"\(analysis.suggestedSubject(like: shape))\".",
                autofix: removal(of: position, clause, statement, analysis))
        }
        if !shape.isRepositoryBound, !(value.allSatisfy { $0 == "*" || $0 == "?" }),
           !TemplateSubject(value).bindsOwner(within: analysis.scope) || (admission?.reach == .anyOwner) {
            let (level, evidence) = severity(.anyOwner)
            return analysis.finding(
                .templateWithoutBinding, severity: level, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) is a custom-template subject that names no repository; \(evidence).",
                why: "A custom subject template (include_claim_keys) that does not start with the repository produces the same subject in every organisation that sets the same template: another owner's `prod` environment on `main` sends exactly \"\(value)\".",
                fix: "Make the template start with repo (PUT /repos/{owner}/{repo}/actions/oidc/customization/sub with include_claim_keys [\"repo\", …]) and match \"repo:<owner>/<repo>:\(value)\".")
        }
        if !shape.isRepositoryBound, let admission, admission.reach == .otherRepository {
            // `repository_owner:acme:environment:prod`: every repository of the owner sends the same subject.
            let byName = TemplateSubject(value).value(of: "repository_owner_id") == nil
            return analysis.finding(
                .orgWide, severity: admission.reach.severity(deployRole: analysis.isDeployRole), statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) binds the owner but no repository, so every repository of the owner that uses this template sends it; \(analysis.admissionText(admission)).",
                why: "A custom template with repository_owner\(byName ? "" : "_id") but without repo or repository_id produces the same subject in every repository of the organisation, including ones created later by anyone allowed to.\(byName ? " By name only, it also matches whoever registers the name if the organisation is renamed or deleted." : "")",
                fix: "Add repo (or repository_id) to the template's include_claim_keys and match it: \"repo:<owner>/<repo>:…\".")
        }
        if patterns, shape.wildcardSite == .repository, let owner = shape.owner, !repositoryPinned {
            let (level, evidence) = severity(.otherRepository)
            return analysis.finding(
                .orgWide, severity: level, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) lets in every matching repository of \(owner); \(evidence).",
                why: "The wildcard covers every repository of \(owner) whose name matches — every branch, tag, pull request and environment of each — including repositories created later by anyone allowed to create one.",
                fix: "List the repositories explicitly, e.g. \"repo:\(owner)/<repo>:ref:refs/heads/main\", one value each.")
        }
        if patterns, shape.wildcardSite == .context, let owner = shape.owner, let repository = shape.repository,
           case let kinds = runKinds(matching: clause.globs[position], shape: shape), shape.contextKind == .anything || kinds.count >= 2 {
            // `*`, and any context pattern that spans kinds of run (`ref:refs/*`: every branch AND every tag).
            let base = "repo:\(shape.owner.map { o in shape.ownerID.map { "\(o)@\($0)" } ?? o } ?? owner)/\(shape.repositoryID.map { "\(repository)@\($0)" } ?? repository)"
            let probes = kinds.map(\.probe)
            let admitted = analysis.firstAdmitted(probes, through: statement)
            // Without an answer from the evaluator (budget spent), the text's own class stands.
            let level: Severity = admitted == nil && !analysis.budget.exhausted ? .low : (analysis.isDeployRole ? .high : .medium)
            return analysis.finding(
                .anyContext, severity: level, statement: statement.index, path: path,
                message: "\"\(value)\" in \(label) lets in \(kinds.count == Self.runKinds.count ? "every run" : kinds.map { "every \($0.name)" }.joined(separator: " and ")) of \(owner)/\(repository)\(admitted.map { ": the evaluator lets \($0) in" } ?? ", though other conditions narrow it").",
                why: kinds.count == Self.runKinds.count
                    ? "Any branch (anyone with push access can create one), any tag, pull requests and any environment of the repository get the role, so branch protection and environment reviewers no longer guard it."
                    : "Under \(op.raw) the pattern matches \(kinds.map { "any \($0.name)" }.joined(separator: " and ")) of the repository, whatever its name: anyone with push access can create one and run a workflow on it with the role, so branch protection no longer guards it.",
                fix: "Name the runs: \"\(base):ref:refs/heads/main\", \"\(base):environment:prod\", … one value each.")
        }
        return nil
    }

    /// The kinds of run GitHub's default subject distinguishes, each with a name no one chose on purpose.
    static let runKinds: [(name: String, context: String)] = [
        ("branch", "ref:refs/heads/zz-unlisted"), ("pull request", "pull_request"),
        ("tag", "ref:refs/tags/zz-tag"), ("environment", "environment:zz-env"),
    ]

    /// The kinds of run of the value's own repository that the value matches whatever their name.
    private static func runKinds(matching pattern: WildcardPattern, shape: SubjectShape) -> [(name: String, probe: String)] {
        guard let context = shape.context else { return [] }
        let base = String(shape.value.utf8.dropLast(context.utf8.count)) ?? ""
        guard !base.hasWildcard else { return runKinds.map { ($0.name, "\(base)\($0.context)") }.filter { pattern.matches($0.1) } }
        // A literal head matches only itself, so the pattern matches `<base><kind's context>` exactly when its own
        // context matches the kind's: only the kinds that do are spelled out as whole subjects.
        let contextPattern = WildcardPattern(glob: context)
        return runKinds.filter { contextPattern.matches($0.context) }.map { ($0.name, "\(base)\($0.context)") }
    }

    /// A value with a policy variable: IAM puts the request's own claim into it before comparing, so
    /// its text says nothing about which owners match. Only the evaluator can tell, and the rule speaks
    /// only when it confirms that another owner gets in.
    private static func variable(_ value: String, position: Int, clause: StatementFacts.Clause, statement: StatementFacts,
                                 _ analysis: PolicyAnalysis) -> Finding? {
        guard let admission = analysis.exposure.worst(through: statement.index), admission.reach == .anyOwner else { return nil }
        let label = analysis.label(statement.index)
        let echoed = value.components(separatedBy: "${").dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) }
        let claims = echoed.map { $0.split(separator: ":").last.map(String.init) ?? $0 }
        let whose = claims.allSatisfy { ["sub", "repository", "actor", "repository_owner", "workflow", "ref", "environment", "job_workflow_ref"].contains($0) }
            ? "the caller's own \(claims.joined(separator: " and ")), which every caller controls for its own runs"
            : "a value from the request itself"
        return analysis.finding(
            .subjectMatchesAnyone, severity: admission.reach.severity(deployRole: analysis.isDeployRole), statement: statement.index,
            path: clause.valuePath(position),
            message: "\"\(value)\" in \(label) is filled in with \(whose), so it matches every caller; \(analysis.admissionText(admission)).",
            why: "IAM replaces ${…} with the request's own value before comparing. A subject compared with (a part of) the caller's own claims matches whoever calls: \(claims.contains("sub") ? "${…:sub} is the caller's own subject, so the test is sub = sub, always true" : "any owner's workflow sends its own \(claims.joined(separator: "/")) and so passes").",
            fix: "Write the subject out, e.g. \"\(analysis.suggestedSubject())\"; policy variables cannot name who is trusted.",
            autofix: removal(of: position, clause, statement, analysis))
    }

    /// A value no subject GitHub sends can match: the role cannot be assumed through it.
    private static func neverSent(_ value: String, shape: SubjectShape, op: ConditionOperator, position: Int,
                                  clause: StatementFacts.Clause, statement: StatementFacts, _ analysis: PolicyAnalysis) -> Finding? {
        let variables = analysis.policy.version == TrustPolicy.currentVersion
        // A bad owner, repository or id form is what invalid-name, lookalike-name and subject-form-mismatch
        // say, more precisely: leave it to them.
        if shape.isRepositoryBound, !value.hasWildcard {
            // `owner/repo` after `repo:`, up to the next `:`, cut by bytes as `SubjectShape` cuts it.
            var text = value
            guard text.withUTF8({ SubjectGrammar.validRepositoryPair($0[5...].prefix { $0 != 0x3A }) }) else { return nil }
        }
        var reason = SubjectGrammar.neverSentReason(value, patterns: op.usesWildcards, variables: variables)
        if reason == nil, shape.isRepositoryBound, shape.context == nil, !value.hasWildcard, !value.mentionsPolicyVariable {
            // `repo:acme/app` alone: the default subject always goes on with the run's context.
            reason = "GitHub's default subject always goes on after the repository (…:ref:refs/heads/main, …:environment:prod, …:pull_request); only a custom template of exactly [\"repo\"] sends this, and then every run of the repository matches"
        }
        guard let reason else { return nil }
        let label = analysis.label(statement.index)
        let others = clause.clause.values.count > 1 ? " The other values of the list still work." : " As written, the role cannot be assumed through this condition."
        let repository = shape.isRepositoryBound && shape.owner.map(SubjectGrammar.validOwner) == true ? analysis.suggestedSubject(like: shape)
            : analysis.suggestedSubject()
        return analysis.finding(
            .subjectNeverMatches, statement: statement.index, path: clause.valuePath(position),
            message: "\"\(value)\" in \(label) never matches a subject GitHub sends: \(reason).",
            why: "A subject is claim:value pairs — by default repo:<owner>/<repo> followed by ref:refs/heads/<branch>, ref:refs/tags/<tag>, environment:<name> or pull_request. A value of another shape never matches, so nobody (you included) gets in through it; it also does not open the role to anyone.\(others)",
            fix: "Write the full subject, e.g. \"\(repository)\".",
            autofix: removal(of: position, clause, statement, analysis))
    }

    /// Removing one value from a list is mechanical when other values remain (the user keeps what they wrote).
    private static func removal(of position: Int, _ clause: StatementFacts.Clause, _ statement: StatementFacts,
                                _ analysis: PolicyAnalysis) -> PolicyFix? {
        var values = clause.clause.values
        guard values.count > 1 else { return nil }
        values.remove(at: position)
        return .replaceValues(statement: statement.index, clause: clause.index, with: values)
    }
}

extension PolicyFix {
    /// False for an edit that would add an empty clause (nothing to add).
    var isUseful: Bool {
        if case .addClause(_, let clause) = self { return !clause.values.isEmpty }
        return true
    }
}
