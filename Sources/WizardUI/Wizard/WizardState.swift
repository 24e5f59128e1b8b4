import OIDCWizardCore

/// The three live panels: the trust policy, its findings, and the "who can get in" table.
public enum PanelTab: Int, CaseIterable, Hashable, Sendable {
    case policy, findings, scenarios

    public var title: String {
        switch self {
        case .policy: "Policy"
        case .findings: "Findings"
        case .scenarios: "Who can get in"
        }
    }

    /// F2, F3, F4.
    public var functionKey: Int { rawValue + 2 }
}

/// A question the wizard asks before doing something that cannot be undone or that opens a hole.
public enum WizardDialog: Hashable, Sendable {
    /// Quit although nothing was written?
    case confirmQuit
    /// Write a policy with a critical risk? Names each risk.
    case confirmRisk([String])
    /// Replace files that exist already? Names each file.
    case confirmReplace([String])
}

/// A line under the form: what just happened or what to do.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error }
    public var kind: Kind
    public var text: String
}

/// What the wizard wrote, for the summary and for the command line to print after the screen closes.
public struct WrittenFiles: Hashable, Sendable {
    public var paths: [String]
    public var setup: Setup
    public var policyPath: String
}

/// The whole state of the wizard: the setup being edited (as field contents), where the user is, what is open,
/// and everything derived from it. `update` changes it; `WizardView` draws it.
public struct WizardState: Sendable {
    public internal(set) var step: WizardStep = .github
    public internal(set) var focus: FieldID = .owner
    var lastFocus: [WizardStep: FieldID] = [:]
    var texts: [FieldID: TextFieldState] = [:]
    var lists: [FieldID: ListEditor] = [:]
    public internal(set) var flavorKind: SetupDraft.FlavorKind
    public internal(set) var pullRequests: Bool
    public internal(set) var anyContext: Bool
    public internal(set) var panel: PanelTab = .policy
    var panelScroll: [PanelTab: ScrollState] = [:]
    var reviewScroll = ScrollState()
    /// The finding shown expanded (why and fix), by index into `derived.findings`.
    public internal(set) var selectedFinding: Int?
    public internal(set) var help: HelpOverlay?
    public internal(set) var dialog: WizardDialog?
    /// Which region suggestion Enter takes.
    public internal(set) var regionChoice = 0
    /// Planned files that exist in the output directory (relative paths); nil until checked.
    public internal(set) var existingFiles: [String]?
    public internal(set) var written: WrittenFiles?
    public internal(set) var status: StatusMessage?
    public internal(set) var size = Size(width: 80, height: 24)
    public internal(set) var derived: WizardDerived
    /// Set when editing an existing policy (`oidc-wizard edit`).
    public internal(set) var edit: EditContext?
    /// The most rows the form has needed since the focus last moved (see `settleForm`).
    var formRowsHold: FormRowsHold?
    /// The form's first visible row after the last key, so the next scroll moves as little as possible.
    var formScroll = 0

    /// Starts pre-filled from a draft (the command line's options) and an output directory. With no rule at all,
    /// the branch `main` is filled in — the same default `generate` uses, but visible and editable.
    public init(draft: SetupDraft = SetupDraft(), outputDirectory: String = ".") {
        self.init(draft: draft, outputDirectory: outputDirectory, defaultBranch: true)
    }

    /// Starts on the review step of an existing policy, the fields filled from what it allows. No default
    /// branch is added: the fields must describe the policy exactly as it is.
    public init(edit: EditContext) {
        self.init(draft: edit.session.draft, outputDirectory: ".", defaultBranch: false)
        self.edit = edit
        step = .review
        status = edit.readOnlyReason.map { StatusMessage(kind: .info, text: $0) }
        recompute(force: true)
    }

    init(draft: SetupDraft, outputDirectory: String, defaultBranch: Bool) {
        flavorKind = draft.flavorKind
        pullRequests = draft.pullRequests
        anyContext = draft.anyContext
        let repos = Self.splitRepositories(draft.repositories)
        let noRules = defaultBranch && draft.branches.isEmpty && draft.tags.isEmpty && draft.environments.isEmpty && !draft.pullRequests && !draft.anyContext
        let textValues: [FieldID: String] = [
            .owner: repos.owner, .ownerID: repos.ownerID, .repositoryIDs: repos.repositoryIDs,
            .flavorName: draft.flavorName, .subjectTemplate: draft.subjectTemplate, .accountID: draft.accountID,
            .region: draft.region, .audience: draft.audience, .roleName: draft.roleName,
            .sessionDuration: draft.sessionDuration, .outputDirectory: outputDirectory == "." ? "" : outputDirectory,
        ]
        for (id, value) in textValues { texts[id] = TextFieldState(value) }
        let listValues: [FieldID: [String]] = [
            .repositories: repos.entries, .branches: noRules ? [SetupDraft.defaultBranch] : draft.branches,
            .tags: draft.tags, .environments: draft.environments, .extraClaims: draft.extraClaims,
            .subjectTemplateValues: draft.subjectTemplateValues,
        ]
        for (id, value) in listValues { lists[id] = ListEditor(value) }
        derived = WizardDerived(draft: draft, outputDirectory: ".", owner: "", repositoryEntries: [], ownerID: "", repositoryIDs: [])
        recompute(force: true)
    }

    // MARK: Reading fields

    public func text(_ id: FieldID) -> String { texts[id]?.text ?? "" }
    public func textField(_ id: FieldID) -> TextFieldState? { texts[id] }
    public func list(_ id: FieldID) -> ListEditor? { lists[id] }
    public func values(_ id: FieldID) -> [String] { lists[id]?.values ?? [] }

    /// What the write step writes into the output directory: `generate`'s files; when editing, only the
    /// workflow file (the policy is saved where it came from).
    public var outputPlan: OutputPlan? {
        guard let plan = derived.plan else { return nil }
        guard edit != nil else { return plan }
        return OutputPlan(files: plan.files.filter { $0.relativePath == GeneratedFiles.workflowPath })
    }

    /// The output directory as written to (empty means the current directory).
    public var outputDirectory: String { text(.outputDirectory).isEmpty ? "." : text(.outputDirectory) }

    /// The repository ids as typed, in repository order.
    var repositoryIDs: [String] {
        let raw = text(.repositoryIDs)
        guard !raw.isEmpty else { return [] }
        return raw.split(separator: ",", omittingEmptySubsequences: false).map { $0.strippingSpaces() }
    }

    /// Whether a field is shown (the enterprise name only for flavours that need one).
    public func isVisible(_ id: FieldID) -> Bool {
        switch id {
        case .flavorName: flavorKind != .githubDotCom
        // An edit saves where the policy came from; the directory is only for the workflow file.
        case .outputDirectory: edit.map(\.writeWorkflow) ?? true
        case .saveTarget: edit?.offersPatch == true
        case .writeWorkflow: edit != nil
        default: true
        }
    }

    public func visibleFields(of step: WizardStep) -> [FieldID] {
        FieldSpec.fields(of: step).filter(isVisible)
    }

    /// The draft the fields describe. Each repository entry is `name` (joined with the owner field and the ids)
    /// or `other-owner/name` (taken as written).
    public var draft: SetupDraft {
        let owner = text(.owner)
        let ownerID = text(.ownerID)
        let ids = repositoryIDs
        var repositories: [String] = []
        for (index, entry) in values(.repositories).enumerated() {
            if entry.containsCharacter(UInt8(ascii: "/")) {  // not `contains("/")`: Foundation would answer it
                repositories.append(entry)
                continue
            }
            var ownerPart = owner
            if !ownerID.isEmpty { ownerPart += "@" + ownerID }
            var namePart = entry
            if index < ids.count, !ids[index].isEmpty { namePart += "@" + ids[index] }
            repositories.append(ownerPart + "/" + namePart)
        }
        return SetupDraft(
            flavorKind: flavorKind, flavorName: text(.flavorName), repositories: repositories,
            branches: values(.branches), tags: values(.tags), environments: values(.environments),
            pullRequests: pullRequests, anyContext: anyContext, extraClaims: values(.extraClaims),
            subjectTemplate: text(.subjectTemplate), subjectTemplateValues: values(.subjectTemplateValues),
            audience: text(.audience), region: text(.region), accountID: text(.accountID),
            roleName: text(.roleName), sessionDuration: text(.sessionDuration))
    }

    /// Recomputes everything derived, once, when what was typed changed.
    mutating func recompute(force: Bool = false) {
        let draft = self.draft
        let needsFiles = step >= .review
        let filesMissing = needsFiles && !derived.hasFiles && derived.setup != nil
        guard force || filesMissing || draft != derived.draft || outputDirectory != derived.outputDirectory else { return }
        let previous = derived
        derived = WizardDerived(draft: draft, outputDirectory: outputDirectory, owner: text(.owner),
                                repositoryEntries: values(.repositories), ownerID: text(.ownerID), repositoryIDs: repositoryIDs,
                                previous: previous, includeFiles: needsFiles)
        ReleaseElsewhere.release(consume previous)
        if let selected = selectedFinding, selected >= derived.findings.count {
            selectedFinding = derived.findings.isEmpty ? nil : derived.findings.count - 1
        }
        regionChoice = min(regionChoice, max(0, derived.regionSuggestions.count - 1))
        if var edit {
            // The session regenerates only the statement it models and analyses the whole policy.
            if edit.session.isEditable { edit.session.draft = draft }
            self.edit = edit
            derived.adopt(edit.session.after, verbatim: edit.session.imported.verbatimIndices)
        }
    }

    /// `owner/repo` strings split into the owner field, its id, the entries and their ids. Entries of other owners
    /// (or that do not parse) are kept whole, as `other/repo`.
    static func splitRepositories(_ raw: [String]) -> (owner: String, ownerID: String, entries: [String], repositoryIDs: String) {
        func parse(_ text: String) -> (owner: String, ownerID: String, name: String, id: String)? {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            func at(_ part: Substring) -> (String, String) {
                guard let index = part.firstIndex(of: "@") else { return (String(part), "") }
                return (String(part[..<index]), String(part[part.index(after: index)...]))
            }
            let (owner, ownerID) = at(parts[0])
            let (name, id) = at(parts[1])
            return (owner, ownerID, name, id)
        }
        guard let first = raw.lazy.compactMap(parse).first else { return ("", "", raw, "") }
        var entries: [String] = []
        var ids: [String] = []
        for text in raw {
            if let parsed = parse(text), parsed.owner == first.owner, parsed.ownerID == first.ownerID {
                entries.append(parsed.name)
                ids.append(parsed.id)
            } else {
                entries.append(text)
                ids.append("")
            }
        }
        let idText = ids.allSatisfy(\.isEmpty) ? "" : ids.joined(separator: ", ")
        return (first.owner, first.ownerID, entries, idText)
    }
}
