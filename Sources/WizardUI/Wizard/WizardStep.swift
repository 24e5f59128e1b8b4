/// The wizard's five steps, always listed at the top of the screen. Esc goes back one, Tab past the last
/// field goes on to the next, Ctrl-S jumps to `write`.
public enum WizardStep: Int, CaseIterable, Hashable, Sendable, Comparable {
    case github = 1
    case access
    case aws
    case review
    case write

    /// The short name in the step bar: "GitHub", "Who may assume", …
    public var title: String {
        switch self {
        case .github: "GitHub"
        case .access: "Who may assume"
        case .aws: "AWS"
        case .review: "Review"
        case .write: "Write"
        }
    }

    public var number: Int { rawValue }

    public var next: WizardStep? { WizardStep(rawValue: rawValue + 1) }
    public var previous: WizardStep? { WizardStep(rawValue: rawValue - 1) }

    public static func < (lhs: WizardStep, rhs: WizardStep) -> Bool { lhs.rawValue < rhs.rawValue }
}
