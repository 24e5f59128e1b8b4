/// One GitHub repository as it appears in the subject: `owner/name`, or with the immutable ids
/// `owner@ownerID/name@repositoryID` that GitHub sends for repositories created or renamed since
/// 2026-07-15 (and for older ones whose admin opted in). A repository emits one form, never both.
public struct RepositoryRef: Hashable, Sendable {
    public var owner: String
    public var name: String
    public var ownerID: String?
    public var repositoryID: String?

    public init(owner: String, name: String, ownerID: String? = nil, repositoryID: String? = nil) {
        self.owner = owner
        self.name = name
        self.ownerID = ownerID
        self.repositoryID = repositoryID
    }

    /// Whether the subject uses the immutable `owner@id/name@id` form.
    public var usesImmutableSubject: Bool { ownerID != nil && repositoryID != nil }

    /// `owner/name` or `owner@1/name@2`: the value GitHub puts after `repo:`.
    public var subjectRepository: String {
        if let ownerID, let repositoryID { return "\(owner)@\(ownerID)/\(name)@\(repositoryID)" }
        return "\(owner)/\(name)"
    }

    /// `repo:owner/name` or `repo:owner@1/name@2`.
    public var subjectPrefix: String { "repo:\(subjectRepository)" }

    /// `owner/name` as people write it (without ids).
    public var fullName: String { "\(owner)/\(name)" }

    /// A wildcard in the owner lets repositories of other GitHub accounts in.
    public var ownerIsGlob: Bool { owner.containsGlob }
    public var nameIsGlob: Bool { name.containsGlob }
}

extension String {
    /// Whether IAM's StringLike would treat this text as a pattern (`*` or `?`).
    var containsGlob: Bool { hasWildcard }
}
