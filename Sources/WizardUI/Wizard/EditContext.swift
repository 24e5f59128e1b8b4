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

    public init(session: EditSession, options: WriteBack.Options = WriteBack.Options()) {
        self.session = session
        self.options = options
    }

    /// Why the fields are read-only (nil when the GitHub statement fits the wizard's model).
    public var readOnlyReason: String? {
        guard !session.isEditable else { return nil }
        let reasons = session.imported.verbatimReasons.sorted { $0.key < $1.key }
        guard let first = reasons.first else { return "The wizard cannot edit this policy: it has no statement. Its analysis still shows." }
        return "Read-only: the wizard cannot edit statement \(first.key + 1) because \(first.value). Findings and who can get in still show."
    }

    /// Where a save writes the policy, in words for the write step ("in place, after a backup FILE.bak").
    public var destination: (path: String, backup: String?) {
        let source = session.source
        if let out = options.outPath { return (out, nil) }
        if source.kind.rewritesInPlace {
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
