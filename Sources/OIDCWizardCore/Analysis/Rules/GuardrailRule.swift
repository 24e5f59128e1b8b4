/// `aws-will-reject`: AWS's own check on GitHub trust policies (CreateRole / UpdateAssumeRolePolicy),
/// modelled with its measured gaps — it looks only at the FIRST value of a list, and `repo:*` and
/// `repo:*/*` pass. So this rule predicts what AWS does, not what is safe; the openness rules judge safety.
enum GuardrailRule {
    static let acceptedOperators: Set<String> = ["stringequals", "stringlike", "stringequalsignorecase"]

    /// IAM's trust-policy size quota, in characters without whitespace: 2048 by default, at most 8192
    /// after a quota increase.
    static let defaultSizeQuota = 2_048
    static let maximumSizeQuota = 8_192

    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        if let size = sizeFinding(analysis) { findings.append(size) }
        for statement in analysis.statements where statement.isAllow {
            guard case .gitHub = statement.trust else { continue }
            if passes(statement) { continue }
            let label = analysis.label(statement.index)
            let key = "\(statement.issuerHost):sub"
            let tested = statement.clauses.filter { $0.claim == "sub" || $0.claim == "job_workflow_ref" }
            let detail: String
            if tested.isEmpty {
                detail = "it does not test sub or job_workflow_ref"
            } else if !tested.contains(where: \.prefixMatches) {
                detail = "its sub/job_workflow_ref keys use the prefix \(tested[0].prefix), not the provider's issuer \(statement.issuerHost)"
            } else if let clause = tested.first(where: { $0.prefixMatches && acceptedOperators.contains($0.clause.op.lowercased()) }) {
                let first = clause.clause.values.first ?? ""
                detail = first.isEmpty ? "the first value of \(clause.clause.key) is empty (AWS's check reads only the first value)"
                    : "the first value of \(clause.clause.key) (\"\(first)\") is scoped to everything"
            } else {
                detail = "sub/job_workflow_ref is tested only with \(tested.map { "\($0.clause.op) on \($0.clause.key)" }.joined(separator: ", "))"
            }
            findings.append(analysis.finding(
                .awsWillReject, statement: statement.index,
                path: tested.first?.path ?? (statement.statement.conditions.isEmpty ? statement.path : statement.path.member("Condition")),
                message: "AWS will reject this policy: \(label) trusts GitHub's provider, but \(detail).",
                why: "Since 2025, IAM refuses to create or update a role whose trust policy trusts a GitHub provider without testing \(key) (or :job_workflow_ref) with StringEquals, StringLike or StringEqualsIgnoreCase and a value narrower than *. Roles created earlier are not re-checked, so an existing role can still carry such a policy.",
                fix: "Add \"StringEquals\": {\"\(key)\": \"\(analysis.suggestedSubject())\"}."))
        }
        return findings
    }

    /// A policy over IAM's size quota is refused by CreateRole/UpdateAssumeRolePolicy
    /// (LimitExceeded), whatever it says.
    static func sizeFinding(_ analysis: PolicyAnalysis) -> Finding? {
        let size = analysis.context.policyJSON?.compactNonBlankCount ?? characterCount(analysis.policy)
        guard size > defaultSizeQuota else { return nil }
        let beyondAny = size > maximumSizeQuota
        return analysis.finding(
            .awsWillReject, statement: nil, path: JSONPath.root,
            message: "AWS will reject this policy: it has \(size) characters without whitespace, over IAM's trust-policy quota of \(defaultSizeQuota)\(beyondAny ? " and over the \(maximumSizeQuota) a quota increase allows" : "").",
            why: "IAM limits a role's trust policy to \(defaultSizeQuota) characters (whitespace not counted); a quota increase raises it to at most \(maximumSizeQuota). A longer document is refused with LimitExceeded, so the role keeps its old policy.",
            fix: beyondAny ? "Shorten the policy: merge statements that differ only in sub into one list, use one pattern for a family of branches, or split the roles."
                : "Shorten the policy (merge statements into one sub list), or ask AWS for a higher \"Role trust policy length\" quota (at most \(maximumSizeQuota)).")
    }

    /// Characters as IAM counts them for the quota: the document without whitespace.
    static func characterCount(_ policy: TrustPolicy) -> Int {
        policy.jsonValue.compactNonBlankCount
    }

    /// AWS's check as measured: an accepted operator on the issuer's sub or job_workflow_ref whose first
    /// value is not all wildcards.
    static func passes(_ statement: StatementFacts) -> Bool {
        statement.clauses.contains { clause in
            guard clause.prefixMatches, clause.claim == "sub" || clause.claim == "job_workflow_ref",
                  acceptedOperators.contains(clause.clause.op.lowercased()), let first = clause.clause.values.first else { return false }
            return !first.isEmpty && !first.allSatisfy { $0 == "*" || $0 == "?" }
        }
    }
}
