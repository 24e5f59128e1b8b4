import Foundation

/// An existing trust policy split into the part the wizard can edit and the part it keeps verbatim.
///
/// The editable part is ONE GitHub statement that the wizard's model describes exactly: Allow, one GitHub
/// provider as `Federated` principal, `sts:AssumeRoleWithWebIdentity`, and conditions only on `aud`, `sub`
/// (repositories × rules) and IAM-testable extra claims. "Exactly" is checked, not assumed: the statement
/// is regenerated from the imported draft and must mean the same as the original (same claims, same value
/// sets, same pattern-or-exact comparison) — otherwise it stays verbatim. Every other statement (other
/// principals, Deny, extra conditions, unknown members) is kept verbatim, in order.
public struct PolicyImport: Hashable, Sendable {
    /// The policy as read.
    public var policy: TrustPolicy
    /// The editable statement, if one fits the wizard's model.
    public var modelled: ModelledStatement?
    /// Why each other statement is kept verbatim, by statement index, in words for the preview.
    public var verbatimReasons: [Int: String]

    /// The statement the wizard edits, with what saving needs to write it back in place.
    public struct ModelledStatement: Hashable, Sendable {
        /// Its position among the policy's statements.
        public var index: Int
        /// The draft that describes it (region empty unless given; role name from the input, if any).
        public var draft: SetupDraft
        /// The partition of the provider ARN (a trust policy does not name a region).
        public var partition: Partition
        /// The original statement: its Sid, Principal and Action are kept when the draft does not change them.
        public var original: PolicyStatement
        /// Claim names (`aud`, `sub`, …) in the order the original tests them, so a save keeps that order.
        public var claimOrder: [String]
        /// Whether the provider ARN names a real account (12 digits) rather than a deploy-time placeholder
        /// (`${AWS::AccountId}`, a parameter) or anything else that is not an account id.
        public var knowsAccount: Bool
        /// Whether the provider ARN names its partition rather than leaving it to `${AWS::Partition}`.
        public var knowsPartition: Bool
    }

    /// The indices of the statements kept verbatim.
    public var verbatimIndices: [Int] {
        policy.statements.indices.filter { $0 != modelled?.index }
    }

    /// Splits `policy`. `roleName` and `region` pre-fill the draft (a trust policy names neither).
    public init(policy: TrustPolicy, roleName: String? = nil, region: String = "") {
        self.policy = policy
        var modelled: ModelledStatement?
        var reasons: [Int: String] = [:]
        for (index, statement) in policy.statements.enumerated() {
            if modelled == nil {
                switch Self.model(statement, index: index, roleName: roleName ?? "", region: region) {
                case .success(let fit):
                    modelled = fit
                    continue
                case .failure(let reason):
                    reasons[index] = reason.text
                }
            } else {
                reasons[index] = "the wizard edits one GitHub statement (statement \(modelled!.index + 1)); this one is kept as it is"
            }
        }
        self.modelled = modelled
        self.verbatimReasons = reasons
    }

    /// The policy with the modelled statement replaced by `statement` (or removed when nil), everything
    /// else untouched and in place.
    public func splicing(_ statement: PolicyStatement?) -> TrustPolicy {
        guard let modelled else { return policy }
        var result = policy
        if let statement {
            result.statements[modelled.index] = statement
        } else {
            result.statements.remove(at: modelled.index)
            if result.statements.count != 1 { result.statementWasObject = false }
        }
        return result
    }

    // MARK: - Fitting one statement

    struct NoFit: Error { var text: String }

    private static func model(_ statement: PolicyStatement, index: Int, roleName: String,
                              region: String) -> Result<ModelledStatement, NoFit> {
        guard statement.effect == .allow else { return .failure(NoFit(text: "it is not an Allow statement")) }
        guard statement.notPrincipal == nil, statement.notActions == nil else {
            return .failure(NoFit(text: "it uses NotPrincipal or NotAction"))
        }
        guard statement.extraMembers.isEmpty else {
            return .failure(NoFit(text: "it has members the wizard does not model (\(statement.extraMembers.map(\.key).joined(separator: ", ")))"))
        }
        guard case .entries(let entries)? = statement.principal, entries.count == 1, entries[0].type == "Federated",
              entries[0].values.count == 1, let provider = ProviderARN(entries[0].values[0]) else {
            return .failure(NoFit(text: "its principal is not exactly one GitHub OIDC provider"))
        }
        guard let actions = statement.actions, actions.count == 1,
              actions[0].lowercased() == AssumeRequest.webIdentityAction.lowercased() else {
            return .failure(NoFit(text: "its action is not exactly sts:AssumeRoleWithWebIdentity"))
        }

        // Conditions: each claim once, under StringEquals or StringLike, with the provider's prefix.
        let prefix = provider.flavor.conditionKeyPrefix.lowercased() + ":"
        var claims: [String: ConditionClause] = [:]
        var order: [String] = []
        for clause in statement.conditions {
            guard clause.op == "StringEquals" || clause.op == "StringLike" else {
                return .failure(NoFit(text: "it tests \(clause.key) with \(clause.op), which the wizard does not write"))
            }
            let key = clause.key.lowercased()
            guard key.hasPrefix(prefix) else {
                return .failure(NoFit(text: "its condition key \(clause.key) does not belong to the provider's issuer"))
            }
            let claim = String(key.dropFirst(prefix.count))
            guard claim == "sub" || claim == "aud" || IAMClaim(rawValue: claim) != nil else {
                return .failure(NoFit(text: "it tests \(clause.key), a claim the wizard does not model"))
            }
            guard claims[claim] == nil else {
                return .failure(NoFit(text: "it tests \(claim) twice (the tests AND together)"))
            }
            claims[claim] = clause
            order.append(claim)
        }
        guard let aud = claims["aud"], aud.values.count == 1, !aud.values[0].containsGlob else {
            return .failure(NoFit(text: "it does not test exactly one audience (aud)"))
        }
        guard let sub = claims["sub"] else {
            return .failure(NoFit(text: "it tests no subject (sub), and the wizard writes a statement only for the repositories it names"))
        }
        guard let grid = SubjectGrid(subjects: sub.values) else {
            // Say the likeliest reason first: a wildcard over repositories is what the hazards look like.
            if let value = sub.values.first(where: { RepositoryNarrowing.wildcardRepository($0) != nil }) {
                return .failure(NoFit(text: "its subject \"\(value)\" lets in repositories by a wildcard, and the wizard's fields name repositories one by one"))
            }
            return .failure(NoFit(text: "its subjects are not every listed repository combined with every listed branch, tag, environment or pull request"))
        }

        var draft = SetupDraft()
        switch provider.flavor {
        case .githubDotCom: draft.flavorKind = .githubDotCom
        case .enterpriseCloud(let slug): draft.flavorKind = .enterpriseCloud; draft.flavorName = slug
        case .gheDotCom(let subdomain): draft.flavorKind = .gheDotCom; draft.flavorName = subdomain
        case .enterpriseServer(let host): draft.flavorKind = .enterpriseServer; draft.flavorName = host
        }
        draft.repositories = grid.repositories
        for rule in grid.rules {
            switch rule {
            case .branch(let name): draft.branches.append(name)
            case .tag(let name): draft.tags.append(name)
            case .environment(let name): draft.environments.append(name)
            case .pullRequest: draft.pullRequests = true
            case .anyContext: draft.anyContext = true
            }
        }
        for claim in order where claim != "sub" && claim != "aud" {
            draft.extraClaims += (claims[claim]?.values ?? []).map { "\(claim)=\($0)" }
        }
        draft.audience = aud.values[0] == provider.partition.defaultAudience ? "" : aud.values[0]
        draft.accountID = provider.accountID
        draft.roleName = roleName
        draft.region = region

        let fit = ModelledStatement(index: index, draft: draft, partition: provider.partition,
                                    original: statement, claimOrder: order,
                                    knowsAccount: NameRules.accountID(provider.accountID).isEmpty,
                                    knowsPartition: provider.knowsPartition)
        // The proof that it fits: regenerating it from the draft must mean exactly what it meant.
        guard let regenerated = fit.regenerate(draft), ConditionMeaning(regenerated.conditions) == ConditionMeaning(statement.conditions) else {
            return .failure(NoFit(text: "regenerating it from the wizard's fields would change what it allows"))
        }
        return .success(fit)
    }
}

extension PolicyImport.ModelledStatement {
    /// The statement the draft describes, spliced into the original's shape: same Sid; same Principal and
    /// Action text when the draft still names the same provider; conditions in the original's claim order.
    /// Nil when the draft does not resolve (the resolution's issues say why).
    public func regenerate(_ draft: SetupDraft) -> PolicyStatement? {
        guard let setup = resolution(of: draft).setup else { return nil }
        var statement = TrustPolicyGenerator.policy(for: setup).statements[0]
        statement.sid = original.sid
        if keepsProvider(draft, setup: setup) {
            statement.principal = original.principal
            statement.actions = original.actions
        }
        let rank = { (clause: ConditionClause) -> Int in
            let claim = clause.key.split(separator: ":").last.map { String($0).lowercased() } ?? ""
            return claimOrder.firstIndex(of: claim) ?? claimOrder.count
        }
        statement.conditions = statement.conditions.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
        return statement
    }

    /// Whether `draft` (resolved as `setup`) still names the provider the policy was read with, so the
    /// original principal is kept as written; otherwise the principal is written from the fields.
    func keepsProvider(_ draft: SetupDraft, setup: Setup) -> Bool {
        setup.flavor.providerARN(partition: setup.partition, accountID: draft.accountID)
            == (original.principal.flatMap { $0.values(ofType: "Federated").first } ?? "")
            || (draft.accountID == self.draft.accountID && draft.flavorKind == self.draft.flavorKind
                && draft.flavorName == self.draft.flavorName && setup.partition == partition)
    }

    /// Resolves `draft` for the trust policy alone. Region, role name and session length do not change a
    /// trust policy, so when they are missing (a policy names none of them) stand-ins are used. An account
    /// the policy does not name as 12 digits (`${AWS::AccountId}` in a template) gets a stand-in too, but
    /// only as long as the provider is unchanged, because then `regenerate` keeps the original principal
    /// and the stand-in is never written. When the principal has to be written from the fields, every part
    /// of it must be real: an unknown account or partition is an error at its field, never a made-up value.
    public func resolution(of draft: SetupDraft) -> SetupResolution {
        var resolvable = draft
        let regionGiven = !resolvable.region.trimmingSpaces().isEmpty
        if !regionGiven { resolvable.region = Self.standInRegion(partition) }
        if !NameRules.roleName(resolvable.roleName).isEmpty { resolvable.roleName = "imported-role" }
        resolvable.sessionDuration = ""
        let accountStandsIn = draft.accountID == self.draft.accountID && !knowsAccount
        if accountStandsIn { resolvable.accountID = "123456789012" }
        var resolution = resolvable.resolve()
        guard let setup = resolution.setup else { return resolution }
        let keeps = keepsProvider(draft, setup: setup)
        var unknown: [SetupIssue] = []
        if accountStandsIn {
            unknown.append(SetupIssue(field: .accountID, value: draft.accountID,
                                      rule: keeps ? Self.unknownAccountKept(draft.accountID) : Self.unknownAccountNeeded(draft.accountID),
                                      severity: keeps ? .warning : .error))
        }
        if !keeps, !knowsPartition, !regionGiven {
            unknown.append(SetupIssue(field: .region, value: draft.region, rule: Self.unknownPartitionNeeded))
        }
        resolution.issues += unknown
        if unknown.contains(where: { $0.severity == .error }) { resolution.setup = nil }
        return resolution
    }

    /// The account is not in the policy, but the principal is kept as written, so nothing needs it.
    static func unknownAccountKept(_ written: String) -> String {
        "The policy does not name the account (it says \(written)), so its provider is kept as written. To change the GitHub provider, type the role's 12-digit account id here."
    }

    /// The principal must be written anew and the account is not known: the one-line refusal.
    static func unknownAccountNeeded(_ written: String) -> String {
        "The account is unknown (the policy says \(written)), and the new provider ARN must name it: type the role's 12-digit account id in step 3."
    }

    static let unknownPartitionNeeded = "The partition is unknown (the policy leaves it to ${AWS::Partition}), and the new provider ARN must name it: type the role's region in step 3."

    /// A region of the partition, used only to resolve a draft whose region the policy cannot tell.
    static func standInRegion(_ partition: Partition) -> String {
        switch partition {
        case .aws: "us-east-1"
        case .awsCN: "cn-north-1"
        case .awsUSGov: "us-gov-west-1"
        case .awsEUSC: "eusc-de-east-1"
        }
    }
}

/// `arn:<partition>:iam::<account>:oidc-provider/<GitHub issuer host>`, taken apart.
struct ProviderARN: Hashable, Sendable {
    var partition: Partition
    var accountID: String
    var flavor: GitHubFlavor
    /// False when the partition is `${AWS::Partition}` (then `partition` is only a stand-in).
    var knowsPartition: Bool

    /// CloudFormation leaves the partition and account to deploy time (`arn:${AWS::Partition}:iam::${AWS::AccountId}:…`);
    /// such a provider is read as commercial AWS with the placeholder as its account, and a save keeps its text
    /// (see `ModelledStatement.resolution(of:)` for what happens when the provider changes).
    init?(_ written: String) {
        let accountPlaceholder = "${AWS::AccountId}"
        let arn = written.replacingOccurrences(of: "${AWS::Partition}", with: "aws")
            .replacingOccurrences(of: accountPlaceholder, with: "AWS-AccountId")
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty,
              let partition = Partition(rawValue: parts[1]), parts[5].hasPrefix("oidc-provider/"),
              let flavor = GitHubFlavor.recognize(issuer: String(parts[5].dropFirst("oidc-provider/".count))),
              flavor.issuerHost == String(parts[5].dropFirst("oidc-provider/".count)) else { return nil }
        self.partition = partition
        knowsPartition = !written.contains("${AWS::Partition}")
        accountID = parts[4] == "AWS-AccountId" ? accountPlaceholder : parts[4]
        self.flavor = flavor
    }
}

/// What a list of condition clauses means, ignoring what does not change it: clause order, value order
/// and duplicates, the case of key names, and StringLike versus StringEquals for values without wildcards.
struct ConditionMeaning: Hashable {
    struct Test: Hashable {
        var key: String
        var isPattern: Bool
        var values: Set<String>
    }
    var tests: [Test]

    init(_ clauses: [ConditionClause]) {
        tests = clauses.map { clause in
            let pattern = clause.op == "StringLike" && clause.values.contains(where: \.containsGlob)
            let literalOp = clause.op == "StringLike" ? "StringEquals" : clause.op
            return Test(key: "\(pattern ? clause.op : literalOp)\u{0}\(clause.key.lowercased())", isPattern: pattern,
                        values: Set(clause.values))
        }.sorted { ($0.key, $0.values.sorted().joined(separator: "\u{0}")) < ($1.key, $1.values.sorted().joined(separator: "\u{0}")) }
    }
}
