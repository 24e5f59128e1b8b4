/// One policy being edited: where it came from, what the wizard's fields made of it, and — for the
/// draft as it is now — the policy to save, its findings and scenarios, and how both differ from before.
///
/// A value type: the TUI keeps one in its state and replaces `draft` on every keystroke; `fix` and the
/// tests use it the same way. Unchanged draft ⇒ `currentPolicy` is the original policy itself (nothing is
/// regenerated), so opening and saving without a change can never alter a policy.
public struct EditSession: Hashable, Sendable {
    /// The file and the policy in it that is being edited.
    public var source: EditSource
    public var roleIndex: Int
    public let imported: PolicyImport
    /// The wizard's fields. Setting it recomputes `after`.
    public var draft: SetupDraft {
        didSet { if draft != oldValue { after = review(of: draft) } }
    }
    /// The policy as read.
    public let before: PolicyReview
    /// The policy as the draft makes it, and the draft's issues (warnings too when nothing changed).
    public private(set) var after: PolicyReview

    /// Opens role `roleIndex` of `source`. `region` pre-fills the draft (a trust policy names none); `accountID`,
    /// when given, replaces the account the policy names (or leaves to CloudFormation), as if typed in step 3.
    public init(source: EditSource, roleIndex: Int = 0, region: String = "", accountID: String = "") {
        self.source = source
        self.roleIndex = roleIndex
        let original = source.policies[roleIndex]
        imported = PolicyImport(policy: original.policy, roleName: original.roleName, region: region)
        before = PolicyReview(policy: original.policy, notes: original.notes, issues: [])
        after = before
        draft = imported.modelled?.draft ?? SetupDraft(region: region, roleName: original.roleName ?? "")
        // Unchanged, the policy is the original; the issues still say what the fields cannot know (an account
        // the policy leaves to CloudFormation), so the wizard can show it at the field from the start.
        after.issues = imported.modelled?.resolution(of: draft).issues ?? []
        if !accountID.isEmpty, imported.modelled != nil, draft.accountID != accountID {
            // Observers do not run in an initializer: the edited review is made here.
            draft.accountID = accountID
            after = review(of: draft)
        }
    }

    /// The policy as read, with its reader notes.
    public var original: PolicySource { source.policies[roleIndex] }

    /// Whether the wizard could take the policy apart (if not, everything is shown read-only).
    public var isEditable: Bool { imported.modelled != nil }

    /// The policy to save: the original when nothing changed; nil when the draft has errors (among them an
    /// account or partition the policy does not name, when the provider must be written anew).
    public var currentPolicy: TrustPolicy? { after.policy }

    /// Whether the account field still holds what the policy says and that is not a real account id
    /// (`${AWS::AccountId}`): what the fields can say about the account comes from the session then.
    public var accountIsUnknown: Bool {
        guard let modelled = imported.modelled else { return false }
        return !modelled.knowsAccount && draft.accountID == modelled.draft.accountID
    }

    /// Whether saving would change the policy.
    public var hasChanges: Bool { after.policy != nil && after.policy != before.policy }

    /// The line diff of the policy JSON (empty when unchanged or invalid).
    public var policyDiff: PolicyDiff {
        PolicyDiff(before: before.policy?.jsonText ?? "", after: (after.policy ?? before.policy)?.jsonText ?? "")
    }

    /// The runs whose decision the edit changes.
    public var scenarioDiff: ScenarioDiff? {
        guard let old = before.policy, let new = after.policy else { return nil }
        return ScenarioDiff(before: old, after: new)
    }

    private func review(of draft: SetupDraft) -> PolicyReview {
        guard let modelled = imported.modelled else { return before }
        let resolution = modelled.resolution(of: draft)
        if draft == modelled.draft {
            var unchanged = before
            unchanged.issues = resolution.issues
            return unchanged
        }
        guard let statement = modelled.regenerate(draft) else {
            return PolicyReview(policy: nil, notes: [], issues: resolution.issues)
        }
        let policy = imported.splicing(statement)
        // Analyse what will be written, read back as IAM reads it (no duplicate keys survive a rewrite).
        let notes = (try? PolicyReader.read(policy.jsonValue).notes) ?? []
        return PolicyReview(policy: policy, notes: notes, issues: resolution.issues)
    }
}

/// A policy with what the analysis and the scenario table say about it.
public struct PolicyReview: Hashable, Sendable {
    /// Nil when the wizard's fields do not describe a valid setup (`issues` says why).
    public var policy: TrustPolicy?
    public var notes: [ReaderNote]
    /// The draft's validation issues (errors block a save).
    public var issues: [SetupIssue]
    public var findings: [Finding]
    public var scenarios: [Scenario]

    public init(policy: TrustPolicy?, notes: [ReaderNote], issues: [SetupIssue]) {
        self.policy = policy
        self.notes = notes
        self.issues = issues
        if let policy {
            findings = PolicyAnalyzer.analyze(policy, context: AnalysisContext(readerNotes: notes))
            scenarios = ScenarioBuilder.scenarios(for: policy, intent: nil)
        } else {
            findings = []
            scenarios = []
        }
    }

    /// The worst finding's severity, if any.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}
