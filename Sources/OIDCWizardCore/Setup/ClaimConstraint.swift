/// The token claims IAM can test besides `sub` and `aud` (AWS STS, 2026-01). Any other claim name is
/// simply absent from the request, so a condition on it either never matches or always does.
public enum IAMClaim: String, Hashable, Sendable, CaseIterable {
    case jobWorkflowRef = "job_workflow_ref"
    case repositoryID = "repository_id"
    case environment
    case ref
    case actor
    case actorID = "actor_id"
    case workflow
    case repository
    case enterpriseID = "enterprise_id"

    /// What the claim holds, for help texts.
    public var meaning: String {
        switch self {
        case .jobWorkflowRef: "the workflow file that defines the job, e.g. acme/ci/.github/workflows/deploy.yml@refs/heads/main"
        case .repositoryID: "the repository's numeric id, which never changes and is never reused"
        case .environment: "the deployment environment the job names"
        case .ref: "the git ref the run is on, e.g. refs/heads/main"
        case .actor: "the GitHub user who started the run"
        case .actorID: "the numeric id of the user who started the run"
        case .workflow: "the workflow's name"
        case .repository: "owner/repo"
        case .enterpriseID: "the numeric id of the GitHub enterprise"
        }
    }
}

/// One extra condition on a token claim: the claim must equal (or, with `*`/`?`, match) one of the values.
public struct ClaimConstraint: Hashable, Sendable {
    public var claim: IAMClaim
    /// Alternatives: the claim must match one of them.
    public var values: [String]

    public init(claim: IAMClaim, values: [String]) {
        self.claim = claim
        self.values = values
    }

    public var isGlob: Bool { values.contains(where: \.containsGlob) }
}
