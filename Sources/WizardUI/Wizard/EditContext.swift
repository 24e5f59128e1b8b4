import OIDCWizardCore

/// What the wizard needs when it edits an existing policy (`oidc-wizard edit FILE`) rather than creating one:
/// the editing session (the file, the policy as read, the policy the fields make of it, and both analyses),
/// how to save, and what the save did. The wizard's own state, update and view run unchanged around it; only
/// what is shown (the whole policy, the diff) and what Enter on the write step does differ.
public struct EditContext: Hashable, Sendable {
    public internal(set) var session: EditSession
    public var options: WriteBack.Options
    /// What the save wrote, once it did.
    public internal(set) var saved: WriteBack.Result?
    /// Also write the workflow file from the edited setup (`generate`'s file, into the output directory).
    public internal(set) var writeWorkflow: Bool
    /// The workflow file written, once it was.
    public internal(set) var workflowWritten: String?
    /// The workflow write that waits for the policy save to succeed (a refused save writes nothing).
    var pendingWorkflow: WizardCommand?
    /// Why the template cannot be patched in place with this edit (nil when it can, or the input is no
    /// CloudFormation JSON template). Checked when the write step opens: the policy cannot change there.
    public internal(set) var patchRefusal: String?

    public init(session: EditSession, options: WriteBack.Options = WriteBack.Options(), writeWorkflow: Bool = false) {
        self.session = session
        self.options = options
        self.writeWorkflow = writeWorkflow
        checkPatch()
    }

    /// Whether the save can go into the input itself as an alternative to the side file (a CloudFormation JSON template).
    public var offersPatch: Bool { session.source.kind == .cloudFormationJSON && options.outPath == nil }

    /// Whether the save patches the template (chosen, and offered).
    public var patchesTemplate: Bool { offersPatch && options.patchTemplate }

    /// Finds out whether the edited policy can be patched into the template, and if not, why.
    mutating func checkPatch() {
        guard offersPatch else {
            patchRefusal = nil
            return
        }
        if session.hasChanges, let policy = session.currentPolicy {
            if case .failure(let refusal) = TemplatePatch.patch(session.source, policies: [session.roleIndex: policy]) {
                patchRefusal = refusal.reason
            } else {
                patchRefusal = nil
            }
        } else {
            patchRefusal = TemplatePatch.refusal(for: session.source, roleIndex: session.roleIndex)?.reason
        }
    }

    /// Why the fields are read-only (nil when the GitHub statement fits the wizard's model).
    public var readOnlyReason: String? {
        guard !session.isEditable else { return nil }
        let reasons = session.imported.verbatimReasons.sorted { $0.key < $1.key }
        guard let first = reasons.first else { return "The wizard cannot edit this policy: it has no statement. Its analysis still shows." }
        // The findings still show, so say where their fixes can be made: `fix` edits any statement.
        return "Read-only: the wizard cannot edit statement \(first.key + 1) because \(first.value). Findings and who can get in still show; "
            + "to apply their fixes, run oidc-wizard fix \(ShellQuote.quote(session.source.path)) --repo OWNER/REPO (add --dry-run to see the diff first)."
    }

    /// Where a save writes the policy, in words for the write step ("in place, after a backup FILE.bak").
    public var destination: (path: String, backup: String?) {
        let source = session.source
        if let out = options.outPath { return (out, nil) }
        if source.kind.rewritesInPlace || patchesTemplate {
            return (source.path, options.backup ? WriteBack.backupPath(for: source.path) : nil)
        }
        return (WriteBack.sidecarPath(for: source, roleIndex: session.roleIndex), nil)
    }

    /// The name of what is edited, for headings: the role, or the file.
    public var title: String {
        if let role = session.original.roleName { return "role \(role) in \(session.source.path)" }
        return session.source.path
    }
}

extension WizardState {
    /// The issues shown at a field. When editing, what the policy itself cannot tell comes from the session:
    /// an account the policy leaves to CloudFormation (`${AWS::AccountId}`) is shown as unknown for this role —
    /// a warning while the provider is kept as written, an error once a change needs it — rather than as a
    /// mistyped account id; a partition it leaves open is an error at the region once a change needs it.
    public func fieldIssues(_ id: FieldID) -> [FieldIssue] {
        let derivedIssues = derived.fieldIssues[id] ?? []
        guard let session = edit?.session, session.isEditable else { return derivedIssues }
        func fromSession(_ field: SetupField) -> [FieldIssue] {
            session.after.issues.filter { $0.field == field }
                .map { FieldIssue(entry: nil, rule: $0.rule, severity: $0.severity, isMissing: false) }
        }
        switch id {
        case .accountID where session.accountIsUnknown:
            return fromSession(.accountID)
        case .region:
            let known = Set(derivedIssues.map(\.rule))
            return fromSession(.region).filter { !known.contains($0.rule) } + derivedIssues
        default:
            return derivedIssues
        }
    }
}

/// The save the wizard asks the app to carry out with `WriteBack.save`.
public struct EditSave: Hashable, Sendable {
    public var policy: TrustPolicy
    public var roleIndex: Int
    public var source: EditSource
    public var options: WriteBack.Options

    public init(policy: TrustPolicy, roleIndex: Int, source: EditSource, options: WriteBack.Options) {
        self.policy = policy
        self.roleIndex = roleIndex
        self.source = source
        self.options = options
    }
}
