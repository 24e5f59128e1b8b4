/// Builds the "who can get in" table for a trust policy: the runs the user meant (from the wizard's
/// intent, or inferred from the policy's own `sub` values) and an attacker's set around the first of
/// them, each judged by the exact evaluator.
///
/// The attacker's set is what people get wrong in practice: another owner with the same repository
/// name, a look-alike owner, another repository of the same owner, an unlisted branch, a tag, a pull
/// request, an arbitrary environment, a token for another audience, the name-only subject of an
/// id-pinned repository, and a recycled name (same names, new ids). A candidate the user actually
/// meant (it matches an intended subject) is left out: it is not an attack.
///
/// Deterministic (same policy, same rows, same order) and cheap — at most 16 evaluations — because
/// the wizard rebuilds the table on every keystroke.
public enum ScenarioBuilder {
    /// At most this many intended rows; the attacker's set adds at most ten.
    public static let maxIntendedRows = 6

    public static func scenarios(for policy: TrustPolicy, intent: PolicyIntent?) -> [Scenario] {
        scenarios(for: CompiledPolicy(policy), intent: intent)
    }

    /// The same for a policy already compiled, so that the table and the findings share one compilation.
    public static func scenarios(for evaluator: CompiledPolicy, intent: PolicyIntent?) -> [Scenario] {
        let facts = PolicyFacts(policy: evaluator.policy, intent: intent, runLimit: maxIntendedRows)
        var rows: [Scenario] = []
        // Runs, not requests, are deduplicated: a recycled name sends exactly the request the real
        // repository sends when the policy tests no id, and that sameness is the point of its row.
        // A table has a dozen or so runs: compared one by one, not hashed (see `SeenKeys`).
        var seen = SeenKeys<Run>()

        func add(_ run: Run, actor: Scenario.Actor, attack: String?) {
            guard seen.insert(run) else { return }
            let request = facts.request(for: run)
            // Decided now, worded only if someone reads the row's reason.
            rows.append(Scenario(title: run.title, attack: attack, actor: actor, request: request, subject: run.subject,
                                 ruling: evaluator.decide(request), policy: evaluator))
        }

        let intended = facts.intendedRuns
        for run in intended { add(run, actor: .intended, attack: nil) }
        guard let primary = intended.first else { return rows }
        for (run, attack) in facts.attacks(around: primary) {
            add(run, actor: .attacker, attack: attack)
        }
        return rows
    }
}

/// One run to ask the evaluator about: its token's `sub`, `aud` and the IAM-visible claims.
struct Run: Hashable, Sendable {
    var subject: String
    var parts: SubjectParts?
    var audience: String
    /// `owner/name` the run belongs to (the `repository` claim), when known.
    var repository: String?
    var repositoryID: String?
    var title: String
    /// For a run standing for an owner or repository pattern (`*/app`, `acme/app*`): the pattern's owner
    /// and name as typed. Attackers are chosen to match them; nil when the run's names are exact.
    var ownerPattern: String?
    var namePattern: String?

    /// Hashes what tells runs apart in practice (equal runs still compare every field): the table dedups
    /// its runs on every keystroke.
    func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(audience)
        hasher.combine(title)
    }

    init(parts: SubjectParts, audience: String, repositoryID: String?, title: String? = nil) {
        subject = parts.text
        self.parts = parts
        self.audience = audience
        repository = parts.fullName
        self.repositoryID = parts.repositoryID ?? repositoryID
        self.title = title ?? parts.context.describe(in: parts.fullName)
    }

    /// `owner/name` as the table shows it: the owner and name patterns as typed, else the run's names.
    var shownRepository: String {
        guard let parts else { return repository ?? "" }
        return "\(ownerPattern ?? parts.owner)/\(namePattern ?? parts.name)"
    }

    /// An intended run for a `sub` pattern with a wildcard in the owner or the repository: it is asked
    /// about as one concrete repository, and titled with what the user typed ("push to main in */app"),
    /// because no one repository is what was meant.
    init(parts: SubjectParts, pattern: SubjectParts, audience: String, repositoryID: String?) {
        self.init(parts: parts, audience: audience, repositoryID: repositoryID)
        ownerPattern = pattern.owner.containsGlob ? pattern.owner : nil
        namePattern = pattern.name.containsGlob ? pattern.name : nil
        if ownerPattern != nil || namePattern != nil {
            title = parts.context.describe(in: "\(ownerPattern ?? parts.owner)/\(namePattern ?? parts.name)")
        }
    }

    init(customSubject: String, audience: String, repository: String?, repositoryID: String?) {
        subject = customSubject
        parts = nil
        self.audience = audience
        self.repository = repository
        self.repositoryID = repositoryID
        title = "run with subject \"\(customSubject)\""
    }
}

/// What the builder reads from the policy (and the intent) once.
struct PolicyFacts {
    var flavor: GitHubFlavor
    var principal: String
    var audience: String
    /// Concrete intended runs, in order (the first `runLimit` of them).
    var intendedRuns: [Run]
    /// The repository names (lower-cased) of every intended run, also those past the limit: an attacker's
    /// "other repository" must be one nobody meant.
    var ownRepositories: Set<String>
    /// A run counts as meant (so it is not listed as an attack) when its subject is one of `meantSubjects`, byte for
    /// byte, or matches one of `intendedPatterns`.
    var meantSubjects: [String]
    var intendedPatterns: [WildcardPattern]
    /// IAM-visible claims the policy tests besides sub and aud (lower-cased claim names), with their
    /// condition key and a plausible value each from the policy, used for every run.
    var claimValues: [(claim: String, key: String, value: String?)]
    /// The condition keys of sub and aud, spelled once: every run's request carries them.
    var subjectKey: String
    var audienceKey: String

    init(policy: TrustPolicy, intent: PolicyIntent?, runLimit: Int = .max) {
        let provider = Self.githubProvider(in: policy)
        let flavor = intent?.flavor ?? provider?.flavor ?? .githubDotCom
        self.flavor = flavor
        subjectKey = flavor.conditionKey("sub")
        audienceKey = flavor.conditionKey("aud")
        if let intent {
            principal = flavor.providerARN(partition: intent.partition, accountID: intent.accountID)
        } else if let provider {
            principal = provider.arn
        } else {
            let partition = Self.partition(in: policy) ?? .aws
            principal = flavor.providerARN(partition: partition, accountID: "123456789012")
        }
        let prefix = flavor.conditionKeyPrefix.lowercased()
        let values = Self.positiveValues(in: policy, prefix: prefix)
        let partitionDefault = Partition(rawValue: StatementFacts.secondField(of: principal) ?? "aws")?
            .defaultAudience ?? "sts.amazonaws.com"
        audience = intent?.audience ?? values["aud"]?.first(where: { !$0.containsGlob }) ?? partitionDefault

        let subjectPatterns = intent?.subjects ?? values["sub"] ?? []
        var runs: [Run] = []
        var seenSubjects: Set<String> = []
        // Every meant subject in order, and every meant repository name, also past the runs the table shows.
        var meantSubjects: [String] = []
        var names: Set<String> = []
        // Sized once: a set grown one subject at a time re-hashes everything it holds at every doubling.
        seenSubjects.reserveCapacity(subjectPatterns.count)
        meantSubjects.reserveCapacity(subjectPatterns.count)
        names.reserveCapacity(subjectPatterns.count)
        let idClaim = values["repository_id"]?.first.map { PlausibleValue.digits($0, fallback: "7654321") }
        let exactContexts = Self.exactContexts(values)
        for pattern in subjectPatterns {
            let concrete = Self.consistent(PlausibleValue.subject(for: pattern), pattern: pattern, contexts: exactContexts)
            guard seenSubjects.insert(concrete).inserted else { continue }
            meantSubjects.append(concrete)
            let parts = SubjectParts(parsing: concrete)
            if let name = parts?.name { names.insert(name.lowercased()) }
            // Past the rows the table shows, only the subject and the repository name are needed.
            guard runs.count < runLimit else { continue }
            if let parts {
                // An exact value is its own run: its parts are parsed already.
                if let typed = pattern == concrete ? parts : SubjectParts(parsing: pattern) {
                    runs.append(Run(parts: parts, pattern: typed, audience: audience, repositoryID: idClaim))
                } else {
                    runs.append(Run(parts: parts, audience: audience, repositoryID: idClaim))
                }
            } else {
                let repository = values["repository"]?.first.map { PlausibleValue.word($0, fallback: "octo-org/app") }
                runs.append(Run(customSubject: concrete, audience: audience, repository: repository, repositoryID: idClaim))
            }
        }
        if runs.isEmpty {
            // Nothing says which runs were meant (no sub at all): ask about an example repository.
            runs.append(Run(parts: PlausibleValue.example, audience: audience, repositoryID: idClaim))
            meantSubjects.append(runs[0].subject)
            names.insert(PlausibleValue.example.name.lowercased())
        }
        intendedRuns = runs
        ownRepositories = names

        // The meant subjects are compared byte for byte (what a literal pattern's match comes to, for a fraction of the
        // cost: every attacker's run is checked against all of them).
        self.meantSubjects = meantSubjects
        var patterns: [WildcardPattern] = []
        if let intent {
            // An exact subject that is already a meant run, scalar for scalar, is matched as one: its own pattern would
            // match the same text only. Compared by bytes: a set of strings would take another spelling of it (NFD for
            // NFC) as the same.
            patterns += intent.subjects.filter { subject in
                subject.hasWildcard || !meantSubjects.contains { $0.hasSameBytes(as: subject) }
            }.map(Self.meantPattern)
        } else {
            patterns += subjectPatterns.filter(Self.isTrustedAsIntent).map { WildcardPattern(glob: $0) }
        }
        intendedPatterns = patterns

        var claims: [(String, String, String?)] = []
        // The claims the policy's keys name after this issuer's prefix (not every claim's key spelled out per table).
        var mentioned: Set<String> = []
        for statement in policy.statements {
            for condition in statement.conditions {
                let (keyPrefix, claim) = StatementFacts.split(condition.key)
                if keyPrefix == prefix, let claim { mentioned.insert(claim) }
            }
        }
        for claim in IAMClaim.allCases.map(\.rawValue) where mentioned.contains(claim) {
            claims.append((claim, flavor.conditionKey(claim), values[claim]?.first.map { PlausibleValue.word($0, fallback: "x") }))
        }
        claimValues = claims
    }

    func isIntended(_ run: Run) -> Bool {
        run.audience == audience
            && (meantSubjects.contains { $0.hasSameBytes(as: run.subject) } || intendedPatterns.contains { $0.matches(run.subject) })
    }

    /// The request IAM sees for a run: only the claims IAM can test, and of those besides sub and aud
    /// only the ones the policy mentions (the others cannot change the decision).
    func request(for run: Run) -> AssumeRequest {
        var context: [String: [String]] = [:]
        context.reserveCapacity(2 + claimValues.count)
        context[subjectKey] = [run.subject]
        context[audienceKey] = [run.audience]
        for (claim, key, policyValue) in claimValues {
            let value: String?
            switch claim {
            case "repository": value = run.repository
            case "repository_id": value = run.repositoryID
            case "ref": value = run.parts?.context.ref ?? policyValue
            case "environment": value = run.parts.map { $0.context.environment } ?? policyValue
            default: value = policyValue
            }
            if let value { context[key] = [value] }
        }
        return AssumeRequest(principal: principal, context: context)
    }

    /// The attacker's runs around one intended run, each with why it is an attack. Runs that only change
    /// the subject are left out when the subject is one the user meant; the audience and recycled-name
    /// runs keep the meant subject on purpose.
    func attacks(around run: Run) -> [(Run, String)] {
        var out: [(Run, String)] = []
        func attack(_ candidate: Run, _ why: String) {
            if !isIntended(candidate) { out.append((candidate, why)) }
        }
        let attackerID = run.repositoryID == "987654321" ? "987654320" : "987654321"

        if let parts = run.parts {
            let otherOwner = parts.owner.lowercased() == "evil" ? "mallory" : "evil"
            var stranger = parts
            stranger.owner = otherOwner
            stranger.ownerID = parts.ownerID.map { _ in "666666" }
            stranger.repositoryID = parts.repositoryID.map { _ in attackerID }
            attack(Run(parts: stranger, audience: audience, repositoryID: attackerID), "another owner, same repository name")

            // A look-alike the owner pattern admits (`acme*` → acme-evil), else one of the exact owner.
            var lookAlike = stranger
            lookAlike.owner = run.ownerPattern.flatMap(AttackerName.owner(matching:))
                .flatMap { $0.lowercased() == parts.owner.lowercased() ? nil : $0 }
                ?? AttackerName.lookAlike(of: parts.owner)
            if lookAlike.owner.lowercased() != stranger.owner.lowercased() {
                attack(Run(parts: lookAlike, audience: audience, repositoryID: attackerID), "a look-alike owner")
            }

            // A repository the name pattern admits (`app*` → app-evil), else one nobody listed.
            var sibling = parts
            var siblingName = run.namePattern.flatMap { pattern in
                WildcardPattern(glob: pattern).matches("other-repo") ? "other-repo" : AttackerName.repository(matching: pattern)
            } ?? "other-repo"
            if siblingName.lowercased() == parts.name.lowercased() { siblingName = "other-repo" }
            while ownRepositories.contains(siblingName.lowercased()) { siblingName += "-2" }
            sibling.name = siblingName
            sibling.repositoryID = parts.repositoryID.map { _ in attackerID }
            attack(Run(parts: sibling, audience: audience, repositoryID: attackerID,
                       title: parts.context.describe(in: "\(run.ownerPattern ?? parts.owner)/\(siblingName)")),
                   "another repository of the same owner")

            let repositoryID = run.repositoryID
            func sameRepository(_ context: SubjectContext) -> Run {
                var p = parts
                p.context = context
                // Titled with the repository as typed (`*/app`), like the run it varies.
                return Run(parts: p, audience: audience, repositoryID: repositoryID,
                           title: context.describe(in: run.shownRepository))
            }
            func firstUnlisted(_ candidates: [SubjectContext]) -> Run? {
                candidates.lazy.map(sameRepository).first { !isIntended($0) }
            }
            if case .branch(let name) = parts.context, let branch = firstUnlisted([.branch(name + "-evil"), .branch("evil")]) {
                out.append((branch, "a branch nobody listed"))
            } else if let branch = firstUnlisted([.branch("main-evil"), .branch("evil")]) {
                out.append((branch, "a branch nobody listed"))
            }
            let tagCandidates: [SubjectContext] = if case .tag(let name) = parts.context { [.tag(name + "-evil"), .tag("evil")] } else { [.tag("v9.9.9")] }
            if let tag = firstUnlisted(tagCandidates) { out.append((tag, "a tag anyone with push access can create")) }
            attack(sameRepository(.pullRequest), "code from any pull request of a repository branch")
            let environmentCandidates: [SubjectContext] = if case .environment(let name) = parts.context {
                [.environment(name + "-evil"), .environment("sandbox")]
            } else { [.environment("sandbox")] }
            if let environment = firstUnlisted(environmentCandidates) {
                out.append((environment, "an environment without your protection rules"))
            }
        } else {
            // A custom subject without the repo binding: another owner's run sends the very same sub.
            let owner = run.repository?.split(separator: "/").first.map(String.init) ?? "octo-org"
            let name = run.repository?.split(separator: "/").dropFirst().first.map(String.init) ?? "app"
            let otherOwner = owner.lowercased() == "evil" ? "mallory" : "evil"
            var stranger = Run(customSubject: run.subject, audience: audience, repository: "\(otherOwner)/\(name)",
                               repositoryID: attackerID)
            stranger.title = "run of \(otherOwner)/\(name) with the same subject"
            out.append((stranger, "another owner: nothing in the subject names the repository"))
        }

        var wrongAudience = run
        wrongAudience.audience = audience == "https://github.com/evil" ? "sts.amazonaws.com" : "https://github.com/evil"
        wrongAudience.title = run.title + " with a token for \(wrongAudience.audience)"
        out.append((wrongAudience, "a token minted for another service"))

        if let parts = run.parts {
            if parts.hasIDs {
                out.append((Run(parts: parts.nameOnly, audience: audience, repositoryID: attackerID,
                                title: parts.context.describe(in: run.shownRepository) + " sent without ids"),
                            "the name-only form of an id-pinned subject"))
                var recycled = parts
                recycled.ownerID = parts.ownerID.map { _ in "666666" }
                recycled.repositoryID = attackerID
                out.append((Run(parts: recycled, audience: audience, repositoryID: attackerID,
                                title: parts.context.describe(in: run.shownRepository) + " re-created by someone else"),
                            "a recycled name: same names, new ids"))
            } else {
                // Whoever re-registers a deleted or renamed name sends the very same name-only subject.
                out.append((Run(parts: parts, audience: audience, repositoryID: attackerID,
                                title: parts.context.describe(in: run.shownRepository) + " re-created by someone else"),
                            "a recycled name: same names, a new repository id"))
            }
        }
        return out
    }

    // MARK: reading the policy

    /// The exact environment and ref the policy tests, if any, as subject contexts (see `consistent`).
    static func exactContexts(_ values: [String: [String]]) -> [SubjectContext] {
        var contexts: [SubjectContext] = []
        if let environment = values["environment"]?.first(where: { !$0.containsGlob }) { contexts.append(.environment(environment)) }
        if let ref = values["ref"]?.first(where: { !$0.containsGlob }) { contexts.append(SubjectContext(parsing: "ref:" + ref)) }
        return contexts
    }

    /// A run's subject agrees with the ref and environment the policy tests: when the pattern leaves the
    /// context open (`*`, `repo:*`), the meant run is the one on the tested environment or branch, as the
    /// analysis's attacker requests are (a job in environment prod sends `…:environment:prod`).
    /// `contexts` are the policy's `exactContexts`.
    static func consistent(_ concrete: String, pattern: String, contexts: [SubjectContext]) -> String {
        // Without an exact environment or ref in the policy there is nothing to agree with (the usual case).
        guard !contexts.isEmpty, pattern.containsGlob, var parts = SubjectParts(parsing: concrete) else { return concrete }
        let glob = WildcardPattern(glob: pattern)
        for context in contexts {
            parts.context = context
            if glob.matches(parts.text) { return parts.text }
        }
        return concrete
    }

    /// The first Federated principal whose issuer is a GitHub Actions issuer.
    static func githubProvider(in policy: TrustPolicy) -> (arn: String, flavor: GitHubFlavor)? {
        for statement in policy.statements {
            for arn in statement.principal?.values(ofType: "Federated") ?? [] {
                guard let issuer = Self.issuer(inProviderARN: arn), let flavor = GitHubFlavor.recognize(issuer: issuer) else { continue }
                return (arn, flavor)
            }
        }
        return nil
    }

    /// What follows `:oidc-provider/` in an ARN (searched in bytes: this runs on every keystroke).
    static func issuer(inProviderARN arn: String) -> String? {
        let marker = Array(":oidc-provider/".utf8)
        let bytes = Array(arn.utf8)
        guard bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start..<(start + marker.count)].elementsEqual(marker) {
            return String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
        }
        return nil
    }

    static func partition(in policy: TrustPolicy) -> Partition? {
        for statement in policy.statements {
            for arn in statement.principal?.values(ofType: "Federated") ?? [] where arn.hasPrefix("arn:") {
                let fields = arn.split(separator: ":", omittingEmptySubsequences: false)
                if fields.count > 1, let partition = Partition(rawValue: String(fields[1])) { return partition }
            }
        }
        return nil
    }

    /// Values under positive string operators (StringEquals, StringLike, …IgnoreCase, with or without
    /// ForAnyValue/IfExists) in Allow statements, per claim name under `prefix`, in document order.
    static func positiveValues(in policy: TrustPolicy, prefix: String) -> [String: [String]] {
        var values: [String: [String]] = [:]
        // A long list's set, kept from clause to clause: built again for each clause, a thousand one-value clauses
        // of one claim hashed the whole list a thousand times.
        var sets: [String: Set<String>] = [:]
        let keyPrefix = prefix + ":"
        for statement in policy.statements where statement.effect == .allow {
            for clause in statement.conditions {
                guard let op = ConditionOperator(clause.op), !op.isNegated, op.qualifier != .forAllValues,
                      [.stringEquals, .stringLike, .stringEqualsIgnoreCase].contains(op.comparison) else { continue }
                let key = clause.key.lowercasedForLookup
                guard key.hasPrefix(keyPrefix) else { continue }
                // Printable ASCII (nearly every key) drops the prefix by bytes: the same cut without counting characters.
                let claim = key.isPrintableASCII ? String(Substring(key.utf8.dropFirst(keyPrefix.utf8.count))) : String(key.dropFirst(keyPrefix.count))
                // One look-up per clause, not two per value; taken out of the dictionary so appending does not copy it.
                var known = values.removeValue(forKey: claim) ?? []
                if known.count + clause.values.count <= 32 {
                    for value in clause.values where !known.contains(value) { known.append(value) }
                } else {
                    // A long list (a hostile or generated file) is deduplicated through a set: scanning would be quadratic.
                    var present = sets.removeValue(forKey: claim) ?? Set(known)
                    for value in clause.values where present.insert(value).inserted { known.append(value) }
                    sets[claim] = present
                }
                if !known.isEmpty { values[claim] = known }
            }
        }
        return values
    }

    /// What an intent's `sub` pattern means: its branch, tag, environment (or any-context) globs are what
    /// the user asked for, but a wildcard in the owner or the repository never is — `repo:*/app:…` was
    /// typed to mean "my app", and the table must show another owner's app getting in, not hide it as
    /// meant. Such a pattern counts as meant only for the concrete repository its intended run uses.
    static func meantPattern(_ subject: String) -> WildcardPattern {
        guard let parts = SubjectParts(parsing: subject),
              parts.owner.containsGlob || parts.name.containsGlob
                || (parts.ownerID?.containsGlob ?? false) || (parts.repositoryID?.containsGlob ?? false)
        else { return WildcardPattern(glob: subject) }
        var exact = PlausibleValue.subjectParts(for: parts)
        exact.context = parts.context  // the context as typed, globs included
        let repository = WildcardPattern(literal: "repo:\(exact.repository):")
        return WildcardPattern(tokens: repository.tokens + WildcardPattern(glob: exact.context.text).tokens)
    }

    /// Without an intent, a policy's `sub` pattern counts as meant only when its wildcards stand for
    /// whole names inside one repository's branches, tags or environments (`refs/heads/*`,
    /// `release/*`, `v*`). A wildcard in the owner, the repository, the kind of run (`repo:acme/app:*`),
    /// or a prefix glob (`main*`) is exactly what the table should put to the test.
    static func isTrustedAsIntent(_ pattern: String) -> Bool {
        guard pattern.containsGlob else { return true }
        guard let parts = SubjectParts(parsing: pattern), !parts.owner.containsGlob, !parts.name.containsGlob,
              !(parts.ownerID?.containsGlob ?? false), !(parts.repositoryID?.containsGlob ?? false) else { return false }
        let value: String
        switch parts.context {
        case .branch(let name), .tag(let name), .environment(let name): value = name
        case .pullRequest, .other: return false
        }
        var previous: Character? = nil
        var segment = ""
        for ch in value {
            if ch == "*" || ch == "?" {
                let segmentStart = previous == nil || previous == "/"
                if !(segmentStart || segment == "v") { return false }
            }
            segment = ch == "/" ? "" : segment + String(ch)
            previous = ch
        }
        return true
    }
}
