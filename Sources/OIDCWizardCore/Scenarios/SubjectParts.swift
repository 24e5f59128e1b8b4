/// A GitHub `sub` in the default form, split into the parts people think in:
/// `repo:<owner>[@<owner id>]/<name>[@<repository id>]:<context>`.
///
/// Custom templates that start with the `repo:` binding parse too; their context is `.other`.
struct SubjectParts: Hashable, Sendable {
    var owner: String
    var ownerID: String?
    var name: String
    var repositoryID: String?
    var context: SubjectContext

    init(owner: String, ownerID: String? = nil, name: String, repositoryID: String? = nil, context: SubjectContext) {
        self.owner = owner
        self.ownerID = ownerID
        self.name = name
        self.repositoryID = repositoryID
        self.context = context
    }

    /// Splits `sub`; nil when it does not start with `repo:<owner>/<name>:`.
    init?(parsing sub: String) {
        // Byte-level: the table parses every run's subject on every keystroke. `/`, `:` and `@` are ASCII,
        // so their UTF-8 positions are valid String indices.
        guard sub.hasPrefix("repo:") else { return nil }
        let bytes = sub.utf8
        let ownerStart = bytes.index(bytes.startIndex, offsetBy: 5)
        guard let slash = bytes[ownerStart...].firstIndex(of: 0x2F) else { return nil }
        let nameStart = bytes.index(after: slash)
        guard let colon = bytes[nameStart...].firstIndex(of: 0x3A), slash != ownerStart, colon != nameStart,
              !bytes[ownerStart..<slash].contains(0x3A) else { return nil }
        (owner, ownerID) = Self.splitID(sub[ownerStart..<slash])
        (name, repositoryID) = Self.splitID(sub[nameStart..<colon])
        context = SubjectContext(parsing: String(sub[bytes.index(after: colon)...]))
    }

    private static func splitID(_ part: Substring) -> (String, String?) {
        guard let at = part.utf8.firstIndex(of: 0x40) else { return (String(part), nil) }
        return (String(part[..<at]), String(part[part.utf8.index(after: at)...]))
    }

    var hasIDs: Bool { ownerID != nil || repositoryID != nil }

    /// `acme/app` or `acme@1/app@2`.
    var repository: String {
        let o = ownerID.map { "\(owner)@\($0)" } ?? owner
        let n = repositoryID.map { "\(name)@\($0)" } ?? name
        return "\(o)/\(n)"
    }

    var fullName: String { "\(owner)/\(name)" }

    var text: String { "repo:\(repository):\(context.text)" }

    /// The same subject without the ids (the legacy, name-only form).
    var nameOnly: SubjectParts {
        var copy = self
        copy.ownerID = nil
        copy.repositoryID = nil
        return copy
    }
}

/// The part of a default subject after `repo:<owner>/<name>:`.
enum SubjectContext: Hashable, Sendable {
    case branch(String)
    case tag(String)
    case environment(String)
    case pullRequest
    /// Anything else: a custom template's tail, or a pattern such as `*`.
    case other(String)

    init(parsing text: String) {
        // Prefixes compared in bytes (ASCII), the rest cut at the same byte offset: runs for every table row.
        func after(_ prefix: StaticString) -> String? {
            let head = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            guard text.utf8.starts(with: head) else { return nil }
            return String(text.utf8.dropFirst(head.count))
        }
        if let name = after("ref:refs/heads/") {
            self = .branch(name)
        } else if let name = after("ref:refs/tags/") {
            self = .tag(name)
        } else if let name = after("environment:") {
            self = .environment(name)
        } else if text == "pull_request" {
            self = .pullRequest
        } else {
            self = .other(text)
        }
    }

    var text: String {
        switch self {
        case .branch(let name): "ref:refs/heads/\(name)"
        case .tag(let name): "ref:refs/tags/\(name)"
        case .environment(let name): "environment:\(name)"
        case .pullRequest: "pull_request"
        case .other(let text): text
        }
    }

    /// Whether the context is one of GitHub's own kinds (a branch, tag, environment or pull request).
    var isConcreteKind: Bool {
        if case .other = self { return false }
        return true
    }

    /// The `ref` claim a run with this context carries.
    var ref: String? {
        switch self {
        case .branch(let name): "refs/heads/\(name)"
        case .tag(let name): "refs/tags/\(name)"
        case .pullRequest: "refs/pull/1/merge"
        // A job naming an environment runs on some branch; the default branch is the usual one.
        case .environment: "refs/heads/main"
        case .other: nil
        }
    }

    var environment: String? {
        if case .environment(let name) = self { return name }
        return nil
    }

    /// "push to main", "tag v1.0.0", "pull request", "job in environment prod".
    func describe(in repository: String) -> String {
        switch self {
        case .branch(let name): "push to \(name) in \(repository)"
        case .tag(let name): "tag \(name) in \(repository)"
        case .pullRequest: "pull request in \(repository)"
        case .environment(let name): "job in environment \(name) of \(repository)"
        case .other(let text): "run of \(repository) with subject context \"\(text)\""
        }
    }
}
