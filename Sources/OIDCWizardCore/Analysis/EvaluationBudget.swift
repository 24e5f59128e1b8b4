/// A hard cap on how much evaluating one analysis may do, so a huge policy (hundreds of statements,
/// thousands of values) is analysed in bounded time instead of hanging the wizard or `lint`.
///
/// Each evaluation judges every condition value of the policy, so the cap is counted in value
/// judgements: a small policy gets many evaluations, a big one fewer, and the total work stays linear
/// in the policy's size. When the cap is hit the analysis says so in a finding (the exposure it
/// reports is then a lower bound, and rules fall back to what the text alone says).
final class EvaluationBudget {
    /// Condition-value judgements one analysis may spend (evaluations × values in the policy).
    static let valueJudgements = 100_000
    /// Evaluations one analysis may spend, however small the policy.
    static let maximumEvaluations = 1_000
    /// Evaluations every policy gets, however big.
    static let minimumEvaluations = 16

    let limit: Int
    private(set) var evaluations = 0
    private(set) var exhausted = false

    /// A budget for a policy with `values` condition values in all.
    init(values: Int) {
        limit = max(Self.minimumEvaluations, min(Self.maximumEvaluations, Self.valueJudgements / max(1, values)))
    }

    convenience init(policy: TrustPolicy) {
        self.init(values: policy.statements.reduce(0) { total, statement in
            total + 1 + statement.conditions.reduce(0) { $0 + max(1, $1.values.count) }
        })
    }

    /// Takes one evaluation from the budget; false (and `exhausted`) when none is left.
    func spend() -> Bool {
        guard evaluations < limit else {
            exhausted = true
            return false
        }
        evaluations += 1
        return true
    }
}
