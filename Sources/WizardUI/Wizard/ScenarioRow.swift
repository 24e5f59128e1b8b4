import OIDCWizardCore

/// One row of the "who can get in" table as the wizard shows it: a run in plain words, whether the user
/// meant it to get in, and what the exact IAM evaluator decided (with its reason). A projection of the
/// analysis' `Scenario`, so the view depends only on what it draws.
public struct ScenarioRow: Hashable, Sendable {
    public enum Actor: Hashable, Sendable { case intended, attacker }

    /// "push to main in acme/app (another owner, same name)".
    public var label: String
    public var actor: Actor
    public var allowed: Bool
    /// The evaluator's reason for its decision. Worded on first read: the table is rebuilt on every
    /// keystroke, and the reasons of rows that are not on screen (or not shown, like an intended run
    /// that gets in) are never read.
    public var reason: String {
        switch source {
        case .text(let text): text
        case .scenario(let scenario): scenario.reason
        }
    }

    private enum ReasonSource: Sendable {
        case text(String)
        /// The core's row, which words its decision once, when first asked.
        case scenario(Scenario)
    }

    private var source: ReasonSource

    public init(label: String, actor: Actor, allowed: Bool, reason: String) {
        self.label = label
        self.actor = actor
        self.allowed = allowed
        source = .text(reason)
    }

    /// The row for one of the core's scenarios; its reason is worded only if it is read.
    public init(_ scenario: Scenario) {
        label = scenario.label
        actor = scenario.actor == .intended ? .intended : .attacker
        allowed = scenario.ruling.isAllowed
        source = .scenario(scenario)
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
