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
    /// Stop trusting pull_request runs.
    case turnOffPullRequests
    /// Put the cursor in a field where the user decides (e.g. narrow a branch pattern).
    case focus(FieldID)

    /// What Ctrl-G will do, in a few words.
    public var description: String {
        switch self {
        case .askForOwner: "clear the wildcard owner and type the real one"
        case .askForRepository: "go to the repository with the wildcard and type its real name"
        case .turnOffAnyContext: "turn off \"any context\" and trust only the rules you list"
        case .turnOffPullRequests: "stop trusting pull request runs"
        case .focus(let field): "go to \(field.spec.label) to narrow it"
        }
    }

    /// The setup-level fix for `finding`, if one follows from the setup, by the finding's stable rule id: a
    /// wildcard owner or repository, "any context", pull requests, a branch pattern, an unpinned reusable workflow,
    /// a name-only subject, the audience.
    public static func derive(for finding: Finding, state: WizardState) -> SetupFix? {
        guard let setup = state.derived.previewSetup else { return nil }
        // Editing: the fields describe one statement; a finding on a statement kept verbatim is not theirs to fix.
        if let edit = state.edit {
            guard let modelled = edit.session.imported.modelled, finding.statement == modelled.index else { return nil }
        }
        // By the catalog's ids, so a renamed rule is a compile error here, not a fix that silently vanishes.
        switch RuleID(rawValue: finding.rule) {
        case .ownerWildcard, .subjectMatchesAnyone, .openToAnyOwner, .lookalikeName:
            if setup.opensToOtherOwners || finding.rule == RuleID.lookalikeName.rawValue { return .askForOwner }
            return wildcardRepository(state).map { .askForRepository(entry: $0) }
        case .orgWide:
            return wildcardRepository(state).map { .askForRepository(entry: $0) }
        case .anyContext:
            return state.anyContext ? .turnOffAnyContext : nil
        case .pullRequestTrusted:
            return state.pullRequests ? .turnOffPullRequests : nil
        case .branchGlob:
            return .focus(.branches)
        case .reusableWorkflowUnpinned:
            return .focus(.extraClaims)
        case .nameOnlySubject:
            return setup.flavor.supportsImmutableSubjects ? .focus(.ownerID) : nil
        case .audienceWrong, .audienceMissing, .partitionMismatch:
            return .focus(.audience)
        default:
            return nil
        }
    }

    /// The first repository entry whose name (not owner) has a wildcard.
    static func wildcardRepository(_ state: WizardState) -> Int? {
        state.values(.repositories).firstIndex { entry in
            let name = entry.split(separator: "/").last.map(String.init) ?? entry
            return isGlob(name)
        }
    }

    static func isGlob(_ text: String) -> Bool { text.containsCharacter(UInt8(ascii: "*")) || text.containsCharacter(UInt8(ascii: "?")) }
}
