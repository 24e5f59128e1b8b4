/// What the person meant the policy to allow, when that is known (the wizard's or `generate`'s setup).
///
/// Without an intent the analysis and the scenarios infer the intended owners and repositories from the
/// policy's own exact values; with one they can say "acme/app was meant, acme-evil/app gets in".
public struct PolicyIntent: Hashable, Sendable {
    public var flavor: GitHubFlavor
    public var partition: Partition
    public var audience: String
    public var accountID: String
    /// The repositories and, for each, the runs that may assume the role.
    public var repositories: [RepositoryAccess]
    /// Every `sub` value (exact or pattern) the user asked for.
    public var subjects: [String]
    /// A role that deploys (writes to an AWS account): broad access within one repository matters more.
    public var isDeployRole: Bool

    public init(flavor: GitHubFlavor, partition: Partition, audience: String, accountID: String,
                repositories: [RepositoryAccess], subjects: [String], isDeployRole: Bool = true) {
        self.flavor = flavor
        self.partition = partition
        self.audience = audience
        self.accountID = accountID
        self.repositories = repositories
        self.subjects = subjects
        self.isDeployRole = isDeployRole
    }

    public init(setup: Setup) {
        self.init(flavor: setup.flavor, partition: setup.partition, audience: setup.audience,
                  accountID: setup.accountID, repositories: setup.repositories, subjects: setup.intendedSubjects)
    }

    /// The owners the user meant, in order, without duplicates.
    public var owners: [String] {
        var seen: Set<String> = []
        return repositories.map(\.repository.owner).filter { seen.insert($0).inserted }
    }
}
