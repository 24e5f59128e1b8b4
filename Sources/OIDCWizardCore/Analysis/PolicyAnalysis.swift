/// One run of the analysis over one policy: the facts every rule shares, computed once, and the
/// evaluator's measurement of who gets in (computed on first use).
final class PolicyAnalysis {
    let policy: TrustPolicy
    let context: AnalysisContext
    let statements: [StatementFacts]
    let scope: IntendedScope
    /// The cap on evaluations for this analysis, shared by the exposure and every rule that asks the
    /// evaluator (a policy of hundreds of statements must not hang the wizard).
    let budget: EvaluationBudget
    /// The policy compiled once for the many requests the rules ask the evaluator about.
    let evaluator: CompiledPolicy

    private var cachedExposure: Exposure?
    /// Each statement's label, worded once: the rules name the statement in nearly every finding.
    private let labels: [String]
    /// Rulings by template and subject: hashing a short key is far cheaper than hashing a whole request.
    private var rulings: [String: Ruling?] = [:]
    /// Each statement's attacker-request template, with and without the setup, built once for every rule.
    private var templates: [TemplateKey: RequestTemplate] = [:]

    private struct TemplateKey: Hashable {
        var statement: Int
        var usingIntent: Bool
    }

    convenience init(policy: TrustPolicy, context: AnalysisContext) {
        self.init(compiled: CompiledPolicy(policy), context: context)
    }

    /// The analysis of a policy already compiled (the wizard compiles it once for the findings and the table).
    init(compiled: CompiledPolicy, context: AnalysisContext) {
        let policy = compiled.policy
        self.policy = policy
        self.context = context
        evaluator = compiled
        let root = JSONPath.root.member("Statement")
        statements = policy.statements.enumerated().map { index, statement in
            StatementFacts(index: index, statement: statement,
                           path: policy.statementWasObject && policy.statements.count == 1 ? root : root.index(index),
                           compiled: compiled.statements[index])
        }
        scope = Self.scope(statements: statements, intent: context.intent)
        budget = EvaluationBudget(policy: policy)
        labels = policy.statements.indices.map { StatementVerdict.label(index: $0, sid: policy.statements[$0].sid) }
    }

    /// The evaluator's ruling for a workflow with `subject` against `statement` (the request
    /// `request(subject:through:usingIntent:)` builds), or nil when the analysis's evaluation budget is
    /// spent. Identical requests are evaluated once: a template and a subject determine the request.
    func evaluate(subject: String, through statement: StatementFacts, usingIntent: Bool = true) -> Ruling? {
        let template = template(for: statement, usingIntent: usingIntent)
        let key = template.key + "\u{0}" + subject
        if let known = rulings[key] { return known }
        let ruling = budget.spend() ? evaluator.decide(template.request(subject: subject)) : nil
        if rulings.isEmpty { rulings.reserveCapacity(16) }  // a handful per analysis: sized once, not grown as they come
        rulings[key] = ruling
        return ruling
    }

    /// The request a workflow with `subject` makes against `statement` (see `RequestTemplate`); with
    /// `usingIntent: false`, as if there were no setup (the policy's own audience and provider only).
    func request(subject: String, through statement: StatementFacts, usingIntent: Bool = true) -> AssumeRequest {
        template(for: statement, usingIntent: usingIntent).request(subject: subject)
    }

    func template(for statement: StatementFacts, usingIntent: Bool = true) -> RequestTemplate {
        let key = TemplateKey(statement: statement.index, usingIntent: usingIntent)
        if let known = templates[key] { return known }
        let template = RequestTemplate(statement: statement, intent: usingIntent ? intent : nil, readKeys: evaluator.readKeys)
        templates[key] = template
        return template
    }

    var intent: PolicyIntent? { context.intent }
    var isDeployRole: Bool { intent?.isDeployRole ?? false }

    var exposure: Exposure {
        if let cachedExposure { return cachedExposure }
        let exposure = Exposure(evaluator: evaluator, facts: statements, scope: scope, template: { self.template(for: $0) }, budget: budget)
        cachedExposure = exposure
        return exposure
    }

    /// The worst request the policy would let in through statement `index` if that statement read `edited`, for
    /// rules that weigh a fix or a lost key before offering it.
    ///
    /// Decided on the edited statement and the Deny statements alone: the other Allow statements neither add to
    /// nor take from who gets in through this one. So the answer is about this statement, not about another
    /// that is open already; and a rule that asks it for each of many clauses stays linear, where analysing the
    /// whole edited policy each time made a policy of a thousand such clauses take minutes.
    func worst(through index: Int, as edited: PolicyStatement) -> Exposure.Admission? {
        let denies = denyStatements.filter { $0 != index }
        var alone = policy
        alone.statements = denies.filter { $0 < index }.map { policy.statements[$0] } + [edited]
            + denies.filter { $0 > index }.map { policy.statements[$0] }
        let position = denies.count { $0 < index }
        return PolicyAnalysis(policy: alone, context: AnalysisContext(intent: intent)).exposure.worst(through: position)
    }

    /// The indices of the Deny statements, for `worst(through:as:)`.
    private lazy var denyStatements: [Int] = policy.statements.indices.filter { policy.statements[$0].effect == .deny }

    /// A finding for `rule`, with the rule's kind and (unless given) its default severity.
    func finding(_ rule: RuleID, severity: Severity? = nil, kind: FindingKind? = nil, statement: Int?, path: JSONPath,
                 message: String, why: String, fix: String, autofix: PolicyFix? = nil) -> Finding {
        let descriptor = rule.descriptor
        return Finding(rule: rule.rawValue, severity: severity ?? descriptor.severity, kind: kind ?? descriptor.kind,
                       statement: statement, path: path.text, message: message, why: why, fix: fix, autofix: autofix)
    }

    /// "statement 2" or "statement 2 (Sid \"Deploy\")", for messages.
    func label(_ index: Int) -> String {
        labels[index]
    }

    /// The subject to suggest in fixes: the setup's first one, else a placeholder with the policy's own names.
    func suggestedSubject(like shape: SubjectShape? = nil) -> String {
        if let first = intent?.subjects.first(where: { !$0.hasWildcard }) { return first }
        if let shape, let owner = shape.owner, IntendedScope.plausibleOwner(owner.lowercased()),
           let repository = shape.repository, !repository.hasWildcard, !repository.isEmpty {
            return "repo:\(owner)/\(repository):ref:refs/heads/main"
        }
        return "repo:<owner>/<repo>:ref:refs/heads/main"
    }

    // MARK: - What was meant

    private static func scope(statements: [StatementFacts], intent: PolicyIntent?) -> IntendedScope {
        if let intent {
            var ids: [String: String] = [:]
            for access in intent.repositories {
                if let id = access.repository.ownerID { ids[access.repository.owner.lowercased()] = id }
            }
            return IntendedScope(owners: Set(intent.owners.map { $0.lowercased() }), ownerIDs: ids,
                                 repositories: Set(intent.repositories.map { $0.repository.fullName.lowercased() }),
                                 subjects: intent.subjects.map { WildcardPattern(glob: $0) })
        }
        // Without a setup: the owners and repositories the policy names exactly in a positive test.
        var owners: Set<String> = []
        var ids: [String: String] = [:]
        var repositories: Set<String> = []
        for statement in statements where statement.isGitHubAllow {
            for clause in statement.clauses where clause.prefixMatches && clause.testsValues {
                for (position, value) in clause.clause.values.enumerated() {
                    switch clause.claim {
                    case "sub":
                        let shape = clause.shapes[position]
                        if shape.isRepositoryBound {
                            guard shape.wildcardSite != .owner, let owner = shape.owner?.lowercased() else { continue }
                            owners.insert(owner)
                            if let id = shape.ownerID, !id.hasWildcard { ids[owner] = id }
                            if shape.namesExactRepository, let full = shape.fullNameKey { repositories.insert(full) }
                        } else {
                            for (key, pairValue) in TemplateSubject(value).pairs where !pairValue.hasWildcard {
                                if key == "repository_owner" { owners.insert(pairValue.lowercased()) }
                                if key == "repo" || key == "repository" { insertRepository(pairValue, &owners, &repositories) }
                            }
                        }
                    case "repository":
                        if !value.hasWildcard { insertRepository(value, &owners, &repositories) }
                    default:
                        continue
                    }
                }
            }
        }
        // A Deny that keeps out everything but an owner (`StringNotLike sub repo:octo/*`) names the owner meant.
        for statement in statements where statement.isDeny {
            for clause in statement.clauses(on: "sub") where clause.isNegated {
                for shape in clause.shapes {
                    guard shape.isRepositoryBound, shape.wildcardSite != .owner, let owner = shape.owner?.lowercased(),
                          SubjectGrammar.validOwner(owner) else { continue }
                    owners.insert(owner)
                    if shape.namesExactRepository, let full = shape.fullNameKey { repositories.insert(full) }
                }
            }
            // Or everything but a repository (`StringNotEqualsIfExists repository acme/app`): that one is meant.
            for clause in statement.clauses(on: "repository") where clause.isNegated {
                for value in clause.clause.values where !value.hasWildcard { insertRepository(value, &owners, &repositories) }
            }
        }
        return IntendedScope(owners: owners, ownerIDs: ids, repositories: repositories, subjects: nil)
    }

    private static func insertRepository(_ value: String, _ owners: inout Set<String>, _ repositories: inout Set<String>) {
        let parts = value.split(separator: "/", maxSplits: 1).map { $0.split(separator: "@").first.map(String.init) ?? "" }
        guard parts.count == 2 else { return }
        owners.insert(parts[0].lowercased())
        repositories.insert("\(parts[0])/\(parts[1])".lowercased())
    }
}

extension PolicyAnalysis {
    /// The first of `subjects` that the whole policy lets in through `statement`, tried as an attacker would.
    func firstAdmitted(_ subjects: [String], through statement: StatementFacts) -> String? {
        subjects.first { admits($0, through: statement) }
    }

    /// Whether the whole policy lets a workflow with `subject` in through `statement` (false once the
    /// evaluation budget is spent).
    func admits(_ subject: String, through statement: StatementFacts) -> Bool {
        guard let ruling = evaluate(subject: subject, through: statement) else { return false }
        return ruling.isAllowed && ruling.applies(statement.index)
    }

    /// Whether `value` under `op` matches `subject` (IAM's comparison for that operator family).
    static func matches(_ value: String, op: ConditionOperator?, _ subject: String) -> Bool {
        guard let op else { return false }
        switch op.comparison {
        case .stringLike: return WildcardPattern(glob: value).matches(subject)
        case .stringEquals: return value == subject
        case .stringEqualsIgnoreCase: return value.lowercased() == subject.lowercased()
        default: return false
        }
    }

    /// How a confirmed admission reads in a message: "repo:zz-attacker/app:ref:refs/heads/main gets in".
    func admissionText(_ admission: Exposure.Admission) -> String {
        let whom: String
        switch admission.reach {
        case .anyOwner: whom = "a repository of an owner you did not name"
        case .otherRepository: whom = "another repository of the owner"
        case .otherContext: whom = "another branch, tag, pull request or environment"
        case .meant: whom = "a workflow you meant"
        }
        return "the evaluator lets \(admission.subject) in (\(whom))"
    }
}
