/// Which input a validation issue is about — with the index for list entries — so the wizard can mark
/// the field and the command line can name the option.
public enum SetupField: Hashable, Sendable {
    /// The enterprise slug, GHE.com subdomain or Enterprise Server host.
    case flavor
    case repository(Int)
    case branch(Int)
    case tag(Int)
    case environment(Int)
    /// The choice of rules as a whole (e.g. "any context" together with other rules).
    case rules
    case extraClaim(Int)
    case subjectTemplate
    case subjectTemplateValue(Int)
    case accountID
    case region
    case roleName
    case audience
    case sessionDuration
}

/// One problem with what the user typed: the field, the value as typed, and the rule it breaks in one
/// line of newcomer words ("An AWS account id is exactly 12 digits; this has 11.").
public struct SetupIssue: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// Worth knowing; a setup is still produced.
        case warning
        /// Blocks: no setup until it is fixed.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var field: SetupField
    public var value: String
    public var rule: String
    public var severity: Severity

    public init(field: SetupField, value: String, rule: String, severity: Severity = .error) {
        self.field = field
        self.value = value
        self.rule = rule
        self.severity = severity
    }
}

/// The outcome of `SetupDraft.resolve()`: a setup when nothing blocks, and every issue found either way.
public struct SetupResolution: Hashable, Sendable {
    public var setup: Setup?
    public var issues: [SetupIssue]

    public init(setup: Setup?, issues: [SetupIssue]) {
        self.setup = setup
        self.issues = issues
    }

    public var errors: [SetupIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [SetupIssue] { issues.filter { $0.severity == .warning } }

    /// The issues about one field (for marking it in the wizard).
    public func issues(for field: SetupField) -> [SetupIssue] { issues.filter { $0.field == field } }
}
