/// Who gets in who was not meant to, measured with the evaluator.
///
/// For every Allow statement GitHub tokens can reach, the analysis builds attacker requests — subjects
/// derived from the statement's own patterns with each wildcard filled by attacker-controlled text, plus
/// fixed attacker subjects (another owner with the same repository name, a look-alike owner, another
/// repository of the owner, an unlisted branch, a tag, a pull request, an arbitrary environment, a recycled
/// name with other ids) — with the claims an attacker's token would carry, and evaluates the WHOLE policy
/// for each, so a Deny that blocks a request is honoured and a second loose statement is found.
struct Exposure {
    /// One attacker request that the whole policy lets in.
    struct Admission {
        var subject: String
        var reach: Reach
        var request: AssumeRequest
        /// The Allow statements that apply to the request (the policy lets it in through each of them).
        var applyingStatements: [Int]
    }

    /// One attacker request the statement alone would let in but a Deny elsewhere blocks.
    struct Blocked {
        var subject: String
        var reach: Reach
        var statement: Int
        var denyingStatement: Int
    }

    var admissions: [Admission] = []
    var blocked: [Blocked] = []

    /// The worst admitted request that gets in through `statement` and whose subject `filter` accepts.
    func worst(through statement: Int, where filter: (String) -> Bool = { _ in true }) -> Admission? {
        Self.firstWorst(admissions.filter { $0.applyingStatements.contains(statement) && filter($0.subject) })
    }

    /// The worst admitted request overall.
    var worst: Admission? { Self.firstWorst(admissions) }

    /// The first admission of the worst reach: the fixed, readable attacker subjects come before the
    /// filled-in patterns, so messages show `repo:acme-evil/app:…` rather than a filler's artefact.
    private static func firstWorst(_ admissions: [Admission]) -> Admission? {
        guard let reach = admissions.map(\.reach).max() else { return nil }
        return admissions.first { $0.reach == reach }
    }

    /// Whether the evaluation budget ran out before every candidate was tried (the exposure is then a
    /// lower bound).
    var capped = false

    /// `template` gives each statement's attacker-request template (the analysis builds each once, for every rule).
    /// With `proveFirst` (always, outside the tests that check it changes nothing), a statement whose own
    /// `sub` test provably admits only meant subjects is not searched (`IntendedScope.confines`).
    init(evaluator: CompiledPolicy, facts: [StatementFacts], scope: IntendedScope, template: (StatementFacts) -> RequestTemplate,
         budget: EvaluationBudget, proveFirst: Bool = true) {
        let watches = facts.filter(\.isGitHubAllow).map(Watch.init)
        let watchByIndex = Dictionary(uniqueKeysWithValues: watches.map { ($0.index, $0) })
        // The worst reach confirmed so far, per statement and per positive sub value of each statement.
        var bestStatement: [Int: Reach] = [:]
        var bestValue: [Int: [Reach]] = Dictionary(uniqueKeysWithValues: watches.map { ($0.index, Array(repeating: .meant, count: $0.values.count)) })
        var seen: Set<String> = []
        // A statement proved to admit only what was meant has nothing to find.
        let searched = proveFirst ? watches.filter { !$0.isConfined(by: scope) } : watches
        guard !searched.isEmpty else { return }
        // The attacker's own choices are the same for every statement: work them out once, so the
        // candidate set grows with the number of values, not with statements × values.
        let parts = Self.parts(facts: facts, scope: scope)
        let fixed = Self.fixedSubjects(parts: parts, facts: facts, scope: scope)
        var reachCache: [String: Reach?] = [:]
        func reach(_ subject: String) -> Reach? {
            if let known = reachCache[subject] { return known }
            let computed = scope.reach(of: subject)
            reachCache[subject] = computed
            return computed
        }
        statements: for watch in searched {
            let statement = facts[watch.index]
            let requests = template(statement)
            var candidates = fixed
            for value in watch.values where value.op.comparison == .stringLike {
                candidates += Witnesses.subjects(matching: value.text, parts: parts)
            }
            for value in watch.values where value.op.comparison != .stringLike && !value.text.hasWildcard {
                candidates.append(value.text)
            }
            // Worst first, so a request that could only repeat what is known is never evaluated: each
            // evaluation of the whole policy is the expensive step, and this runs on every keystroke.
            var order = 0
            var ranked: [(Int, String, Reach)] = []
            for subject in candidates {
                order += 1
                // The statement's own plain sub tests reject it: it cannot get in through this
                // statement (another statement that admits it builds its own request for it).
                guard watch.gatesPass(subject), let level = reach(subject), level > .meant else { continue }
                ranked.append((order, subject, level))
            }
            ranked.sort { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
            for (_, subject, level) in ranked {
                let news = bestStatement[watch.index, default: .meant] < level
                    || watch.values.indices.contains { watch.values[$0].matches(subject) && bestValue[watch.index]![$0] < level }
                guard news, seen.insert(requests.key + "\u{0}" + subject).inserted else { continue }
                guard budget.spend() else {
                    capped = true
                    break statements
                }
                let request = requests.request(subject: subject)
                let decision = evaluator.decide(request)
                let applying = decision.applyingStatements.filter { evaluator.policy.statements[$0].effect == .allow }
                if decision.isAllowed {
                    admissions.append(Admission(subject: subject, reach: level, request: request, applyingStatements: applying))
                    for index in applying {
                        bestStatement[index] = max(bestStatement[index, default: .meant], level)
                        guard let other = watchByIndex[index] else { continue }
                        for valueIndex in other.values.indices where other.values[valueIndex].matches(subject) {
                            bestValue[index]![valueIndex] = max(bestValue[index]![valueIndex], level)
                        }
                    }
                } else if decision.outcome == .explicitDeny, let deny = decision.statementIndex {
                    for index in applying {
                        blocked.append(Blocked(subject: subject, reach: level, statement: index, denyingStatement: deny))
                    }
                }
            }
        }
    }

    /// One GitHub Allow statement's positive sub values, precompiled for cheap matching.
    private struct Watch {
        /// A value, named by its clause and position: the statement's facts already hold it taken apart and
        /// compiled as a glob (copying those out for every value cost more than proving the statement confined).
        struct Value {
            let clause: StatementFacts.Clause
            let position: Int
            /// The clause's operator (only clauses with a known operator are watched).
            let op: ConditionOperator
            var shape: SubjectShape { clause.shapes[position] }
            var pattern: WildcardPattern { clause.globs[position] }
            var text: String { clause.clause.values[position] }

            func matches(_ subject: String) -> Bool {
                switch op.comparison {
                case .stringLike: pattern.matches(subject)
                case .stringEquals: text == subject
                case .stringEqualsIgnoreCase: text.lowercased() == subject.lowercased()
                default: false
                }
            }
        }

        var index: Int
        /// Plain positive sub clauses: every one must hold for the statement to apply (values OR).
        var gates: [[Value]]
        /// Every positive sub value (the places rules report on).
        var values: [Value]

        init(_ statement: StatementFacts) {
            index = statement.index
            func compile(_ clause: StatementFacts.Clause) -> [Value] {
                clause.shapes.indices.map { Value(clause: clause, position: $0, op: clause.op!) }
            }
            let positive = statement.clauses(on: "sub").filter { $0.op != nil && !$0.isNegated && $0.op?.comparison != .null }
            // Policy variables are substituted by the evaluator; a gate cannot predict them, so such a
            // clause is left to the evaluator.
            gates = positive.filter { $0.isPlainPositive && !$0.clause.values.contains { $0.mentionsPolicyVariable } }.map(compile)
            values = positive.flatMap(compile)
        }

        func gatesPass(_ subject: String) -> Bool {
            gates.allSatisfy { clause in clause.contains { $0.matches(subject) } }
        }

        /// Whether one gate admits only meant subjects: then every candidate either fails it or is
        /// measured as meant, and searching the statement could find nothing.
        func isConfined(by scope: IntendedScope) -> Bool {
            gates.contains { clause in clause.allSatisfy { scope.confines($0.shape, glob: $0.pattern, comparison: $0.op.comparison) } }
        }
    }

    // MARK: - Attacker subjects

    static let attackerOwner = "zz-attacker"

    /// What an attacker chooses freely: their own owner name (or one a pattern or a look-alike
    /// suggests), repository names the policy uses, and the run's context — including a context that
    /// satisfies the policy's own `ref` and `environment` tests, because the attacker picks the branch
    /// and the environment name of their own workflow.
    static func parts(facts: [StatementFacts], scope: IntendedScope) -> Witnesses.Parts {
        var repositories: [String] = []
        var subjectContexts: [String] = []
        var claimContexts: [String] = []
        func add(_ value: String, to list: inout [String], limit: Int) {
            if !list.contains(value), list.count < limit { list.append(value) }
        }
        for statement in facts where statement.isAllow || statement.isDeny {
            for clause in statement.clauses where clause.prefixMatches && !clause.isNegated && clause.op?.comparison != .null {
                switch clause.claim {
                case "sub":
                    for shape in clause.shapes.prefix(8) {
                        if let repository = shape.repository, !repository.hasWildcard, SubjectGrammar.validRepository(repository) {
                            add(repository, to: &repositories, limit: 3)
                        }
                        if let context = shape.context, shape.wildcardSite == .none, SubjectGrammar.canBeSent("repo:a/b:\(context)") {
                            add(context, to: &subjectContexts, limit: 3)
                        }
                    }
                case "ref" where statement.isAllow:
                    for value in clause.clause.values.prefix(4) {
                        for prefix in ["refs/heads/", "refs/tags/"] where value.hasPrefix(prefix) {
                            if let name = Witnesses.firstFill(String(value.dropFirst(prefix.count)), kind: .ref) {
                                add("ref:\(prefix)\(name)", to: &claimContexts, limit: 4)
                            }
                        }
                    }
                case "environment" where statement.isAllow:
                    for value in clause.clause.values.prefix(4) {
                        if let name = Witnesses.firstFill(value, kind: .environment) {
                            add("environment:\(name)", to: &claimContexts, limit: 4)
                        }
                    }
                default:
                    continue
                }
            }
        }
        if repositories.isEmpty { repositories = ["app"] }
        repositories.append("zz-other")
        var contexts = claimContexts
        for context in subjectContexts + ["ref:refs/heads/main", "ref:refs/heads/zz-unlisted", "ref:refs/tags/zz-tag",
                                          "pull_request", "environment:zz-env"] where !contexts.contains(context) {
            contexts.append(context)
        }
        var owners = [attackerOwner]
        for owner in scope.owners.sorted().prefix(2) {
            owners.append(owner)
            if SubjectGrammar.validOwner("\(owner)-evil") { owners.append("\(owner)-evil") }
        }
        return Witnesses.Parts(owners: owners, repositories: repositories, contexts: contexts)
    }

    /// Readable attacker subjects tried against every statement: another owner with the policy's
    /// repository names and contexts, a look-alike owner, another repository of each meant owner,
    /// other runs of each exact repository, and a recycled name.
    static func fixedSubjects(parts: Witnesses.Parts, facts: [StatementFacts], scope: IntendedScope) -> [String] {
        var exact: [(owner: String, repository: String)] = []
        var recycled: String?
        // Owners named with their id (`repo:acme@123456/…`): their other repositories send the id form too.
        var ownersByID: [(owner: String, id: String)] = []
        for statement in facts where statement.isGitHubAllow {
            for clause in statement.clauses(on: "sub") where clause.testsValues {
                for shape in clause.shapes.prefix(8) {
                    if shape.namesExactRepository, let owner = shape.owner, let repository = shape.repository,
                       SubjectGrammar.validOwner(owner), SubjectGrammar.validRepository(repository),
                       !exact.contains(where: { $0 == (owner, repository) }), exact.count < 3 {
                        exact.append((owner, repository))
                    }
                    if let owner = shape.owner, let id = shape.ownerID, !owner.hasWildcard, !id.hasWildcard,
                       !ownersByID.contains(where: { $0 == (owner, id) }), ownersByID.count < 3 {
                        ownersByID.append((owner, id))
                    }
                    // A recycled name: the same owner and repository names, registered again with new ids.
                    if recycled == nil, shape.ownerID != nil || shape.repositoryID != nil,
                       let owner = shape.owner, let repository = shape.repository, !owner.hasWildcard, !repository.hasWildcard {
                        recycled = "repo:\(owner)@\(Witnesses.attackerOwnerID)/\(repository)@\(Witnesses.attackerRepositoryID):\(shape.context.flatMap { $0.hasWildcard ? nil : $0 } ?? parts.contexts[0])"
                    }
                }
            }
        }
        let firstContext = parts.contexts[0]
        let firstRepository = parts.repositories[0]
        var subjects: [String] = []
        for repository in parts.repositories { subjects.append("repo:\(attackerOwner)/\(repository):\(firstContext)") }
        for context in parts.contexts.dropFirst() { subjects.append("repo:\(attackerOwner)/\(firstRepository):\(context)") }
        for owner in (scope.owners.isEmpty ? ["acme"] : scope.owners.sorted()).prefix(3) {
            // A setup's owner may be a pattern (`acme*`): its look-alike is a name the pattern admits.
            if owner.hasWildcard {
                if let lookAlike = AttackerName.owner(matching: owner) {
                    subjects.append("repo:\(lookAlike)/\(firstRepository):\(firstContext)")
                }
                continue
            }
            subjects.append("repo:\(AttackerName.lookAlike(of: owner))/\(firstRepository):\(firstContext)")
            subjects.append("repo:\(owner)/zz-other:\(firstContext)")
        }
        for (owner, id) in ownersByID {
            subjects.append("repo:\(owner)@\(id)/zz-other@\(Witnesses.attackerRepositoryID):\(firstContext)")
        }
        for (owner, repository) in exact {
            let base = "repo:\(owner)/\(repository)"
            if repository.count < 96 { subjects.append("repo:\(owner)/\(repository)-evil:\(firstContext)") }
            for context in parts.contexts where context != firstContext { subjects.append("\(base):\(context)") }
            subjects.append("\(base):\(firstContext)")
        }
        if let recycled { subjects.append(recycled) }
        return subjects.filter(SubjectGrammar.canBeSent)
    }

    /// Concrete subjects the pattern matches, each wildcard filled with attacker-controlled text valid
    /// for its part: `repo:*` → `repo:zz-attacker/app:ref:refs/heads/main`, `repo:acme*/app:*` →
    /// `repo:acme-evil/app:ref:refs/heads/main`. A value without wildcards is its own witness when GitHub
    /// can send it. Empty when no sendable subject can be built.
    static func fill(_ pattern: String) -> [String] {
        guard pattern.hasWildcard else { return SubjectGrammar.canBeSent(pattern) ? [pattern] : [] }
        return Witnesses.subjects(matching: pattern, parts: defaultParts)
    }

    static let defaultParts = Witnesses.Parts(owners: [attackerOwner, "acme-evil"], repositories: ["app", "zz-other"],
                                               contexts: ["ref:refs/heads/main", "ref:refs/heads/zz-unlisted", "ref:refs/tags/zz-tag",
                                                          "pull_request", "environment:zz-env"])

    /// Each `*` filled with the rest of a subject; after a letter the text continues the name
    /// (`repo:acme*` → `repo:acme-evil/app:ref:refs/heads/main`).
    static func spanningWitness(_ pattern: String) -> String {
        AttackerName.fill(pattern) { previous in
            guard let previous, !"/:-@.".contains(previous) else { return "\(attackerOwner)/app:ref:refs/heads/main" }
            return "-evil/app:ref:refs/heads/main"
        }
    }

    /// The readable example for a pattern: for a `repo:<owner>/<name>:<context>` pattern each part filled
    /// on its own terms (valid owner and repository names, a branch for a bare context), else every `*`
    /// filled with `evil` or `-evil`, whichever reads as a word where it stands.
    static func readableWitness(_ pattern: String) -> String {
        let plain = AttackerName.fill(pattern) { previous in
            guard let previous, !"/:-@.".contains(previous) else { return "evil" }
            return "-evil"
        }
        guard let parts = SubjectParts(parsing: pattern) else {
            // `repo:acme*`: a whole subject reads better than `repo:acme-evil`.
            let spanning = spanningWitness(pattern)
            return pattern.hasPrefix("repo:") && SubjectParts(parsing: plain) == nil && SubjectParts(parsing: spanning) != nil
                ? spanning : plain
        }
        var filled = parts
        if parts.owner.hasWildcard {
            guard let owner = AttackerName.owner(matching: parts.owner) else { return plain }
            filled.owner = owner
        }
        if parts.name.hasWildcard {
            guard let name = AttackerName.repository(matching: parts.name) else { return plain }
            filled.name = name
        }
        filled.ownerID = parts.ownerID.map { PlausibleValue.digits($0, fallback: "900000001") }
        filled.repositoryID = parts.repositoryID.map { PlausibleValue.digits($0, fallback: "900000002") }
        let context = parts.context.text
        let contextGlob = WildcardPattern(glob: context)
        // A bare `*` (or `ref:*`) context: an attacker's branch is the readable run it lets in.
        let branch = "ref:refs/heads/evil"
        let contextText = context.hasWildcard && contextGlob.matches(branch) && !SubjectContext(parsing: context).isConcreteKind
            ? branch : readableWitness(context)
        filled.context = SubjectContext(parsing: contextText)
        let witness = filled.text
        return WildcardPattern(glob: pattern).matches(witness) ? witness : plain
    }

}

/// What an attacker's token carries for one statement, fixed once per statement: the audience the
/// statement expects (the workflow chooses it) and the claims the attacker controls (workflow name, a
/// reusable workflow it calls) set to what the statement asks for. Per subject only the claims derived
/// from the subject change (repository, ref, environment). Claims an attacker cannot choose (actor, ids)
/// carry attacker values; claims IAM never sees are absent.
struct RequestTemplate {
    let host: String
    let principal: String
    let audience: String
    let wantedRef: String?
    let wantedJobWorkflowRef: String?
    let workflow: String
    let actor: String

    /// The condition keys of the claims a request carries (`<issuer host>:<claim>`), spelled once.
    struct Keys {
        var sub, aud, repository, repositoryID, ref, environment, jobWorkflowRef, workflow, actor, actorID: String

        init(host: String) {
            func key(_ claim: String) -> String { "\(host):\(claim)" }
            (sub, aud, repository, repositoryID, ref) = (key("sub"), key("aud"), key("repository"), key("repository_id"), key("ref"))
            (environment, jobWorkflowRef, workflow, actor, actorID) = (key("environment"), key("job_workflow_ref"), key("workflow"), key("actor"), key("actor_id"))
        }

        /// github.com's keys, spelled once for the process (the wizard builds templates on every keystroke).
        static let gitHubDotCom = Keys(host: GitHubFlavor.githubDotComHost)

        static func of(host: String) -> Keys { host == GitHubFlavor.githubDotComHost ? gitHubDotCom : Keys(host: host) }
    }
    let keys: Keys
    /// Which optional claims requests carry: only those the policy reads (`CompiledPolicy.readKeys`), since
    /// the others cannot change a decision; all of them when that is not known.
    private let carries: Carried

    private struct Carried {
        var repository = true, repositoryID = true, ref = true, environment = true, jobWorkflowRef = true
        var workflow = true, actor = true, actorID = true
    }

    /// Identifies the template's fixed parts, so identical requests for two statements are evaluated once
    /// (worked out once: it is part of the key of every ruling the analysis caches).
    let key: String

    /// `readKeys`: the condition keys the policy reads (nil: any), so that requests carry only those claims.
    init(statement: StatementFacts, intent: PolicyIntent?, readKeys: Set<String>? = nil) {
        func wanted(_ claim: String, _ kind: Witnesses.Kind = .word) -> String? {
            guard let clause = statement.clauses(on: claim).first(where: { $0.testsValues && !$0.clause.values.isEmpty }) else { return nil }
            // Compared literally, a value with '*' or '?' is one GitHub never sends (the operator rules say so too):
            // a request carrying it would let an attacker in through a door no real token opens.
            guard clause.op?.usesWildcards == true else { return clause.clause.values.first { !$0.hasWildcard } }
            let value = clause.clause.values[0]
            if claim == "ref", let prefix = ["refs/heads/", "refs/tags/"].first(where: value.hasPrefix) {
                return Witnesses.firstFill(String(value.dropFirst(prefix.count)), kind: .ref).map { prefix + $0 } ?? value
            }
            return Witnesses.firstFill(value, kind: kind) ?? value
        }
        host = statement.issuerHost
        keys = Keys.of(host: host)
        audience = wanted("aud") ?? intent?.audience ?? statement.partition?.defaultAudience ?? "sts.amazonaws.com"
        wantedRef = wanted("ref")
        wantedJobWorkflowRef = wanted("job_workflow_ref")
        workflow = wanted("workflow") ?? "deploy"
        // The actor is the attacker's own account: a pattern on actor names one they can register.
        actor = statement.clauses(on: "actor").first { !$0.isNegated && $0.op?.usesWildcards == true && $0.clause.values.first?.hasWildcard == true }
            .flatMap { Witnesses.firstFill($0.clause.values[0], kind: .owner) } ?? Exposure.attackerOwner
        principal = statement.providerARN
            ?? intent.map { $0.flavor.providerARN(partition: $0.partition, accountID: $0.accountID) }
            ?? "arn:aws:iam::123456789012:oidc-provider/\(statement.issuerHost)"
        key = [host, principal, audience, wantedRef ?? "", wantedJobWorkflowRef ?? "", workflow, actor].joined(separator: "\u{1}")
        var carries = Carried()
        if let readKeys {
            let keys = self.keys
            carries = Carried(repository: readKeys.contains(keys.repository), repositoryID: readKeys.contains(keys.repositoryID),
                              ref: readKeys.contains(keys.ref), environment: readKeys.contains(keys.environment),
                              jobWorkflowRef: readKeys.contains(keys.jobWorkflowRef), workflow: readKeys.contains(keys.workflow),
                              actor: readKeys.contains(keys.actor), actorID: readKeys.contains(keys.actorID))
        }
        self.carries = carries
    }

    func request(subject: String) -> AssumeRequest {
        var context: [String: [String]] = [:]
        context.reserveCapacity(10)
        context[keys.sub] = [subject]
        context[keys.aud] = [audience]
        if carries.workflow { context[keys.workflow] = [workflow] }
        if carries.actor { context[keys.actor] = [actor] }
        if carries.actorID { context[keys.actorID] = ["900000003"] }
        if carries.jobWorkflowRef, let wantedJobWorkflowRef { context[keys.jobWorkflowRef] = [wantedJobWorkflowRef] }
        // The claims that follow from the subject (its repository, ref and environment), when any is carried.
        let derivedJobWorkflowRef = carries.jobWorkflowRef && wantedJobWorkflowRef == nil
        guard carries.repository || carries.repositoryID || carries.ref || carries.environment || derivedJobWorkflowRef else {
            return AssumeRequest(principal: principal, context: context)
        }
        let shape = SubjectShape(subject)
        let template = shape.isRepositoryBound ? nil : TemplateSubject(subject)
        let repository: String
        if let owner = shape.owner, let name = shape.repository {
            repository = "\(owner)/\(name)"
        } else if let templated = template?.value(of: "repo") ?? template?.value(of: "repository") {
            repository = templated
        } else {
            repository = "\(Exposure.attackerOwner)/app"
        }
        if carries.repository { context[keys.repository] = [repository] }
        if carries.repositoryID { context[keys.repositoryID] = [shape.repositoryID ?? template?.value(of: "repository_id") ?? "900000002"] }

        var ref = wantedRef ?? "refs/heads/main"
        var environment: String?
        switch shape.contextKind {
        case .branch(let branch): ref = "refs/heads/\(branch)"
        case .tag(let tag): ref = "refs/tags/\(tag)"
        case .pullRequest: ref = "refs/pull/1/merge"
        case .environment(let name): environment = name
        default:
            if let templated = template?.value(of: "ref") { ref = templated }
            environment = template?.value(of: "environment")
        }
        if carries.environment, let environment { context[keys.environment] = [environment] }
        if carries.ref { context[keys.ref] = [ref] }
        if derivedJobWorkflowRef { context[keys.jobWorkflowRef] = ["\(repository)/.github/workflows/deploy.yml@\(ref)"] }
        return AssumeRequest(principal: principal, context: context)
    }
}
