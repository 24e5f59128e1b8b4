import OIDCWizardCore

/// One row of the "who can get in" table as the wizard shows it: a run in plain words, whether the user
/// meant it to get in, and what the exact IAM evaluator decided (with its reason). A projection of the
/// analysis' `Scenario`, so the view depends only on what it draws.
public struct ScenarioRow: Hashable, Sendable {
    public enum Actor: Hashable, Sendable { case intended, attacker }

    /// "push to main in acme/app (another owner, same name)". Worded with the row (on the second core), not
    /// on every frame that draws it.
    public let label: String
    public var actor: Actor { scenario.actor == .intended ? .intended : .attacker }
    public var allowed: Bool { scenario.ruling.isAllowed }
    /// The evaluator's reason for its decision. Worded on first read: the table is rebuilt on every
    /// keystroke, and the reasons of rows that are not on screen (or not shown, like an intended run
    /// that gets in) are never read.
    public var reason: String { scenario.reason }
    /// The reason in a few words, as the live table shows it beside the row (the review page gives `reason`).
    public var briefReason: String { scenario.briefReason }

    /// The core's row, which words its decision once, when first asked.
    private let scenario: Scenario

    /// The row for one of the core's scenarios; its reason is worded only if it is read.
    public init(_ scenario: Scenario) {
        self.scenario = scenario
        label = scenario.label
    }

    /// An intended run that is denied (the role is broken for it) or an attacker's run that is allowed
    /// (the role is open to it): the rows a reader must not miss.
    public var isSurprise: Bool { allowed != (actor == .intended) }

    /// Rows are equal when they say the same, however their reasons were worded.
    public static func == (lhs: ScenarioRow, rhs: ScenarioRow) -> Bool {
        lhs.label == rhs.label && lhs.actor == rhs.actor && lhs.allowed == rhs.allowed && lhs.reason == rhs.reason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(label)
        hasher.combine(actor)
        hasher.combine(allowed)
    }
}
