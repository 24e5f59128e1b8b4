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
        // Read from the UTF-8 buffer with integer offsets: this runs for every sub value and every attacker
        // subject on every keystroke, and the string views' index arithmetic cost several times more.
        // `/`, `:`, `@`, `*` and `?` are ASCII, so cutting at them always leaves whole characters.
        var text = value
        let parts = text.withUTF8(Self.parse)
        isRepositoryBound = parts.isRepositoryBound
        owner = parts.owner
        ownerID = parts.ownerID
        repository = parts.repository
        repositoryID = parts.repositoryID
        context = parts.context
        wildcardSite = parts.wildcardSite
    }

    private struct Parts {
        var isRepositoryBound = false
        var owner, ownerID, repository, repositoryID, context: String?
        var wildcardSite = WildcardSite.none
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parts {
        func isWild(_ byte: UInt8) -> Bool { byte == 0x2A || byte == 0x3F }
        var parts = Parts()
        guard bytes.starts(with: "repo:") else {
            // Not bound to a repository up front: a template subject, or `*`. A wildcard anywhere in it
            // lets other owners in as much as the fixed text does (the template itself binds nothing).
            parts.wildcardSite = bytes.contains(where: isWild) ? .owner : .none
            return parts
        }
        parts.isRepositoryBound = true
        let ownerStart = 5
        let slash = bytes[ownerStart...].firstIndex(of: 0x2F)
        let ownerEnd = slash ?? bytes.count
        (parts.owner, parts.ownerID) = bytes.splitID(ownerStart..<ownerEnd)
        // Only a wildcard in the owner's NAME opens the owner: `acme@*` still names acme (any id of it is
        // the name-only risk, judged as such), and without a `/` the owner never ends.
        let ownerNameEnd = bytes[ownerStart..<ownerEnd].firstIndex(of: 0x40) ?? ownerEnd
        if bytes[ownerStart..<ownerNameEnd].contains(where: isWild) || slash == nil {
            // `repo:*`, `repo:acme*`, `repo:acm?/app`: the owner is a pattern (or there is no `/` at all,
            // so the owner never ends): other accounts match.
            parts.wildcardSite = bytes.contains(where: isWild) ? .owner : .none
            return parts
        }
        let repoStart = ownerEnd + 1
        let colon = bytes[repoStart...].firstIndex(of: 0x3A)
        let repoEnd = colon ?? bytes.count
        (parts.repository, parts.repositoryID) = bytes.splitID(repoStart..<repoEnd)
        let repoNameEnd = bytes[repoStart..<repoEnd].firstIndex(of: 0x40) ?? repoEnd
        if bytes[repoStart..<repoNameEnd].contains(where: isWild) {
            parts.wildcardSite = .repository
            return parts
        }
        if let colon {
            let contextStart = colon + 1
            parts.context = bytes.text(contextStart..<bytes.count)
            parts.wildcardSite = bytes[contextStart...].contains(where: isWild) ? .context : .none
        }
        return parts
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
        // The prefixes are ASCII, so what follows one starts at its byte count (dropping characters would walk them).
        func after(_ prefix: String) -> String { String(decoding: context.utf8.dropFirst(prefix.utf8.count), as: UTF8.self) }
        if context == "*" { return .anything }
        if context.hasPrefix("ref:refs/heads/") { return .branch(after("ref:refs/heads/")) }
        if context.hasPrefix("ref:refs/tags/") { return .tag(after("ref:refs/tags/")) }
        if context.hasPrefix("environment:") { return .environment(after("environment:")) }
        if context == "pull_request" { return .pullRequest }
        return .other(context)
    }
}

extension StringProtocol {
    /// Whether IAM's StringLike would read this as a pattern. Byte-level: no Foundation search in hot paths; on
    /// the text's buffer where it has one (stepping through the UTF-8 view costs several times more, and this is
    /// asked of every value, name and probe on every keystroke).
    var hasWildcard: Bool {
        func scan(_ bytes: some Sequence<UInt8>) -> Bool { bytes.contains { $0 == 0x2A || $0 == 0x3F } }
        return utf8.withContiguousStorageIfAvailable(scan) ?? scan(utf8)
    }
}
