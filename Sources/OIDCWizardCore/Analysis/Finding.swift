/// How bad a finding is. Ordered: `critical > high > medium > low > info`.
public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    /// Any GitHub user anywhere can assume the role.
    case critical
    /// Far more workflows than intended, or abusable by anyone who can push a branch; also every `broken` finding.
    case high
    /// Broader than needed, or fragile.
    case medium
    case low
    /// Nothing wrong: something worth knowing.
    case info

    /// The word the user sees: CRITICAL, HIGH, MEDIUM, LOW, INFO.
    public var label: String { rawValue.uppercased() }

    private var rank: Int {
        switch self {
        case .critical: 4
        case .high: 3
        case .medium: 2
        case .low: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What kind of problem a finding is about.
public enum FindingKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// The policy lets in more than it should.
    case security
    /// The role can never be assumed as meant, or AWS will refuse the policy. Always at least `high`.
    case broken
    /// Works and is not open, but invites mistakes.
    case hygiene
}

/// One thing the analysis has to say about a policy: where, what, why it matters, and how to fix it.
public struct Finding: Hashable, Sendable {
    /// Stable rule id (kebab-case), e.g. `subject-matches-anyone`. Scripts and SARIF depend on it.
    public var rule: String
    public var severity: Severity
    public var kind: FindingKind
    /// Zero-based index of the statement concerned, or nil when the finding is about the whole policy.
    public var statement: Int?
    /// JSON path of the offending part, e.g. `$.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"][1]`.
    public var path: String
    /// One line: what is wrong.
    public var message: String
    /// Why it matters, in words a newcomer understands.
    public var why: String
    /// What to do, concretely (with the corrected value where one can be derived).
    public var fix: String
    /// An edit that applies the fix, where it can be derived without guessing the user's intent.
    public var autofix: PolicyFix?

    public init(rule: String, severity: Severity, kind: FindingKind, statement: Int?, path: String,
                message: String, why: String, fix: String, autofix: PolicyFix? = nil) {
        self.rule = rule
        self.severity = kind == .broken ? max(severity, .high) : severity
        self.kind = kind
        self.statement = statement
        self.path = path
        self.message = message
        self.why = why
        self.fix = fix
        self.autofix = autofix
    }
}
