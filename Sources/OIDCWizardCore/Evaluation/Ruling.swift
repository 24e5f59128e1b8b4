/// IAM's decision for one request without the words: the outcome, the deciding statement and every
/// statement that applies. What the analysis and the scenario table need for each of the dozens of
/// requests they build per keystroke; `Decision` adds the reasons a person reads, built only when asked.
///
/// For any policy and request, `CompiledPolicy.decide` and `PolicyEvaluator.evaluate` agree: same
/// outcome, same deciding statement, and `applyingStatements` lists exactly the statements whose verdict
/// `applies`.
public struct Ruling: Hashable, Sendable {
    public var outcome: Decision.Outcome
    /// The deciding statement: the first applying Deny, else the first applying Allow; nil for an implicit deny.
    public var statementIndex: Int?
    /// Every statement that applies (Allow or Deny), in policy order.
    public var applyingStatements: [Int]

    public init(outcome: Decision.Outcome, statementIndex: Int?, applyingStatements: [Int]) {
        self.outcome = outcome
        self.statementIndex = statementIndex
        self.applyingStatements = applyingStatements
    }

    public var isAllowed: Bool { outcome.isAllowed }

    /// Whether statement `index` applies to the request.
    public func applies(_ index: Int) -> Bool { applyingStatements.contains(index) }
}

extension Decision {
    /// The decision without its words.
    public var ruling: Ruling {
        Ruling(outcome: outcome, statementIndex: statementIndex,
               applyingStatements: statements.filter(\.applies).map(\.statementIndex))
    }
}
