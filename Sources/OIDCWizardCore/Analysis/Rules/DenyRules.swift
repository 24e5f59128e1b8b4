/// What the Deny statements really do: `deny-never-applies` (a Deny whose condition no GitHub request
/// can meet keeps nobody out) and `no-allow` for a Deny that shuts out every run the policy was written
/// for (decided with the evaluator over the runs the Allow statements name).
enum DenyRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        for statement in analysis.statements where statement.isDeny {
            switch statement.trust {
            case .gitHub, .everyone: break
            default: continue
            }
            if let dead = neverApplies(statement, analysis) { findings.append(dead) }
        }
        if let shut = shutsOutMeantRuns(analysis) { findings.append(shut) }
        return findings
    }

    // MARK: - A Deny no GitHub request can meet

    private static func neverApplies(_ statement: StatementFacts, _ analysis: PolicyAnalysis) -> Finding? {
        for clause in statement.clauses {
            guard let op = clause.op, let claim = clause.claim, !KeyRules.alwaysTrue(op, clause) else { continue }
            let absence: String
            if !clause.prefixMatches {
                guard KeyRules.looksLikeGitHubIssuer(clause.prefix) else { continue }
                absence = "uses the prefix \(clause.prefix), but GitHub's tokens here come from \(statement.issuerHost)"
            } else if !GitHubClaims.isTokenClaim(claim) {
                absence = "names the claim \"\(claim)\", which GitHub's token does not have\(KeyRules.closest(to: claim).map { " (did you mean \($0)?)" } ?? "")"
            } else if !GitHubClaims.iamTestable.contains(claim) {
                absence = "tests \(claim), a claim GitHub sends but IAM cannot test"
            } else {
                continue
            }
            // Meant as the only guard against other owners? Then the hole it leaves is the Allow's.
            let open = analysis.exposure.worst.map { $0.reach == .anyOwner } ?? false
            let label = analysis.label(statement.index)
            let replacement = KeyRules.closest(to: claim).map { "\(statement.issuerHost):\($0)" } ?? "\(statement.issuerHost):sub"
            return analysis.finding(
                .denyNeverApplies, severity: open ? .high : .medium, statement: statement.index, path: clause.path,
                message: "\(label.capitalizedFirst) never applies: \(clause.clause.key) \(absence), so \(op.raw) on it never holds and the Deny keeps nobody out.",
                why: "A key that is not in the request makes every positive test on it fail, and a Deny applies only when all its conditions hold. Whatever this Deny was meant to exclude gets in.",
                fix: "Test a key every GitHub request carries, e.g. \"\(replacement)\" (sub is usually the one: \"repo:<owner>/<repo>:pull_request\").")
        }
        return nil
    }

    // MARK: - A Deny that shuts out what the Allows were written for

    /// Without a setup, the runs meant are the ones the Allow statements name: each exact subject, and
    /// for a pattern the most plausible run it stands for. When a Deny refuses every one of them, the
    /// role cannot be assumed as written. (With a setup, `intended-denied` says it per run.)
    private static func shutsOutMeantRuns(_ analysis: PolicyAnalysis) -> Finding? {
        guard analysis.intent == nil, analysis.statements.contains(where: { $0.isDeny && !$0.statement.conditions.isEmpty }) else { return nil }
        var runs: [(String, StatementFacts)] = []
        for statement in analysis.statements where statement.isGitHubAllow {
            for clause in statement.clauses(on: "sub") where clause.isPlainPositive {
                for (value, shape) in zip(clause.clause.values, clause.shapes).prefix(4) {
                    // A pattern open in the owner names no run in particular (`repo:*`): nothing to stand for.
                    if clause.op?.usesWildcards == true, value.hasWildcard, !shape.isRepositoryBound || shape.wildcardSite == .owner { continue }
                    let subject = clause.op?.usesWildcards == true ? PlausibleValue.subject(for: value) : value
                    guard SubjectGrammar.canBeSent(subject), WildcardPattern(glob: value).matches(subject) || subject == value else { continue }
                    runs.append((subject, statement))
                }
            }
        }
        guard !runs.isEmpty else { return nil }
        var deniedBy: Int?
        for (subject, statement) in runs.prefix(8) {
            guard let ruling = analysis.evaluate(subject: subject, through: statement, usingIntent: false) else { return nil }
            guard ruling.outcome == .explicitDeny, let deny = ruling.statementIndex else { return nil }
            deniedBy = deniedBy ?? deny
        }
        guard let deny = deniedBy, !analysis.statements[deny].statement.conditions.isEmpty else { return nil }
        let example = runs[0].0
        return analysis.finding(
            .noAllow, statement: deny, path: analysis.statements[deny].path,
            message: "\(analysis.label(deny).capitalizedFirst) denies every run the Allow statements name (e.g. \(example)), so nobody you meant can assume the role.",
            why: "An explicit Deny wins over every Allow. The evaluator tried the runs the Allow statements were written for, with the claims their tokens carry, and this Deny refuses each of them — often because a negated test on a claim IAM never sees (repository_owner, event_name) is always true, or because the Deny's pattern also covers the repository you allow.",
            fix: "Narrow the Deny to what must be kept out (test sub, which every request carries), or remove it.")
    }
}
