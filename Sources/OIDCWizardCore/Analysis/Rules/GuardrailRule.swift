/// `aws-will-reject`: AWS's own check on GitHub trust policies (CreateRole / UpdateAssumeRolePolicy),
/// modelled with its measured gaps — it looks only at the FIRST value of a list, and `repo:*` and
/// `repo:*/*` pass. So this rule predicts what AWS does, not what is safe; the openness rules judge safety.
enum GuardrailRule {
    static let acceptedOperators: Set<String> = ["stringequals", "stringlike", "stringequalsignorecase"]

    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
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
                detail = "the first value of \(clause.clause.key) (\"\(clause.clause.values.first ?? "")\") is scoped to everything"
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
