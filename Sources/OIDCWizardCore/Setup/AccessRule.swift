/// Which runs of a repository may assume the role: the part of the subject after `repo:owner/name:`.
///
/// GitHub picks the subject by precedence — a job with an `environment:` always sends the environment
/// subject, then a `pull_request` event sends `pull_request`, else the ref. So each rule names one
/// kind of run, and the workflow generator has to produce jobs that really send it.
public enum AccessRule: Hashable, Sendable {
    /// Pushes (and anything else running on the branch) to branches matching the pattern (IAM glob).
    case branch(String)
    /// Runs on tags matching the pattern (IAM glob).
    case tag(String)
    /// Jobs that name this deployment environment.
    case environment(String)
    /// Runs triggered by `pull_request` (from branches of the repository; forks get no token).
    case pullRequest
    /// Every run of the repository: any branch, tag, pull request or environment. Only on explicit request.
    case anyContext

    /// `ref:refs/heads/main`, `ref:refs/tags/v*`, `environment:prod`, `pull_request` or `*`.
    public var subjectSuffix: String {
        switch self {
        case .branch(let pattern): "ref:refs/heads/\(pattern)"
        case .tag(let pattern): "ref:refs/tags/\(pattern)"
        case .environment(let name): "environment:\(name)"
        case .pullRequest: "pull_request"
        case .anyContext: "*"
        }
    }

    /// Whether the suffix is a pattern (needs StringLike).
    public var isGlob: Bool {
        switch self {
        case .branch(let pattern), .tag(let pattern): pattern.containsGlob
        case .environment(let name): name.containsGlob
        case .pullRequest: false
        case .anyContext: true
        }
    }

    /// A short description for people: "branch main", "tags v*", "environment prod", …
    public var displayName: String {
        switch self {
        case .branch(let pattern): pattern.containsGlob ? "branches \(pattern)" : "branch \(pattern)"
        case .tag(let pattern): pattern.containsGlob ? "tags \(pattern)" : "tag \(pattern)"
        case .environment(let name): "environment \(name)"
        case .pullRequest: "pull requests"
        case .anyContext: "any branch, tag, pull request or environment"
        }
    }
}
