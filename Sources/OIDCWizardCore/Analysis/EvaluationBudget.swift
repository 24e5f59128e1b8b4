/// A hard cap on how much evaluating one analysis may do, so a huge policy (hundreds of statements,
/// thousands of values) is analysed in bounded time instead of hanging the wizard or `lint`.
///
/// Each evaluation judges every statement of the policy, so the cap is counted in statement
/// judgements: a small policy gets many evaluations, a big one fewer. When the cap is hit the analysis
/// says so in a finding (the exposure it reports is then a lower bound).
final class EvaluationBudget {
    /// Statement judgements one analysis may spend (evaluations × statements).
    static let statementJudgements = 60_000
    /// Evaluations one analysis may spend, however small the policy.
    static let maximumEvaluations = 1_500

    let limit: Int
    private(set) var evaluations = 0
    private(set) var exhausted = false

    init(statements: Int) {
        limit = max(16, min(Self.maximumEvaluations, Self.statementJudgements / max(1, statements)))
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
