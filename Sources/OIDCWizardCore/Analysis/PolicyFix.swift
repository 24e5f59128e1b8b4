/// A mechanical edit of a trust policy that repairs one finding. Values, not closures, so a fix can be
/// shown, compared, tested and applied by the wizard, `edit` and `fix` alike.
public enum PolicyFix: Hashable, Sendable {
    /// Change the operator of one condition clause (e.g. `StringEquals` → `StringLike` for a wildcard value).
    case changeOperator(statement: Int, clause: Int, to: String)
    /// Replace the values of one condition clause.
    case replaceValues(statement: Int, clause: Int, with: [String])
    /// Add a condition clause to a statement.
    case addClause(statement: Int, ConditionClause)
    /// Remove one condition clause.
    case removeClause(statement: Int, clause: Int)
    /// Remove a whole statement.
    case removeStatement(Int)
    /// Replace a whole statement.
    case replaceStatement(Int, PolicyStatement)
    /// Set the policy's `Version`.
    case setVersion(String)
    /// Several edits, applied in order.
    indirect case all([PolicyFix])

    /// The policy with this edit applied. Indices that no longer exist leave the policy unchanged.
    public func apply(to policy: TrustPolicy) -> TrustPolicy {
        var policy = policy
        switch self {
        case .changeOperator(let s, let c, let op):
            if policy.statements.indices.contains(s), policy.statements[s].conditions.indices.contains(c) {
                policy.statements[s].conditions[c].op = op
            }
        case .replaceValues(let s, let c, let values):
            if policy.statements.indices.contains(s), policy.statements[s].conditions.indices.contains(c) {
                policy.statements[s].conditions[c].values = values
            }
        case .addClause(let s, let clause):
            if policy.statements.indices.contains(s) { policy.statements[s].conditions.append(clause) }
        case .removeClause(let s, let c):
            if policy.statements.indices.contains(s), policy.statements[s].conditions.indices.contains(c) {
                policy.statements[s].conditions.remove(at: c)
            }
        case .removeStatement(let s):
            if policy.statements.indices.contains(s) { policy.statements.remove(at: s) }
        case .replaceStatement(let s, let statement):
            if policy.statements.indices.contains(s) { policy.statements[s] = statement }
        case .setVersion(let version):
            policy.version = version
        case .all(let fixes):
            for fix in fixes { policy = fix.apply(to: policy) }
        }
        return policy
    }
}
