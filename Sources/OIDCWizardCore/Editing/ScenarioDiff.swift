/// How an edit changes the "who can get in" table: every run of the table before AND after the edit is
/// asked of both policies, and the rows whose decision differs are listed.
///
/// Both tables are used because an edit changes the table itself (adding a branch adds an intended
/// row); a row present only on one side is still judged by both policies, so nothing is compared by title.
public struct ScenarioDiff: Hashable, Sendable {
    /// One run whose decision changed.
    public struct Change: Hashable, Sendable {
        /// The run as the table shows it, e.g. "push to main in evil/app (another owner, same repository name)".
        public var label: String
        public var actor: Scenario.Actor
        public var subject: String
        public var before: Decision
        public var after: Decision

        /// "push to main in acme/app: denied → allowed".
        public var line: String {
            "\(label): \(before.isAllowed ? "allowed" : "denied") → \(after.isAllowed ? "allowed" : "denied")"
        }
    }

    /// Every run asked, with both decisions, in table order (before's rows first, then rows only after has).
    public var rows: [Change]

    /// The runs whose decision changed.
    public var changes: [Change] { rows.filter { $0.before.isAllowed != $0.after.isAllowed } }

    public init(before: TrustPolicy, after: TrustPolicy, intentBefore: PolicyIntent? = nil, intentAfter: PolicyIntent? = nil) {
        var seen: Set<AssumeRequest> = []
        var rows: [Change] = []
        let tables = ScenarioBuilder.scenarios(for: before, intent: intentBefore)
            + ScenarioBuilder.scenarios(for: after, intent: intentAfter)
        for scenario in tables where seen.insert(scenario.request).inserted {
            rows.append(Change(label: scenario.label, actor: scenario.actor, subject: scenario.subject,
                               before: PolicyEvaluator.evaluate(before, scenario.request),
                               after: PolicyEvaluator.evaluate(after, scenario.request)))
        }
        self.rows = rows
    }

    /// The changed rows as text, one per line; empty when no decision changed.
    public var text: String { changes.map { "\($0.line)\n" }.joined() }
}
