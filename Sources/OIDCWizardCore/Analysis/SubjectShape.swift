/// A `sub` value (exact or pattern) taken apart the way GitHub builds it, so rules can ask "is the owner
/// a pattern?", "which context does it trust?" without re-parsing text.
///
/// Default subjects are `repo:<owner>[@id]/<repo>[@id]:<context>`. Custom templates give `key:value`
/// pairs (`repo:acme/app:environment:prod:job_workflow_ref:…`, or without `repo` at all).
struct SubjectShape: Equatable {
    /// Where the first wildcard sits, which decides how far a pattern opens.
    enum WildcardSite: Equatable {
        case none
        /// The whole value or the owner: other GitHub accounts match.
        case owner
        /// The repository name: other repositories of the owner match.
        case repository
        /// After `owner/repo:`: other runs of the same repository match.
        case context
    }

    var value: String
    /// Starts with `repo:` (default subject or a template that starts with the repository binding).
    var isRepositoryBound: Bool
    var owner: String?
    var ownerID: String?
    var repository: String?
    var repositoryID: String?
    /// Everything after `repo:<owner>/<repo>:`, e.g. `ref:refs/heads/main`, `environment:prod`, `*`.
    var context: String?
    var wildcardSite: WildcardSite

    /// `owner/repo` as written (without ids), lower-cased for comparisons.
    var fullNameKey: String? {
        guard let owner, let repository else { return nil }
        return "\(owner)/\(repository)".lowercased()
    }

    var hasWildcard: Bool { wildcardSite != .none }

    init(_ value: String) {
        self.value = value
        let scalars = Array(value.unicodeScalars)
        func isWild(_ scalar: Unicode.Scalar) -> Bool { scalar == "*" || scalar == "?" }
        let prefix = Array("repo:".unicodeScalars)
        guard scalars.count >= prefix.count, Array(scalars[0..<prefix.count]) == prefix else {
            isRepositoryBound = false
            // Not bound to a repository up front: a template subject, or `*`. A wildcard anywhere in it
            // lets other owners in as much as the fixed text does (the template itself binds nothing).
            wildcardSite = scalars.contains(where: isWild) ? .owner : .none
            return
        }
        isRepositoryBound = true
        var position = prefix.count
        // Owner segment: up to `/`.
        var ownerScalars: [Unicode.Scalar] = []
        while position < scalars.count, scalars[position] != "/" {
            ownerScalars.append(scalars[position])
            position += 1
        }
        let ownerText = String(String.UnicodeScalarView(ownerScalars))
        if ownerScalars.contains(where: isWild) || position >= scalars.count {
            // `repo:*`, `repo:acme*`, `repo:acm?/app`: the owner is a pattern (or there is no `/` at all,
            // so the owner never ends): other accounts match.
            wildcardSite = ownerScalars.contains(where: isWild) || scalars.contains(where: isWild) ? .owner : .none
            (owner, ownerID) = Self.splitID(ownerText)
            return
        }
        (owner, ownerID) = Self.splitID(ownerText)
        position += 1
        var repoScalars: [Unicode.Scalar] = []
        while position < scalars.count, scalars[position] != ":" {
            repoScalars.append(scalars[position])
            position += 1
        }
        (repository, repositoryID) = Self.splitID(String(String.UnicodeScalarView(repoScalars)))
        if repoScalars.contains(where: isWild) {
            wildcardSite = .repository
            return
        }
        if position < scalars.count {
            let contextScalars = scalars[(position + 1)...]
            context = String(String.UnicodeScalarView(contextScalars))
            wildcardSite = contextScalars.contains(where: isWild) ? .context : .none
        } else {
            wildcardSite = .none
        }
    }

    /// `acme@123` → (`acme`, `123`).
    private static func splitID(_ text: String) -> (String, String?) {
        guard let at = text.firstIndex(of: "@") else { return (text, nil) }
        return (String(text[..<at]), String(text[text.index(after: at)...]))
    }

    /// Whether this is a default-form subject for one exact repository (owner and repository glob-free).
    var namesExactRepository: Bool {
        isRepositoryBound && wildcardSite != .owner && wildcardSite != .repository && owner != nil && repository != nil
    }

    /// The kind of run the context names: `ref:refs/heads/<b>` → branch, etc.
    enum ContextKind: Equatable {
        case branch(String)
        case tag(String)
        case environment(String)
        case pullRequest
        case anything
        case other(String)
    }

    var contextKind: ContextKind? {
        guard let context else { return nil }
        if context == "*" { return .anything }
        if context.hasPrefix("ref:refs/heads/") { return .branch(String(context.dropFirst("ref:refs/heads/".count))) }
        if context.hasPrefix("ref:refs/tags/") { return .tag(String(context.dropFirst("ref:refs/tags/".count))) }
        if context.hasPrefix("environment:") { return .environment(String(context.dropFirst("environment:".count))) }
        if context == "pull_request" { return .pullRequest }
        return .other(context)
    }
}
