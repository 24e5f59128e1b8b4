/// One row of the "who can get in" table: a concrete workflow run (or an attacker's), the token it would
/// present, what the user expects IAM to decide, and what the exact evaluator decides.
///
/// The table is what a newcomer learns from — "push to main in acme/app: allowed; push to main in
/// evil/app: denied" — so every row is judged by `PolicyEvaluator`, the same code the rules use.
public struct Scenario: Sendable {
    /// Whose run this is.
    public enum Actor: String, Hashable, Sendable {
        /// A run the user meant to let in: it should be allowed.
        case intended
        /// A run the user did not mean to let in (another owner, an unlisted branch, …): it should be denied.
        case attacker
    }

    /// The run in plain words, e.g. "push to main in acme/app".
    public var title: String
    /// Why this run is an attack, in plain words ("another owner with the same repository name"); nil
    /// for intended runs.
    public var attack: String?
    public var actor: Actor
    /// The request as IAM sees it: the provider, the action and the token's IAM-visible claims.
    public var request: AssumeRequest
    /// The `sub` the run's token carries.
    public var subject: String
    /// What the exact evaluator decided, without the words: computed with the table.
    public var ruling: Ruling
    /// What the exact evaluator decided, with its reason and every statement's verdict. Worded on first
    /// use and kept: the table is rebuilt on every keystroke, and most of its reasons are never read.
    public var decision: Decision {
        get { judgement.decision }
        set {
            judgement = Judgement(decided: newValue)
            ruling = newValue.ruling
        }
    }
    private var judgement: Judgement

    public init(title: String, attack: String?, actor: Actor, request: AssumeRequest, subject: String, decision: Decision) {
        self.title = title
        self.attack = attack
        self.actor = actor
        self.request = request
        self.subject = subject
        ruling = decision.ruling
        judgement = Judgement(decided: decision)
    }

    /// A row whose reason is worded only when someone asks for `decision`.
    init(title: String, attack: String?, actor: Actor, request: AssumeRequest, subject: String,
         ruling: Ruling, policy: CompiledPolicy) {
        self.title = title
        self.attack = attack
        self.actor = actor
        self.request = request
        self.subject = subject
        self.ruling = ruling
        judgement = Judgement(policy: policy, request: request, ruling: ruling)
    }

    /// The evaluator's reason for its decision, in plain words.
    public var reason: String { judgement.reason }

    /// The reason in a few words, for a table row: "statement 1: sub matches none of its 10 values".
    public var briefReason: String { judgement.briefReason }

    /// What the user expects: intended runs get in, attackers do not.
    public var expectsAllowed: Bool { actor == .intended }

    /// The outcome the user should see: an intended run that is denied (the role is broken for it), or
    /// an attacker's run that is allowed (the role is open to it).
    public var isSurprise: Bool { ruling.isAllowed != expectsAllowed }

    /// "allowed" or "denied".
    public var outcomeWord: String { ruling.isAllowed ? "allowed" : "denied" }

    /// The run with its attack in brackets: "push to main in evil/app (another owner, same repository name)".
    public var label: String {
        guard let attack else { return title }
        return "\(title) (\(attack))"
    }

    /// One line of the table: "push to main in acme/app: allowed".
    public var line: String { "\(label): \(outcomeWord)" }
}

extension Scenario: Hashable {
    /// Rows are equal when they say the same: the same run, the same request and the same decision
    /// (worded, so a lazily worded row equals an eagerly worded one with the same reason).
    public static func == (lhs: Scenario, rhs: Scenario) -> Bool {
        lhs.title == rhs.title && lhs.attack == rhs.attack && lhs.actor == rhs.actor && lhs.request == rhs.request
            && lhs.subject == rhs.subject && lhs.ruling == rhs.ruling && lhs.decision == rhs.decision
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(attack)
        hasher.combine(actor)
        hasher.combine(request)
        hasher.combine(subject)
        hasher.combine(ruling)
    }
}
