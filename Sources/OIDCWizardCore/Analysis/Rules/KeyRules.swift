/// Condition keys that never reach the request: `key-wrong-prefix` (another issuer's prefix, or a
/// misspelled claim), `unsupported-claim-key` (a real GitHub claim IAM cannot test, under a positive
/// operator: never matches) and `negated-unsupported-key` (the same under a negated, ForAllValues: or
/// IfExists operator: always true).
enum KeyRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        for statement in analysis.statements where statement.isGitHubAllow {
            for clause in statement.clauses {
                guard let claim = clause.claim, let op = clause.op else { continue }
                if !clause.prefixMatches {
                    guard looksLikeGitHubIssuer(clause.prefix) else { continue }
                    findings.append(absentKey(clause, op, statement, analysis, rule: .keyWrongPrefix,
                        what: "uses the prefix \(clause.prefix), but \(analysis.label(statement.index))'s provider issues tokens as \(statement.issuerHost)",
                        fix: "Write the key as \"\(statement.issuerHost):\(claim)\"."))
                } else if !GitHubClaims.isTokenClaim(claim) {
                    let guess = closest(to: claim)
                    findings.append(absentKey(clause, op, statement, analysis, rule: .keyWrongPrefix,
                        what: "names the claim \"\(claim)\", which GitHub's token does not have\(guess.map { " (did you mean \($0)?)" } ?? "")",
                        fix: guess.map { "Write the key as \"\(statement.issuerHost):\($0)\"." } ?? "Use a claim GitHub sends and IAM can test (sub, aud, repository, job_workflow_ref, …)."))
                } else if !GitHubClaims.iamTestable.contains(claim) {
                    findings.append(absentKey(clause, op, statement, analysis, rule: alwaysTrue(op, clause) ? .negatedUnsupportedKey : .unsupportedClaimKey,
                        what: "tests \(claim), a claim GitHub sends but IAM cannot test (IAM tests only sub, aud, \(IAMClaim.allCases.map(\.rawValue).joined(separator: ", ")))",
                        fix: replacementAdvice(claim, statement)))
                }
            }
        }
        return findings
    }

    /// A test on a key absent from every request: true always (negated, ForAllValues:, IfExists, Null true)
    /// or never (every positive form).
    static func alwaysTrue(_ op: ConditionOperator, _ clause: StatementFacts.Clause) -> Bool {
        if op.comparison == .null { return clause.clause.values.contains { $0.lowercased() == "true" } }
        return op.isNegated || op.qualifier == .forAllValues || op.ifExists
    }

    private static func absentKey(_ clause: StatementFacts.Clause, _ op: ConditionOperator, _ statement: StatementFacts,
                                  _ analysis: PolicyAnalysis, rule: RuleID, what: String, fix: String) -> Finding {
        let label = analysis.label(statement.index)
        let key = clause.clause.key
        if alwaysTrue(op, clause) {
            // It tests nothing. How bad that is depends on what else fences the statement: measure it.
            let worst = analysis.exposure.worst(through: statement.index)
            let severity = worst.map { max($0.reach.severity(deployRole: analysis.isDeployRole), .medium) } ?? .medium
            let evidence = worst.map { "; \(analysis.admissionText($0))" } ?? ""
            return analysis.finding(
                rule, severity: severity, kind: .security, statement: statement.index, path: clause.path,
                message: "\(key) in \(label) \(what), so \(op.raw) on it is always true and protects nothing\(evidence).",
                why: "A key that is not in the request makes a negated, ForAllValues: or IfExists test pass without looking at anything. If this was meant to keep other owners out, it does not.",
                fix: fix)
        }
        return analysis.finding(
            rule, kind: .broken, statement: statement.index, path: clause.path,
            message: "\(key) in \(label) \(what), so \(op.raw) on it never matches and the statement never applies.",
            why: "IAM only puts certain keys in the request. A condition on any other key compares against nothing, and a positive operator then fails every time: the role cannot be assumed through this statement.",
            fix: fix)
    }

    private static func replacementAdvice(_ claim: String, _ statement: StatementFacts) -> String {
        switch claim {
        case "repository_owner", "repository_owner_id":
            return "Bind the owner through sub (\"repo:<owner>/<repo>:…\") or test \(statement.issuerHost):repository / :repository_id."
        case "event_name", "ref_type", "base_ref", "head_ref":
            return "Express the run kind through sub (…:ref:refs/heads/main, …:pull_request, …:environment:prod) or \(statement.issuerHost):ref."
        default:
            return "Test sub, or one of the claims IAM can test (\(IAMClaim.allCases.map(\.rawValue).joined(separator: ", ")))."
        }
    }

    static func looksLikeGitHubIssuer(_ prefix: String) -> Bool {
        GitHubFlavor.recognize(issuer: prefix) != nil || prefix.hasPrefix(GitHubFlavor.legacyHost)
            || prefix.contains("githubusercontent") || prefix.hasSuffix("/_services/token") || prefix.hasSuffix(".ghe.com")
    }

    /// The token claim one or two edits away from `claim`, for "did you mean".
    static func closest(to claim: String) -> String? {
        let candidates = GitHubClaims.iamTestable.sorted()
        return candidates.first { distance(Array(claim), Array($0)) <= 2 }
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if abs(a.count - b.count) > 2 { return 3 }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
