/// Every help topic the binary knows, read from the texts compiled into it.
public enum HelpLibrary {
    /// All topics, sorted by id. A malformed embedded text is skipped rather than crashing the
    /// wizard; `EmbeddedHelpTests` guarantees none ships.
    public static let topics: [HelpTopic] = EmbeddedHelp.sources.compactMap {
        HelpTopic(id: $0.id, markdown: $0.markdown)
    }

    private static let byID: [String: HelpTopic] = Dictionary(
        topics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }
    )

    /// The topic with this id (e.g. `"audience"`), or nil when there is none.
    public static func topic(_ id: String) -> HelpTopic? { byID[id] }

    /// The topics the wizard's fields and screens rely on. Tests check each exists, so a field's
    /// `?` never opens an empty box.
    public static let requiredTopicIDs: [String] = [
        "oidc", "trust-policy", "github-flavor", "enterprise-slug", "ghe-subdomain", "enterprise-server-host",
        "owner", "repository", "immutable-ids", "subject", "branches", "tags", "environments", "pull-requests",
        "any-context", "extra-claims", "subject-template", "audience", "region", "partition", "account-id",
        "role-name", "session-duration", "output-directory", "findings", "scenarios", "wildcards", "keys",
    ]
}
