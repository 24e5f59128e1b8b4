/// What one statement is about, worked out once per analysis so every rule reads the same facts:
/// whom it trusts, which issuer its condition keys must use, and each clause taken apart.
///
/// A class, as is `Clause`: the rules loop over the statements and their clauses again and again, and
/// handing out a struct of many references costs a retain and a release for each; a class costs one.
final class StatementFacts {
    /// Whom the statement's principal part trusts.
    enum Trust: Equatable {
        /// One or more GitHub OIDC providers (the first one decides the issuer prefix).
        case gitHub(flavor: GitHubFlavor, providerARN: String, partition: Partition?)
        /// GitHub's pre-2022 issuer, which no longer issues tokens.
        case legacyGitHub(providerARN: String)
        /// `"*"`, `{"Federated": "*"}`, `{"AWS": "*"}` or a NotPrincipal: every caller.
        case everyone
        /// Federated providers that are not GitHub (Google, Cognito, another IdP).
        case otherFederated([String])
        /// Service or AWS principals only: not a web-identity statement at all.
        case notFederated
    }

    /// One condition clause with its operator parsed and its key split into issuer prefix and claim.
    final class Clause {
        let index: Int
        let clause: ConditionClause
        /// nil when IAM does not know the operator.
        let op: ConditionOperator?
        /// The key's part before the last `:` (lower-cased), e.g. `token.actions.githubusercontent.com`.
        let prefix: String
        /// The key's claim name (lower-cased), e.g. `sub`; nil for a key without `:`.
        let claim: String?
        /// Whether the prefix is this statement's issuer host (so the claim reaches the request).
        let prefixMatches: Bool
        /// `$.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"]`.
        let path: JSONPath
        /// For a `sub` clause, each value taken apart (`shapes[i]` is `values[i]`'s), once for every rule;
        /// empty for other claims.
        let shapes: [SubjectShape]
        /// For a `sub` clause, each value read as a glob (`*` and `?` wildcards), compiled once; empty otherwise.
        let globs: [WildcardPattern]
        /// Each value's path (see `valuePath`), built once: the rules name a value's path in every finding
        /// and ask for it several times a value, on every keystroke.
        let valuePaths: [JSONPath]

        /// The clause at `index` of a statement whose issuer host is `host`, with its condition path `path`;
        /// `compiled` is the same clause compiled for the evaluator, whose glob patterns are taken where they are the
        /// same (compiling each `sub` value again cost a thousand instructions a value on every keystroke).
        init(index: Int, clause: ConditionClause, host: String, path: JSONPath, compiled: CompiledClause? = nil) {
            let (prefix, claim) = StatementFacts.split(clause.key)
            self.index = index
            self.clause = clause
            op = ConditionOperator(clause.op)
            self.prefix = prefix
            self.claim = claim
            prefixMatches = prefix == host
            self.path = path
            shapes = claim == "sub" ? clause.values.map(SubjectShape.init) : []
            globs = claim == "sub" ? clause.values.indices.map { compiled?.glob(at: $0) ?? WildcardPattern(glob: clause.values[$0]) } : []
            valuePaths = clause.values.count > 1 ? clause.values.indices.map(path.index) : []
        }

        /// A plain positive test: not negated, no set qualifier, no IfExists, a known operator.
        var isPlainPositive: Bool {
            guard let op else { return false }
            return !op.isNegated && op.qualifier == .none && !op.ifExists && op.comparison != .null
        }
        var isNegated: Bool { op?.isNegated ?? false }
        /// A test of the claim's values that lets matching values in: not negated, and not `Null`, whose "true" or
        /// "false" says only whether the claim is there (a `sub` value "false" is no subject).
        var testsValues: Bool { !isNegated && op?.comparison != .null }

        /// The path of one value: the list element when the clause has several values, else the key (also for
        /// an empty list, where a rule names its first value's place).
        func valuePath(_ position: Int) -> JSONPath {
            position < valuePaths.count ? valuePaths[position] : path
        }
    }

    let index: Int
    let statement: PolicyStatement
    let path: JSONPath
    let trust: Trust
    /// The issuer host the condition keys must use (lower-cased).
    let issuerHost: String
    let clauses: [Clause]

    var isAllow: Bool { statement.effect == .allow }
    var isDeny: Bool { statement.effect == .deny }

    /// An Allow statement that GitHub's tokens can reach: the ones the GitHub rules judge. A statement that names
    /// GitHub's provider is judged whatever its action (a wrong action is a finding of its own); one that trusts every
    /// principal only if its action lets a web identity in — `{"AWS": "*"}` for `sts:AssumeRole` is a cross-account
    /// statement that no GitHub token can use, and its audience or subject is none of GitHub's business.
    var isGitHubAllow: Bool {
        guard isAllow else { return false }
        switch trust {
        case .gitHub: return true
        case .everyone: return admitsWebIdentity
        default: return false
        }
    }

    /// Whether the statement's actions include `sts:AssumeRoleWithWebIdentity` (the call GitHub's token is exchanged
    /// with): an `Action` that covers it, or a `NotAction` that does not exclude it.
    var admitsWebIdentity: Bool {
        let wanted = AssumeRequest.webIdentityAction.lowercased()
        let covers: (String) -> Bool = { WildcardPattern(glob: $0.lowercased()).matches(wanted) }
        if let actions = statement.actions { return actions.contains(where: covers) }
        if let notActions = statement.notActions { return !notActions.contains(where: covers) }
        return false
    }

    var providerARN: String? {
        if case .gitHub(_, let arn, _) = trust { return arn }
        return nil
    }

    var partition: Partition? {
        if case .gitHub(_, _, let partition) = trust { return partition }
        return nil
    }

    /// The clauses testing `claim` (lower-cased) with this statement's issuer prefix.
    func clauses(on claim: String) -> [Clause] {
        clauses.filter { $0.prefixMatches && $0.claim == claim }
    }

    /// `compiled`: the same statement compiled for the evaluator (see `Clause.init`).
    init(index: Int, statement: PolicyStatement, path: JSONPath, compiled: CompiledStatement? = nil) {
        self.index = index
        self.statement = statement
        self.path = path
        let trust = Self.trust(of: statement)
        self.trust = trust
        let host: String
        switch trust {
        case .gitHub(let flavor, _, _): host = flavor.issuerHost.lowercased()
        case .legacyGitHub: host = GitHubFlavor.legacyHost
        default:
            // A statement open to everyone is still meant for GitHub when its keys say so: take the
            // prefix of its `sub`/`aud` keys, else github.com's.
            host = statement.conditions.lazy.compactMap { clause -> String? in
                let (prefix, claim) = Self.split(clause.key)
                guard let claim, claim == "sub" || claim == "aud", GitHubFlavor.recognize(issuer: prefix) != nil else { return nil }
                return prefix
            }.first ?? GitHubFlavor.githubDotComHost
        }
        issuerHost = host
        let conditionPath = path.member("Condition")
        clauses = statement.conditions.enumerated().map { position, clause in
            Clause(index: position, clause: clause, host: host, path: conditionPath.member(clause.op).member(clause.key),
                   compiled: compiled.map { $0.clauses[position] })
        }
    }

    /// `Token.Actions.GitHubUserContent.com:Sub` → (`token.actions.githubusercontent.com`, `sub`).
    static func split(_ key: String) -> (prefix: String, claim: String?) {
        // At the last colon character (a colon followed by a combining mark is another character), by bytes for
        // printable ASCII: character by character cost a few thousand instructions a key, on every keystroke.
        let lower = key.lowercasedForLookup
        return lower.cutAtLast(UInt8(ascii: ":")).map { ($0, $1) } ?? (lower, nil)
    }

    /// The text between an ARN's first and second colon (the partition), or nil without a colon: what
    /// `split(separator: ":").dropFirst().first` gives, without splitting the whole ARN into characters.
    static func secondField(of arn: String) -> String? {
        let bytes = arn.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let rest = bytes[bytes.index(after: colon)...]
        return String(Substring(rest[..<(rest.firstIndex(of: UInt8(ascii: ":")) ?? rest.endIndex)]))
    }

    private static func trust(of statement: PolicyStatement) -> Trust {
        if statement.notPrincipal != nil { return .everyone }
        guard let principal = statement.principal else { return .notFederated }
        guard case .entries(let entries) = principal else { return .everyone }
        if entries.contains(where: { ($0.type == "Federated" || $0.type == "AWS") && $0.values.contains("*") }) {
            return .everyone
        }
        let federated = principal.values(ofType: "Federated")
        var others: [String] = []
        var legacy: String?
        for arn in federated {
            // The resource after the first `/` (a leading `/` cuts nothing off). Printable ASCII is cut by bytes, the
            // same cut for a fraction of the cost (splitting by characters cost more than the rest of the facts).
            let resource = arn.isPrintableASCII
                ? arn.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 1).dropFirst().first.map { String(Substring($0)) } ?? arn
                : arn.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? arn
            if let flavor = GitHubFlavor.recognize(issuer: resource) {
                let partitionText = secondField(of: arn)
                return .gitHub(flavor: flavor, providerARN: arn, partition: partitionText.flatMap(Partition.init(rawValue:)))
            }
            if resource.lowercased().hasPrefix(GitHubFlavor.legacyHost) { legacy = arn } else { others.append(arn) }
        }
        if let legacy { return .legacyGitHub(providerARN: legacy) }
        return others.isEmpty ? .notFederated : .otherFederated(others)
    }
}
