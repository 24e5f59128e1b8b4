/// Every rule the analysis has: its stable id, default severity and kind, a title and a help text.
/// SARIF's rule metadata and the README's rule table are generated from this list, so it is the one
/// place a rule is described.
public struct RuleDescriptor: Hashable, Sendable {
    /// Stable kebab-case id, e.g. `subject-matches-anyone`.
    public var id: String
    /// The severity the rule usually reports; some rules report lower or higher once the evaluator has
    /// measured how far the policy really opens (e.g. `org-wide` is only high when another repo gets in).
    public var severity: Severity
    public var kind: FindingKind
    /// A short noun phrase: "Subject matches every repository".
    public var title: String
    /// Two or three sentences a newcomer understands: what it means and how to fix it.
    public var help: String

    public init(id: String, severity: Severity, kind: FindingKind, title: String, help: String) {
        self.id = id
        self.severity = severity
        self.kind = kind
        self.title = title
        self.help = help
    }
}

public enum RuleCatalog {
    /// Every rule, in the order the README lists them (worst class first).
    public static var all: [RuleDescriptor] { RuleID.allCases.map(\.descriptor) }

    /// The descriptor for a rule id, or nil when no rule has that id.
    public static func descriptor(for id: String) -> RuleDescriptor? {
        RuleID(rawValue: id)?.descriptor
    }
}
