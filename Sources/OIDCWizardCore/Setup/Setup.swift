/// A complete, validated description of what the user wants: which GitHub runs may assume which AWS
/// role. Built only by `SetupDraft.resolve()`, so the wizard and `generate` cannot disagree about it.
public struct Setup: Hashable, Sendable {
    public var flavor: GitHubFlavor
    public var repositories: [RepositoryAccess]
    public var extraClaims: [ClaimConstraint]
    /// A custom subject template, or nil for GitHub's default subject.
    public var subjectTemplate: SubjectTemplate?
    public var region: Region
    /// The audience the policy requires and the workflow requests.
    public var audience: String
    public var accountID: String
    public var roleName: String
    /// `role-duration-seconds` / the role's maximum session duration, 900–43200; nil for AWS's default (3600).
    public var sessionDuration: Int?

    public init(flavor: GitHubFlavor = .githubDotCom, repositories: [RepositoryAccess],
                extraClaims: [ClaimConstraint] = [], subjectTemplate: SubjectTemplate? = nil,
                region: Region, audience: String? = nil, accountID: String, roleName: String,
                sessionDuration: Int? = nil) {
        self.flavor = flavor
        self.repositories = repositories
        self.extraClaims = extraClaims
        self.subjectTemplate = subjectTemplate
        self.region = region
        self.audience = audience ?? region.partition.defaultAudience
        self.accountID = accountID
        self.roleName = roleName
        self.sessionDuration = sessionDuration
    }

    public var partition: Partition { region.partition }

    /// The audience configure-aws-credentials requests when its `audience` input is not set (in every
    /// partition — China needs the input).
    public static let actionDefaultAudience = "sts.amazonaws.com"

    /// Whether the audience is this partition's usual one (`sts.amazonaws.com`, `.com.cn` in China).
    public var usesDefaultAudience: Bool { audience == partition.defaultAudience }

    /// Whether the workflow must pass `audience:` to configure-aws-credentials (China, or a custom audience).
    public var workflowNeedsAudience: Bool { audience != Self.actionDefaultAudience }

    /// `arn:<partition>:iam::<account>:oidc-provider/<issuer host>`.
    public var providerARN: String { flavor.providerARN(partition: partition, accountID: accountID) }

    /// `arn:<partition>:iam::<account>:role/<name>`.
    public var roleARN: String { "arn:\(partition.rawValue):iam::\(accountID):role/\(roleName)" }

    /// Every `sub` value (exact or pattern) the user meant, in order, without duplicates: one per
    /// repository and rule. The policy lists exactly these; the scenario builder checks them.
    public var intendedSubjects: [String] {
        // Built for the policy and the intent on every keystroke: each repository's prefix is worded once.
        var seen = SeenKeys<String>()
        var subjects: [String] = []
        for access in repositories {
            let prefix = subjectTemplate == nil ? access.repository.subjectPrefix + ":" : ""
            for rule in access.rules {
                let subject: String
                if let subjectTemplate {
                    guard let templated = subjectTemplate.subject(repository: access.repository, rule: rule) else { continue }
                    subject = templated
                } else {
                    subject = prefix + rule.subjectSuffix
                }
                if seen.insert(subject) { subjects.append(subject) }
            }
        }
        return subjects
    }

    /// Whether any subject is a pattern (then every subject goes under StringLike).
    public var subjectsAreGlobs: Bool { intendedSubjects.contains(where: \.containsGlob) }

    /// Whether a wildcard in an owner lets repositories of other GitHub accounts in — the hole that
    /// makes a role assumable by anyone on GitHub. Callers that write files ask for a second confirmation.
    public var opensToOtherOwners: Bool { repositories.contains { $0.repository.ownerIsGlob } }

    /// Where the workflow file goes, in words: "acme/app, acme/api"; a repository given as a pattern (`*/app`,
    /// `acme*/app`) is no place to commit to, so it is named as what the repositories match.
    public var commitTargets: String {
        let names = repositories.map(\.repository.fullName)
        let exact = names.filter { !$0.containsGlob }, patterns = names.filter(\.containsGlob)
        guard !patterns.isEmpty else { return exact.joined(separator: ", ") }
        let matching = "each repository matching " + patterns.joined(separator: ", ") + " that should get the role"
        return exact.isEmpty ? matching : exact.joined(separator: ", ") + " and " + matching
    }

    /// All rules of all repositories, first appearance first (the workflow triggers on their union).
    public var allRules: [AccessRule] {
        var seen: Set<AccessRule> = []
        return repositories.flatMap(\.rules).filter { seen.insert($0).inserted }
    }
}

/// One repository and the runs of it that may assume the role.
public struct RepositoryAccess: Hashable, Sendable {
    public var repository: RepositoryRef
    public var rules: [AccessRule]

    public init(repository: RepositoryRef, rules: [AccessRule]) {
        self.repository = repository
        self.rules = rules
    }
}
