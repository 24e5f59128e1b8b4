/// A third-party action pinned to a full release commit, with the version written as a comment — what
/// zizmor and GitHub's hardening guide ask for. Commits from domain.md (checked 2026-11).
public struct PinnedAction: Hashable, Sendable {
    public var repository: String
    public var version: String
    public var commit: String

    /// `owner/repo@<sha>` — the `uses:` value.
    public var uses: String { "\(repository)@\(commit)" }

    public static let checkout = PinnedAction(
        repository: "actions/checkout", version: "v7.0.1", commit: "3d3c42e5aac5ba805825da76410c181273ba90b1")
    public static let configureAWSCredentials = PinnedAction(
        repository: "aws-actions/configure-aws-credentials", version: "v6.2.3",
        commit: "e6de054238d6b7531b4efff3b6587d9aade6a06c")

    public static let all: [PinnedAction] = [.checkout, .configureAWSCredentials]
}
