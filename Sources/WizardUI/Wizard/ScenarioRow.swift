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
    /// The evaluator's reason for its decision.
    public var reason: String

    public init(label: String, actor: Actor, allowed: Bool, reason: String) {
        self.label = label
        self.actor = actor
        self.allowed = allowed
        self.reason = reason
    }

    /// An intended run that is denied (the role is broken for it) or an attacker's run that is allowed
    /// (the role is open to it): the rows a reader must not miss.
    public var isSurprise: Bool { allowed != (actor == .intended) }
}
