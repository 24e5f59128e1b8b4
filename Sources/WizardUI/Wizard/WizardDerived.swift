import OIDCWizardCore

/// A problem shown at a field: the rule it breaks (the setup model's own words) and, for list fields, which entry.
public struct FieldIssue: Hashable, Sendable {
    /// The entry of a list field (index into its values), or nil for the field as a whole.
    public var entry: Int?
    public var rule: String
    public var severity: SetupIssue.Severity
    /// The value is still empty: shown as a quiet hint, not as an error, until the user gets there.
    public var isMissing: Bool
}

/// Everything the screen shows that follows from what was typed: the resolved setup, the policy, its findings
/// and scenarios, the next steps, the files to write, and the issues per field. Recomputed once per change, in
/// `update`, never in `render`.
public struct WizardDerived: Sendable {
    public private(set) var draft: SetupDraft
    public private(set) var outputDirectory: String
    public private(set) var resolution: SetupResolution
    public private(set) var policy: TrustPolicy?
    public private(set) var preview: PolicyPreview
    /// Most severe first.
    public private(set) var findings: [Finding]
    public private(set) var scenarios: [ScenarioRow]
    public private(set) var nextSteps: [NextStep]
    public private(set) var plan: OutputPlan?
    /// The trust policy's path as the AWS CLI commands name it.
    public private(set) var policyPath: String
    public private(set) var fieldIssues: [FieldID: [FieldIssue]]
    /// Regions starting with (then containing) what is typed in the region field.
    public private(set) var regionSuggestions: [String]

    /// The setup to write: nil until every field is valid.
    public var setup: Setup? { resolution.setup }

    /// The setup the preview, the findings and the table are computed from. Before step 3 is filled in, it is
    /// `setup` with placeholder AWS values (see `placeholders`), so a newcomer sees the policy, its warnings and
    /// who can get in from the first repository on; writing still waits for `setup`.
    public private(set) var previewSetup: Setup?

    /// The AWS fields standing in for what is not typed yet, as "account id 111122223333", in field order.
    public private(set) var placeholders: [String]

    /// Whether the files to write and the next steps were built (see `includeFiles`).
    public var hasFiles: Bool { plan != nil }

    /// The worst finding's severity, if any.
    public var worstSeverity: Severity? { findings.first?.severity }

    /// What the analysis was last run on: a keystroke that leaves the policy and the intent as they were (a role
    /// name, the output directory, a field that is still invalid) reuses its findings and scenarios.
    private var analyzed: (policy: TrustPolicy, intent: PolicyIntent)?

    public init(draft: SetupDraft, outputDirectory: String, owner: String, repositoryEntries: [String], ownerID: String,
                repositoryIDs: [String], previous: WizardDerived? = nil, includeFiles: Bool = true) {
        self.draft = draft
        self.outputDirectory = outputDirectory
        resolution = draft.resolve()
        let writer = AtomicFileWriter(directory: outputDirectory.isEmpty ? "." : outputDirectory)
        policyPath = writer.path(of: OutputFile(relativePath: GeneratedFiles.trustPolicyPath, contents: ""))
        (previewSetup, placeholders) = Self.previewSetup(draft: draft, resolution: resolution)
        if let setup = previewSetup {
            let (policy, intent) = TrustPolicyGenerator.policyAndIntent(for: setup)
            self.policy = policy
            if let previous, let last = previous.analyzed, last.policy == policy, last.intent == intent {
                findings = previous.findings
                scenarios = previous.scenarios
                preview = previous.preview
            } else {
                // The findings and the preview's layout on this core, the table on the second: they are independent.
                // The table is the shorter half, so the thread that has to wake up (tens of microseconds, more when
                // its CPU was parked) gets it, and the caller runs it too if that thread has not started it in time.
                let compiled = CompiledPolicy(policy)
                let ((analysis, layout), table) = BothAtOnce.run(
                    {
                        let json = policy.jsonValue  // built once, for the preview and the size quota
                        return (WizardAnalysis.findings(for: compiled, intent: intent, policyJSON: json), PolicyPreview(policyJSON: json))
                    },
                    {
                        let table = WizardAnalysis.scenarios(for: compiled, intent: intent)
                        // The reasons the live table shows (denied or surprising runs) are worded here, in parallel
                        // with the analysis, instead of while the frame is drawn. Each row keeps its words.
                        for row in table where !row.allowed || row.isSurprise { _ = row.briefReason }
                        return table
                    })
                // Most severe first, as `PolicyAnalyzer` returns them (severity is its first sort key).
                findings = analysis
                scenarios = table
                preview = layout
                preview.mark(findings)
            }
            analyzed = (policy, intent)
            // The files (the workflow above all) cost more than the rest together; they are built only once the
            // user is on the review or write step, where they are shown and written.
            // Placeholder values are never written or turned into commands to run.
            let real = resolution.setup
            nextSteps = includeFiles && real != nil ? NextSteps.steps(for: setup, policyPath: policyPath) : []
            plan = includeFiles && real != nil ? GeneratedFiles.plan(for: setup) : nil
        } else {
            policy = nil
            findings = []
            scenarios = []
            preview = PolicyPreview()
            nextSteps = []
            plan = nil
        }
        fieldIssues = Self.issues(resolution: resolution, owner: owner, repositoryEntries: repositoryEntries,
                                  ownerID: ownerID, repositoryIDs: repositoryIDs)
        regionSuggestions = Self.suggestions(for: draft.region)
    }

    /// Stand-ins for AWS fields that are empty or not valid yet (AWS's own documentation account id, a common
    /// region, a descriptive role name), for the preview only. A field the user typed into keeps its value and
    /// its error: the stand-in is never written or turned into a command.
    static var placeholderValues: [(field: SetupField, label: String, value: String, keyPath: WritableKeyPath<SetupDraft, String>)] {
        [(.accountID, "account id", "111122223333", \.accountID),
         (.region, "region", "us-east-1", \.region),
         (.roleName, "role name", "github-actions", \.roleName)]
    }

    static func previewSetup(draft: SetupDraft, resolution: SetupResolution) -> (Setup?, [String]) {
        if let setup = resolution.setup { return (setup, []) }
        // Only when nothing but AWS fields blocks the setup: empty ones, or ones still being typed (an account id of
        // four digits). The field keeps its value and shows its error; the preview stands in for it, so the policy,
        // the findings and the table do not vanish while a number is half typed.
        let blocking = resolution.errors
        let blocked = Set(blocking.map(\.field))
        let fillable = Set(placeholderValues.filter { draft[keyPath: $0.keyPath].isEmpty || blocked.contains($0.field) }.map(\.field))
        guard !blocking.isEmpty, blocking.allSatisfy({ fillable.contains($0.field) }) else { return (nil, []) }
        var filled = draft
        var used: [String] = []
        for placeholder in placeholderValues where fillable.contains(placeholder.field) {
            let typed = !draft[keyPath: placeholder.keyPath].isEmpty
            filled[keyPath: placeholder.keyPath] = placeholder.value
            used.append("\(placeholder.label) \(placeholder.value)" + (typed ? " (until yours is valid)" : ""))
        }
        guard let setup = filled.resolve().setup else { return (nil, []) }
        return (setup, used)
    }

    /// Distributes the resolution's issues over the fields that caused them. The owner, which the setup model
    /// sees only inside each `owner/repo`, is checked with the model's own owner rule and shown once, at the owner.
    static func issues(resolution: SetupResolution, owner: String, repositoryEntries: [String], ownerID: String,
                       repositoryIDs: [String]) -> [FieldID: [FieldIssue]] {
        var result: [FieldID: [FieldIssue]] = [:]
        func add(_ field: FieldID, _ entry: Int?, _ rule: String, _ severity: SetupIssue.Severity, missing: Bool) {
            result[field, default: []].append(FieldIssue(entry: entry, rule: rule, severity: severity, isMissing: missing))
        }
        var ownerRules: Set<String> = []
        if !owner.isEmpty || repositoryEntries.contains(where: { !$0.containsCharacter(UInt8(ascii: "/")) }) {
            for violation in NameRules.owner(owner) {
                ownerRules.insert(violation.rule)
                add(.owner, nil, violation.rule, violation.severity, missing: owner.isEmpty)
            }
        }
        if !ownerID.isEmpty {
            for violation in NameRules.numericID(ownerID, what: "owner") { add(.ownerID, nil, violation.rule, violation.severity, missing: false) }
        }
        for id in repositoryIDs where !id.isEmpty {
            for violation in NameRules.numericID(id, what: "repository") { add(.repositoryIDs, nil, violation.rule, violation.severity, missing: false) }
        }
        for issue in resolution.issues {
            let missing = issue.value.isEmpty
            switch issue.field {
            case .flavor: add(.flavorName, nil, issue.rule, issue.severity, missing: missing)
            case .repository where issue.rule == SetupDraft.bothIDsRule && (ownerID.isEmpty != repositoryIDs.allSatisfy(\.isEmpty)):
                // The form asks for the ids in fields of their own: say it at the one still empty, in its words, and
                // quietly while the user is still on the way there.
                if ownerID.isEmpty {
                    add(.ownerID, nil, "Give the owner id as well, or clear the repository ids: an immutable subject has both ids.", issue.severity, missing: true)
                } else {
                    add(.repositoryIDs, nil, "Give the repository id as well, or clear the owner id: an immutable subject has both ids.", issue.severity, missing: true)
                }
            case .repository(let i):
                if !ownerRules.contains(issue.rule) {
                    add(.repositories, repositoryEntries.isEmpty ? nil : i, issue.rule, issue.severity, missing: repositoryEntries.isEmpty)
                }
            case .branch(let i): add(.branches, i, issue.rule, issue.severity, missing: missing)
            case .tag(let i): add(.tags, i, issue.rule, issue.severity, missing: missing)
            case .environment(let i): add(.environments, i, issue.rule, issue.severity, missing: missing)
            case .rules: add(.anyContext, nil, issue.rule, issue.severity, missing: false)
            case .extraClaim(let i): add(.extraClaims, i, issue.rule, issue.severity, missing: missing)
            case .subjectTemplate: add(.subjectTemplate, nil, issue.rule, issue.severity, missing: missing)
            case .subjectTemplateValue(let i): add(.subjectTemplateValues, i, issue.rule, issue.severity, missing: missing)
            case .accountID: add(.accountID, nil, issue.rule, issue.severity, missing: missing)
            case .region: add(.region, nil, issue.rule, issue.severity, missing: missing)
            case .roleName: add(.roleName, nil, issue.rule, issue.severity, missing: missing)
            case .audience: add(.audience, nil, issue.rule, issue.severity, missing: missing)
            case .sessionDuration: add(.sessionDuration, nil, issue.rule, issue.severity, missing: missing)
            }
        }
        return result
    }

    /// Edit mode: shows the whole policy being edited (verbatim statements included, muted as read-only) with
    /// its own findings and scenarios, instead of the statement the fields alone would generate.
    mutating func adopt(_ review: PolicyReview, verbatim: [Int]) {
        policy = review.policy
        // The policy shown is the one on disk (edited), not one generated with stand-in AWS values.
        placeholders = []
        findings = review.findings.enumerated()
            .sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }.map(\.element)
        scenarios = review.scenarios.map(ScenarioRow.init)
        guard let policy = review.policy else {
            preview = PolicyPreview()
            return
        }
        preview = PolicyPreview(policy: policy, findings: findings)
        preview.mute(statements: verbatim, of: policy)
    }

    static func suggestions(for typed: String) -> [String] {
        let text = typed.lowercased()
        guard !text.isEmpty, !RegionCatalog.allRegions.contains(text) else { return [] }
        let starting = RegionCatalog.allRegions.filter { $0.hasPrefix(text) }
        let containing = RegionCatalog.allRegions.filter { !$0.hasPrefix(text) && $0.contains(text) }
        return Array((starting + containing).prefix(8))
    }
}
