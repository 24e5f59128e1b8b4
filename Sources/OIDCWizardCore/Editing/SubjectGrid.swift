/// Reads a list of `sub` values back into the wizard's shape: repositories × rules.
///
/// The wizard's model has ONE list of rules shared by every repository, so a list of subjects fits it only
/// when it is exactly every listed repository combined with every listed rule — `repo:acme/app:ref:refs/heads/main`
/// and `repo:acme/api:ref:refs/heads/main` fit; the same two plus `repo:acme/app:environment:prod` alone do not
/// (`acme/api` would gain the environment on the next save). Anything else stays verbatim.
struct SubjectGrid: Hashable, Sendable {
    /// `owner/repo` or `owner@id/repo@id`, in order of first appearance.
    var repositories: [String]
    /// The rules, in order of first appearance.
    var rules: [AccessRule]

    /// Nil when a value is not a default-format subject or the values are not a full grid.
    init?(subjects: [String]) {
        var repositories: [String] = []
        var rules: [AccessRule] = []
        var cells: Set<String> = []
        for subject in subjects {
            guard let (repository, rule) = Self.split(subject) else { return nil }
            if !repositories.contains(repository) { repositories.append(repository) }
            if !rules.contains(rule) { rules.append(rule) }
            cells.insert("\(repository)\u{0}\(rule.subjectSuffix)")
        }
        guard !repositories.isEmpty, cells.count == repositories.count * rules.count else { return nil }
        self.repositories = repositories
        self.rules = rules
    }

    /// `repo:<repository>:<context>` → the repository text and the rule the context names.
    static func split(_ subject: String) -> (String, AccessRule)? {
        guard subject.hasPrefix("repo:") else { return nil }
        let rest = subject.dropFirst("repo:".count)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let repository = String(rest[..<colon])
        guard repository.contains("/") else { return nil }
        guard let rule = rule(context: String(rest[rest.index(after: colon)...])) else { return nil }
        return (repository, rule)
    }

    /// The rule a subject's context part names, e.g. `ref:refs/heads/main` → branch main.
    static func rule(context: String) -> AccessRule? {
        if context == "*" { return .anyContext }
        if context == "pull_request" { return .pullRequest }
        if context.hasPrefix("ref:refs/heads/"), context.count > "ref:refs/heads/".count {
            return .branch(String(context.dropFirst("ref:refs/heads/".count)))
        }
        if context.hasPrefix("ref:refs/tags/"), context.count > "ref:refs/tags/".count {
            return .tag(String(context.dropFirst("ref:refs/tags/".count)))
        }
        if context.hasPrefix("environment:"), context.count > "environment:".count {
            return .environment(String(context.dropFirst("environment:".count)))
        }
        return nil
    }
}
