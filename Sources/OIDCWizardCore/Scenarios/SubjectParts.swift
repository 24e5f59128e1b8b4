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
        // Over the subject's bytes at integer offsets (`UTF8Bytes`): the table parses every run's subject on
        // every keystroke.
        var text = sub
        guard let parsed = text.withUTF8(Self.parse) else { return nil }
        self = parsed
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> SubjectParts? {
        let ownerStart = 5
        guard bytes.starts(with: "repo:") else { return nil }
        // The owner ends at the first `/`, which comes before any `:`; the name ends at the next `:`.
        guard let slash = bytes[ownerStart...].firstIndex(of: UInt8(ascii: "/")), slash != ownerStart,
              let colon = bytes[ownerStart...].firstIndex(of: UInt8(ascii: ":")), colon > slash + 1 else { return nil }
        let (owner, ownerID) = bytes.splitID(ownerStart..<slash)
        let (name, repositoryID) = bytes.splitID(slash + 1..<colon)
        return SubjectParts(owner: owner, ownerID: ownerID, name: name, repositoryID: repositoryID,
                            context: SubjectContext(parsing: UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])))
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
        var text = text
        self = text.withUTF8(SubjectContext.init(parsing:))
    }

    /// `bytes`: the context's UTF-8. Prefixes compared in bytes (ASCII), the rest cut at the same offset: runs
    /// for every table row.
    init(parsing bytes: UnsafeBufferPointer<UInt8>) {
        func after(_ prefix: StaticString) -> String? {
            guard bytes.starts(with: prefix) else { return nil }
            return bytes.text(prefix.utf8CodeUnitCount..<bytes.count)
        }
        if let name = after("ref:refs/heads/") {
            self = .branch(name)
        } else if let name = after("ref:refs/tags/") {
            self = .tag(name)
        } else if let name = after("environment:") {
            self = .environment(name)
        } else {
            let text = bytes.text(0..<bytes.count)
            self = text == "pull_request" ? .pullRequest : .other(text)
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
