/// What IAM decides for one `AssumeRequest`, which statement decided it, and why — in words a newcomer
/// can follow, plus the structure behind them (per statement, per condition clause) for the analysis,
/// the scenario table, `simulate`, `explain` and the TUI.
///
/// Indexes (`statementIndex`, `clauseIndex`) are 0-based, like the JSON paths `$.Statement[0]`; the prose
/// counts from 1 ("statement 1") because that is how people count.
public struct Decision: Hashable, Sendable {
    public enum Outcome: String, Hashable, Sendable {
        case allowed
        /// No statement allows the request (and none denies it).
        case implicitDeny
        /// A Deny statement applies; it wins over every Allow.
        case explicitDeny

        public var isAllowed: Bool { self == .allowed }
    }

    public var outcome: Outcome
    /// The deciding statement: the first applying Deny, else the first applying Allow; nil for an implicit deny.
    public var statementIndex: Int?
    /// One or two plain sentences saying what decided and why.
    public var reason: String
    /// One verdict per statement, in policy order.
    public var statements: [StatementVerdict]

    public init(outcome: Outcome, statementIndex: Int?, reason: String, statements: [StatementVerdict]) {
        self.outcome = outcome
        self.statementIndex = statementIndex
        self.reason = reason
        self.statements = statements
    }

    public var isAllowed: Bool { outcome.isAllowed }
}

/// Whether one statement applies to the request, and why (or why not).
public struct StatementVerdict: Hashable, Sendable {
    public var statementIndex: Int
    public var sid: String?
    public var effect: StatementEffect
    /// Principal/NotPrincipal, Action/NotAction and every condition clause hold.
    public var applies: Bool
    public var principalMatches: Bool
    /// Why the principal part matched or not ("Principal names Federated \"arn:…\"").
    public var principalExplanation: String
    public var actionMatches: Bool
    public var actionExplanation: String
    /// One verdict per condition clause, in document order (all of them, also after the first failure).
    public var clauses: [ClauseVerdict]
    /// A sentence saying whether the statement applies and the first reason it does not.
    public var summary: String

    /// The clauses that do not hold.
    public var failedClauses: [ClauseVerdict] { clauses.filter { !$0.holds } }

    /// "statement 1 (Sid \"Deploy\")".
    public var label: String { StatementVerdict.label(index: statementIndex, sid: sid) }

    public static func label(index: Int, sid: String?) -> String {
        if let sid, !sid.isEmpty { return "statement \(index + 1) (Sid \"\(sid)\")" }
        return "statement \(index + 1)"
    }
}

/// One `operator → key → values` clause judged against the request.
public struct ClauseVerdict: Hashable, Sendable {
    /// Why the clause holds or not, as data.
    public enum Basis: Hashable, Sendable {
        /// A request value matched a policy value (which holds for positive operators, fails negated ones).
        case matched(requestValue: String, policyValue: String)
        /// No request value matched any policy value.
        case noValueMatched(requestValues: [String])
        /// ForAllValues / ForAnyValue-negated: every request value matched some policy value.
        case everyValueMatched(requestValues: [String])
        /// ForAllValues / ForAnyValue-negated: this request value matched none of the policy values.
        case valueOutsideSet(requestValue: String)
        /// The key is not in the request.
        case keyMissing
        /// The Null operator: whether the key is present in the request.
        case nullTest(keyPresent: Bool)
        /// The operator is not one IAM knows: the clause never holds.
        case unknownOperator
    }

    /// Index of the clause in `PolicyStatement.conditions`.
    public var clauseIndex: Int
    public var clause: ConditionClause
    /// The parsed operator; nil when IAM does not know it.
    public var parsedOperator: ConditionOperator?
    public var holds: Bool
    public var basis: Basis
    /// Policy values containing a policy variable the request could not fill in (`${aws:username}`).
    public var unresolvedVariables: [String]
    /// One sentence, e.g. `token.actions.githubusercontent.com:sub "repo:acme/app:ref:refs/heads/main"
    /// matches "repo:acme/app:ref:refs/heads/*" under StringLike.`
    public var explanation: String

    public var op: String { clause.op }
    public var key: String { clause.key }

    /// The request value the decision turned on, if one did.
    public var requestValue: String? {
        switch basis {
        case .matched(let value, _), .valueOutsideSet(let value): value
        case .noValueMatched(let values), .everyValueMatched(let values): values.first
        default: nil
        }
    }

    /// The policy value that matched, if one did.
    public var matchedPolicyValue: String? {
        if case .matched(_, let policyValue) = basis { return policyValue }
        return nil
    }
}
