import OIDCWizardCore

/// A fix for a finding, applied to the *setup* — the wizard's policy is generated from the setup, so an edit of the
/// policy text would be overwritten on the next keystroke. Only fixes that need no guess about what the user meant
/// are applied directly; where the right value is the user's to give (the real owner), the fix takes them there.
public enum SetupFix: Hashable, Sendable {
    /// Clear the wildcard owner and put the cursor there for the real one.
    case askForOwner
    /// Select the repository entry with a wildcard, to type the real name.
    case askForRepository(entry: Int)
    /// Turn "any context" off (the rules typed, or the default branch main, apply again).
    case turnOffAnyContext
    /// Put the cursor in a field where the user decides (e.g. narrow a branch pattern).
    case focus(FieldID)

    /// What Ctrl-G will do, in a few words.
    public var description: String {
        switch self {
        case .askForOwner: "clear the wildcard owner and type the real one"
        case .askForRepository: "go to the repository with the wildcard and type its real name"
        case .turnOffAnyContext: "turn off \"any context\" and trust only the rules you list"
        case .focus(let field): "go to \(field.spec.label) to narrow it"
        }
    }

    /// The setup-level fix for `finding`, if one follows from the setup: wildcards in the owner or a repository
    /// name, "any context", or a pattern in a branch, tag or claim that the finding's path points at.
    public static func derive(for finding: Finding, state: WizardState) -> SetupFix? {
        guard let setup = state.derived.setup else { return nil }
        let path = finding.path
        let aboutSubject = path.contains(":sub") || finding.rule.contains("subject") || finding.rule.contains("owner")
        guard finding.severity >= .medium || aboutSubject else { return nil }
        if setup.opensToOtherOwners, aboutSubject || finding.severity == .critical {
            return .askForOwner
        }
        if aboutSubject, let entry = state.values(.repositories).firstIndex(where: { entry in
            let name = entry.split(separator: "/").last.map(String.init) ?? entry
            return name.contains("*") || name.contains("?")
        }) {
            return .askForRepository(entry: entry)
        }
        if state.anyContext, aboutSubject { return .turnOffAnyContext }
        if aboutSubject {
            if state.values(.branches).contains(where: Self.isGlob) { return .focus(.branches) }
            if state.values(.tags).contains(where: Self.isGlob) { return .focus(.tags) }
        }
        if !aboutSubject, state.values(.extraClaims).contains(where: Self.isGlob), path.contains("Condition") {
            return .focus(.extraClaims)
        }
        return nil
    }

    static func isGlob(_ text: String) -> Bool { text.contains("*") || text.contains("?") }
}
