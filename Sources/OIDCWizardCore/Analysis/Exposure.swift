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

    init(policy: TrustPolicy, facts: [StatementFacts], scope: IntendedScope, intent: PolicyIntent?) {
        var seen: Set<AssumeRequest> = []
        for statement in facts where statement.isGitHubAllow {
            for subject in Self.candidates(for: statement, facts: facts, scope: scope) {
                guard let reach = scope.reach(of: subject), reach > .meant else { continue }
                let request = Self.request(subject: subject, statement: statement, intent: intent)
                guard seen.insert(request).inserted else { continue }
                let decision = PolicyEvaluator.evaluate(policy, request)
                let applying = decision.statements.filter { $0.applies && $0.effect == .allow }.map(\.statementIndex)
                if decision.isAllowed {
                    admissions.append(Admission(subject: subject, reach: reach, request: request, applyingStatements: applying))
                } else if decision.outcome == .explicitDeny, let deny = decision.statementIndex {
                    for index in applying {
                        blocked.append(Blocked(subject: subject, reach: reach, statement: index, denyingStatement: deny))
                    }
                }
            }
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
                witnesses.append(contentsOf: fill(value))
            }
        }
        // Names the policy uses, for "same repository name under another owner" and friends.
        var repositories: [String] = []
        var contexts: [String] = []
        var exact: [(owner: String, repository: String)] = []
        for shape in shapes {
            if let repository = shape.repository, !repository.contains("*"), !repository.contains("?"),
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
        for repository in repositories {
            for context in contexts { subjects.append("repo:\(attackerOwner)/\(repository):\(context)") }
        }
        for owner in owners.prefix(3) {
            subjects.append("repo:\(owner)-evil/\(repositories[0]):\(firstContext)")
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
            if let owner = shape.owner, let repository = shape.repository, !owner.contains("*"), !repository.contains("*") {
                subjects.append("repo:\(owner)@900000001/\(repository)@900000002:\(shape.context ?? firstContext)")
                break
            }
        }
        return subjects + witnesses
    }

    /// Concrete subjects the pattern matches, each wildcard filled with attacker-controlled text:
    /// `repo:*` → `repo:zz-attacker/app:ref:refs/heads/main`, `repo:acme*/app:*` → `repo:acme-evil/app:-evil`.
    /// A value without wildcards is its own witness (it may be a template subject any owner can produce).
    static func fill(_ pattern: String) -> [String] {
        guard pattern.contains("*") || pattern.contains("?") else { return [pattern] }
        let fillers = ["\(attackerOwner)/app:ref:refs/heads/main", "-evil"]
        return fillers.map { filler in
            var out = ""
            for character in pattern {
                switch character {
                case "*": out += filler
                case "?": out += "x"
                default: out.append(character)
                }
            }
            return out
        }
    }

    // MARK: - Attacker requests

    /// The request an attacker's workflow would make with `subject`: the audience the statement expects
    /// (the workflow chooses it), the claims derived from the subject, and the claims the attacker
    /// controls (workflow name, a reusable workflow it calls) set to what the statement asks for.
    static func request(subject: String, statement: StatementFacts, intent: PolicyIntent?) -> AssumeRequest {
        let host = statement.issuerHost
        func key(_ claim: String) -> String { "\(host):\(claim)" }
        func wanted(_ claim: String) -> String? {
            statement.clauses(on: claim).first { !$0.isNegated && !$0.clause.values.isEmpty }
                .flatMap { fill($0.clause.values[0]).first }
        }
        let shape = SubjectShape(subject)
        let template = shape.isRepositoryBound ? nil : TemplateSubject(subject)
        var context: [String: [String]] = [key("sub"): [subject]]
        context[key("aud")] = [wanted("aud") ?? intent?.audience ?? statement.partition?.defaultAudience ?? "sts.amazonaws.com"]

        let repository: String
        if let owner = shape.owner, let name = shape.repository {
            repository = "\(owner)/\(name)"
        } else if let templated = template?.value(of: "repo") ?? template?.value(of: "repository") {
            repository = templated
        } else {
            repository = "\(attackerOwner)/app"
        }
        context[key("repository")] = [repository]
        context[key("repository_id")] = [shape.repositoryID ?? template?.value(of: "repository_id") ?? "900000002"]

        var ref = wanted("ref") ?? "refs/heads/main"
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
        context[key("job_workflow_ref")] = [wanted("job_workflow_ref") ?? "\(repository)/.github/workflows/deploy.yml@\(ref)"]
        context[key("workflow")] = [wanted("workflow") ?? "deploy"]
        context[key("actor")] = [attackerOwner]
        context[key("actor_id")] = ["900000003"]

        let principal = statement.providerARN
            ?? intent.map { $0.flavor.providerARN(partition: $0.partition, accountID: $0.accountID) }
            ?? "arn:aws:iam::123456789012:oidc-provider/\(host)"
        return AssumeRequest(principal: principal, context: context)
    }
}
