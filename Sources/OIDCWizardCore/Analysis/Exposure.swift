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

    init(evaluator: CompiledPolicy, facts: [StatementFacts], scope: IntendedScope, intent: PolicyIntent?) {
        let watches = facts.filter(\.isGitHubAllow).map(Watch.init)
        // The worst reach confirmed so far, per statement and per positive sub value of each statement.
        var bestStatement: [Int: Reach] = [:]
        var bestValue: [Int: [Reach]] = Dictionary(uniqueKeysWithValues: watches.map { ($0.index, Array(repeating: .meant, count: $0.values.count)) })
        var seen: Set<String> = []
        for watch in watches {
            let statement = facts[watch.index]
            let template = RequestTemplate(statement: statement, intent: intent)
            // Worst first, so a request that could only repeat what is known is never evaluated: each
            // evaluation of the whole policy is the expensive step, and this runs on every keystroke.
            let ranked = Self.candidates(for: statement, facts: facts, scope: scope).enumerated()
                .compactMap { order, subject -> (Int, String, Reach)? in
                    // The statement's own plain sub tests reject it: it cannot get in through this
                    // statement (another statement that admits it builds its own request for it).
                    guard watch.gatesPass(subject), let reach = scope.reach(of: subject), reach > .meant else { return nil }
                    return (order, subject, reach)
                }
                .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
            for (_, subject, reach) in ranked {
                let news = watches.contains { other in
                    guard other.gatesPass(subject) else { return false }
                    if bestStatement[other.index, default: .meant] < reach { return true }
                    return other.values.indices.contains { other.values[$0].matches(subject) && bestValue[other.index]![$0] < reach }
                }
                guard news, seen.insert(template.key + "\u{0}" + subject).inserted else { continue }
                let request = template.request(subject: subject)
                let decision = evaluator.decide(request)
                let applying = decision.applyingStatements.filter { evaluator.policy.statements[$0].effect == .allow }
                if decision.isAllowed {
                    admissions.append(Admission(subject: subject, reach: reach, request: request, applyingStatements: applying))
                    for index in applying {
                        bestStatement[index] = max(bestStatement[index, default: .meant], reach)
                        guard let other = watches.first(where: { $0.index == index }) else { continue }
                        for valueIndex in other.values.indices where other.values[valueIndex].matches(subject) {
                            bestValue[index]![valueIndex] = max(bestValue[index]![valueIndex], reach)
                        }
                    }
                } else if decision.outcome == .explicitDeny, let deny = decision.statementIndex {
                    for index in applying {
                        blocked.append(Blocked(subject: subject, reach: reach, statement: index, denyingStatement: deny))
                    }
                }
            }
        }
    }

    /// One GitHub Allow statement's positive sub values, precompiled for cheap matching.
    private struct Watch {
        struct Value {
            var op: ConditionOperator
            var text: String
            var pattern: WildcardPattern

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
                clause.clause.values.map { Value(op: clause.op!, text: $0, pattern: WildcardPattern(glob: $0)) }
            }
            let positive = statement.clauses(on: "sub").filter { $0.op != nil && !$0.isNegated && $0.op?.comparison != .null }
            // Policy variables are substituted by the evaluator; a gate cannot predict them, so such a
            // clause is left to the evaluator.
            gates = positive.filter { $0.isPlainPositive && !$0.clause.values.contains { $0.contains("${") } }.map(compile)
            values = positive.flatMap(compile)
        }

        func gatesPass(_ subject: String) -> Bool {
            gates.allSatisfy { clause in clause.contains { $0.matches(subject) } }
        }
    }

    // MARK: - Attacker subjects

    static let attackerOwner = "zz-attacker"

    /// Subjects an attacker can make GitHub send, chosen to hit the statement's patterns.
    static func candidates(for statement: StatementFacts, facts: [StatementFacts], scope: IntendedScope) -> [String] {
        var shapes: [SubjectShape] = []
        var witnesses: [String] = []
        for clause in facts.flatMap({ $0.clauses(on: "sub") }) where !clause.isNegated {
            for value in clause.clause.values {
                shapes.append(SubjectShape(value))
            }
        }
        for clause in statement.clauses(on: "sub") where !clause.isNegated {
            for value in clause.clause.values {
                // The readable witness first: among requests that reach as far, the first one found is
                // the example messages show.
                witnesses.append(contentsOf: fill(value).reversed())
            }
        }
        // Names the policy uses, for "same repository name under another owner" and friends.
        var repositories: [String] = []
        var contexts: [String] = []
        var exact: [(owner: String, repository: String)] = []
        for shape in shapes {
            if let repository = shape.repository, !repository.hasWildcard,
               !repositories.contains(repository), repositories.count < 3 {
                repositories.append(repository)
            }
            if let context = shape.context, shape.wildcardSite == .none, !contexts.contains(context), contexts.count < 3 {
                contexts.append(context)
            }
            if shape.namesExactRepository, let owner = shape.owner, let repository = shape.repository,
               !exact.contains(where: { $0 == (owner, repository) }), exact.count < 3 {
                exact.append((owner, repository))
            }
        }
        if repositories.isEmpty { repositories = ["app"] }
        if contexts.isEmpty { contexts = ["ref:refs/heads/main"] }
        let firstContext = contexts[0]
        var owners = Array(scope.owners).sorted()
        if owners.isEmpty { owners = ["acme"] }

        var subjects: [String] = []
        for repository in repositories { subjects.append("repo:\(attackerOwner)/\(repository):\(firstContext)") }
        for context in contexts.dropFirst() { subjects.append("repo:\(attackerOwner)/\(repositories[0]):\(context)") }
        for owner in owners.prefix(3) {
            // A setup's owner may be a pattern (`acme*`): its look-alike is a name the pattern admits.
            if owner.hasWildcard {
                if let lookAlike = AttackerName.owner(matching: owner) {
                    subjects.append("repo:\(lookAlike)/\(repositories[0]):\(firstContext)")
                }
                continue
            }
            subjects.append("repo:\(AttackerName.lookAlike(of: owner))/\(repositories[0]):\(firstContext)")
            subjects.append("repo:\(owner)/zz-other:\(firstContext)")
        }
        for (owner, repository) in exact {
            let base = "repo:\(owner)/\(repository)"
            subjects.append("repo:\(owner)/\(repository)-evil:\(firstContext)")
            subjects.append("\(base):ref:refs/heads/zz-unlisted")
            subjects.append("\(base):ref:refs/tags/zz-tag")
            subjects.append("\(base):pull_request")
            subjects.append("\(base):environment:zz-env")
            for context in contexts where context.hasPrefix("ref:") { subjects.append("\(base):\(context)-evil") }
        }
        // A recycled name: the same owner and repository names, registered again with new ids.
        for shape in shapes where shape.ownerID != nil || shape.repositoryID != nil {
            if let owner = shape.owner, let repository = shape.repository, !owner.hasWildcard, !repository.hasWildcard {
                subjects.append("repo:\(owner)@900000001/\(repository)@900000002:\(shape.context ?? firstContext)")
                break
            }
        }
        return subjects + witnesses
    }

    /// Concrete subjects the pattern matches, each wildcard filled with attacker-controlled text. The
    /// first lets one `*` run across parts (`repo:*` → `repo:zz-attacker/app:ref:refs/heads/main`,
    /// `repo:acme*` → `repo:acme-evil/app:ref:refs/heads/main`); the
    /// last is the readable example messages show, with names GitHub would accept: `repo:*/app:…` →
    /// `repo:evil/app:…`, `repo:acme*/app:*` → `repo:acme-evil/app:ref:refs/heads/evil`.
    /// A value without wildcards is its own witness (it may be a template subject any owner can produce).
    static func fill(_ pattern: String) -> [String] {
        guard pattern.hasWildcard else { return [pattern] }
        return [spanningWitness(pattern), readableWitness(pattern)]
    }

    /// Each `*` filled with the rest of a subject; after a letter the text continues the name
    /// (`repo:acme*` → `repo:acme-evil/app:ref:refs/heads/main`).
    static func spanningWitness(_ pattern: String) -> String {
        fill(pattern) { previous in
            guard let previous, !"/:-@.".contains(previous) else { return "\(attackerOwner)/app:ref:refs/heads/main" }
            return "-evil/app:ref:refs/heads/main"
        }
    }

    /// The readable example for a pattern: for a `repo:<owner>/<name>:<context>` pattern each part filled
    /// on its own terms (valid owner and repository names, a branch for a bare context), else every `*`
    /// filled with `evil` or `-evil`, whichever reads as a word where it stands.
    static func readableWitness(_ pattern: String) -> String {
        let plain = fill(pattern) { previous in
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

    private static func fill(_ pattern: String, star: (Character?) -> String) -> String {
        var out = ""
        for character in pattern {
            switch character {
            case "*": out += star(out.last)
            case "?": out += "x"
            default: out.append(character)
            }
        }
        return out
    }

    // MARK: - Attacker requests

    /// The request an attacker's workflow would make with `subject` against `statement`.
    static func request(subject: String, statement: StatementFacts, intent: PolicyIntent?) -> AssumeRequest {
        RequestTemplate(statement: statement, intent: intent).request(subject: subject)
    }
}

/// What an attacker's token carries for one statement, fixed once per statement: the audience the
/// statement expects (the workflow chooses it) and the claims the attacker controls (workflow name, a
/// reusable workflow it calls) set to what the statement asks for. Per subject only the claims derived
/// from the subject change (repository, ref, environment). Claims an attacker cannot choose (actor, ids)
/// carry attacker values; claims IAM never sees are absent.
struct RequestTemplate {
    var host: String
    var principal: String
    var audience: String
    var wantedRef: String?
    var wantedJobWorkflowRef: String?
    var workflow: String

    /// Identifies the template's fixed parts, so identical requests for two statements are evaluated once.
    var key: String { [principal, audience, wantedRef ?? "", wantedJobWorkflowRef ?? "", workflow].joined(separator: "\u{1}") }

    init(statement: StatementFacts, intent: PolicyIntent?) {
        func wanted(_ claim: String) -> String? {
            statement.clauses(on: claim).first { !$0.isNegated && !$0.clause.values.isEmpty }
                .flatMap { Exposure.fill($0.clause.values[0]).first }
        }
        host = statement.issuerHost
        audience = wanted("aud") ?? intent?.audience ?? statement.partition?.defaultAudience ?? "sts.amazonaws.com"
        wantedRef = wanted("ref")
        wantedJobWorkflowRef = wanted("job_workflow_ref")
        workflow = wanted("workflow") ?? "deploy"
        principal = statement.providerARN
            ?? intent.map { $0.flavor.providerARN(partition: $0.partition, accountID: $0.accountID) }
            ?? "arn:aws:iam::123456789012:oidc-provider/\(statement.issuerHost)"
    }

    func request(subject: String) -> AssumeRequest {
        let host = host
        func key(_ claim: String) -> String { "\(host):\(claim)" }
        let shape = SubjectShape(subject)
        let template = shape.isRepositoryBound ? nil : TemplateSubject(subject)
        var context: [String: [String]] = [key("sub"): [subject], key("aud"): [audience]]

        let repository: String
        if let owner = shape.owner, let name = shape.repository {
            repository = "\(owner)/\(name)"
        } else if let templated = template?.value(of: "repo") ?? template?.value(of: "repository") {
            repository = templated
        } else {
            repository = "\(Exposure.attackerOwner)/app"
        }
        context[key("repository")] = [repository]
        context[key("repository_id")] = [shape.repositoryID ?? template?.value(of: "repository_id") ?? "900000002"]

        var ref = wantedRef ?? "refs/heads/main"
        switch shape.contextKind {
        case .branch(let branch): ref = "refs/heads/\(branch)"
        case .tag(let tag): ref = "refs/tags/\(tag)"
        case .pullRequest: ref = "refs/pull/1/merge"
        case .environment(let environment): context[key("environment")] = [environment]
        default:
            if let templated = template?.value(of: "ref") { ref = templated }
            if let environment = template?.value(of: "environment") { context[key("environment")] = [environment] }
        }
        context[key("ref")] = [ref]
        context[key("job_workflow_ref")] = [wantedJobWorkflowRef ?? "\(repository)/.github/workflows/deploy.yml@\(ref)"]
        context[key("workflow")] = [workflow]
        context[key("actor")] = [Exposure.attackerOwner]
        context[key("actor_id")] = ["900000003"]
        return AssumeRequest(principal: principal, context: context)
    }
}
