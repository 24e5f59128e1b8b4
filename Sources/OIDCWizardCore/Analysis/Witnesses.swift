/// Concrete subjects an attacker can make GitHub send that a policy pattern matches, built part by part.
///
/// A wildcard is filled with text valid for the part it sits in — an owner name in the owner part, a
/// repository name in the repository part, a branch or a whole context in the context — and every
/// result must match the pattern and pass `SubjectGrammar.canBeSent`. A pattern for which no valid
/// subject can be built has no witness (it proves nothing about who gets in). Ids are always the
/// attacker's own: nobody else can produce an id the policy pins, since ids are never reused.
enum Witnesses {
    static let attackerOwnerID = "900000001"
    static let attackerRepositoryID = "900000002"

    /// The parts an attacker can choose, besides what each pattern suggests, most telling first.
    struct Parts {
        var owners: [String]
        var repositories: [String]
        /// Whole contexts: `ref:refs/heads/main`, `environment:prod`, `pull_request`, …
        var contexts: [String]
    }

    /// Up to `limit` concrete, sendable subjects matching `pattern` (a StringLike value).
    static func subjects(matching pattern: String, parts: Parts, limit: Int = 4) -> [String] {
        guard pattern.hasWildcard, !pattern.mentionsPolicyVariable else { return [] }
        let glob = WildcardPattern(glob: pattern)
        var found: [String] = []
        func consider(_ subject: String) -> Bool {
            guard !found.contains(subject), glob.matches(subject), SubjectGrammar.canBeSent(subject) else { return false }
            found.append(subject)
            return found.count >= limit
        }
        if pattern.hasPrefix("repo:") || pattern.first == "*" || pattern.first == "?" {
            let split = DefaultPattern(pattern)
            let owners = split.owner.map { fill($0, kind: .owner) + (split.ownerIsLiteral ? [] : parts.owners) } ?? parts.owners
            let repositories = split.repository.map { fill($0, kind: .repository) + (split.repositoryIsLiteral ? [] : parts.repositories) } ?? parts.repositories
            var contexts = split.context.map { fillContext($0) + ($0.hasWildcard ? parts.contexts : []) } ?? parts.contexts
            // `repo:*:environment:prod`: the fixed text after the last wildcard is the context to send.
            if split.context == nil, let last = pattern.lastIndex(where: { $0 == "*" || $0 == "?" }) {
                let tail = pattern[pattern.index(after: last)...]
                if tail.hasPrefix(":"), SubjectGrammar.canBeSent("repo:a/b\(tail)") { contexts.insert(String(tail.dropFirst()), at: 0) }
            }
            // Ids: an id the pattern writes exactly belongs to someone else; only a wildcard id (or a
            // wildcard that spans the whole name) can be the attacker's.
            var idForms: [Bool] = []
            if split.ownerID == nil || split.ownerID!.hasWildcard, split.repositoryID == nil || split.repositoryID!.hasWildcard {
                if !split.writesIDs { idForms.append(false) }
                if split.writesIDs || split.spans { idForms.append(true) }
            }
            // Only combinations the pattern can match are built: the subject must start with the
            // pattern's text before its first wildcard and end with its text after the last one.
            let head = Array(pattern.utf8.prefix { $0 != 0x2A && $0 != 0x3F })
            let tailReversed = Array(pattern.utf8.reversed().prefix { $0 != 0x2A && $0 != 0x3F })
            let ownerChoices = unique(owners).prefix(5), repositoryChoices = unique(repositories).prefix(4)
            let contextChoices = unique(contexts).prefix(10)
            for withIDs in idForms {
                for owner in ownerChoices {
                    for repository in repositoryChoices {
                        let binding = withIDs ? "repo:\(owner)@\(attackerOwnerID)/\(repository)@\(attackerRepositoryID):" : "repo:\(owner)/\(repository):"
                        guard Self.agree(binding.utf8, head) else { continue }
                        for context in contextChoices where context.utf8.count < tailReversed.count || context.utf8.reversed().starts(with: tailReversed) {
                            if consider(binding + context) { return found }
                        }
                    }
                }
            }
        }
        // `*acme/app:…`: one leading wildcard before fixed text — the attacker's owner name ends in it.
        if pattern.first == "*", !pattern.dropFirst().hasWildcard {
            for head in ["repo:zz-attacker-", "repo:evil", "repo:zz-attacker/", "repo:zz-attacker/app:", ""]
            where consider(head + pattern.dropFirst()) { return found }
        }
        if !pattern.hasPrefix("repo:") || found.isEmpty {
            for subject in templateFills(pattern) where consider(subject) { return found }
        }
        return found
    }

    /// A `repo:`-pattern split at its literal separators. A part is nil when a wildcard before it may
    /// span it (`repo:*` has no repository or context of its own).
    private struct DefaultPattern {
        var owner: String?
        var ownerID: String?
        var repository: String?
        var repositoryID: String?
        var context: String?
        var writesIDs = false
        /// A wildcard may stand for several parts at once.
        var spans = false

        var ownerIsLiteral: Bool { owner.map { !$0.hasWildcard } ?? false }
        var repositoryIsLiteral: Bool { repository.map { !$0.hasWildcard } ?? false }

        init(_ pattern: String) {
            guard pattern.hasPrefix("repo:") else { spans = true; return }
            let rest = pattern.dropFirst(5)
            guard let slash = rest.firstIndex(of: "/"), !rest[..<slash].contains(":") else { spans = true; return }
            (owner, ownerID) = Self.splitID(rest[..<slash])
            let afterSlash = rest[rest.index(after: slash)...]
            guard let colon = afterSlash.firstIndex(of: ":") else {
                // `repo:acme/*`: the repository's wildcard also covers the context.
                let text = String(afterSlash)
                if text.hasWildcard { spans = true } else { (repository, repositoryID) = Self.splitID(afterSlash) }
                writesIDs = ownerID != nil
                return
            }
            (repository, repositoryID) = Self.splitID(afterSlash[..<colon])
            context = String(afterSlash[afterSlash.index(after: colon)...])
            writesIDs = ownerID != nil || repositoryID != nil
            if (owner?.hasSuffix("*") ?? false) || (repository?.hasSuffix("*") ?? false) { spans = true }
        }

        private static func splitID(_ text: Substring) -> (String, String?) {
            guard let at = text.firstIndex(of: "@") else { return (String(text), nil) }
            return (String(text[..<at]), String(text[text.index(after: at)...]))
        }
    }

    enum Kind { case owner, repository, ref, environment, digits, word }

    /// The part's wildcards filled with text valid for the part; only results valid for it are kept.
    static func fill(_ text: String, kind: Kind) -> [String] {
        var out: [String] = []
        _ = firstFill(text, kind: kind) { result in
            if !out.contains(result) { out.append(result) }
            return false
        }
        return out
    }

    /// The first of `fill(text, kind:)`'s results that `accept` takes, built one at a time: the rules that
    /// probe the evaluator with fills stop at the first one it lets in, which is nearly always the first.
    static func firstFill(_ text: String, kind: Kind, where accept: (String) -> Bool = { _ in true }) -> String? {
        guard text.hasWildcard else { return accept(text) ? text : nil }
        let fillers: [String]
        switch kind {
        case .owner: fillers = text == "*" ? ["zz-attacker"] : ["-evil", "evil", "zz-attacker"]
        case .repository: fillers = text == "*" ? ["zz-other"] : ["-evil", "evil", "zz-other"]
        case .ref: fillers = ["-evil", "evil", "zz-unlisted"]
        case .environment, .word: fillers = ["-evil", "evil"]
        case .digits: fillers = [attackerOwnerID]
        }
        let single: UInt8 = kind == .digits ? UInt8(ascii: "9") : UInt8(ascii: "x")
        for filler in fillers {
            // Byte by byte: `*` and `?` are ASCII, so they never occur inside a multi-byte character, and this
            // runs for every wildcard value on every keystroke (grapheme iteration cost several times more).
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 2 * filler.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "*"): bytes.append(contentsOf: filler.utf8)
                case UInt8(ascii: "?"): bytes.append(single)
                default: bytes.append(byte)
                }
            }
            let result = String(decoding: bytes, as: UTF8.self)
            let valid: Bool
            switch kind {
            case .owner: valid = SubjectGrammar.validOwner(result)
            case .repository: valid = SubjectGrammar.validRepository(result)
            case .ref: valid = SubjectGrammar.validRefName(result)
            case .digits: valid = SubjectGrammar.validID(result)
            case .environment, .word: valid = !result.isEmpty
            }
            if valid, accept(result) { return result }
        }
        return nil
    }

    /// Contexts a context pattern matches: a branch, tag or environment filled as such; a wildcard that
    /// decides the kind of run (`*`, `ref:*`, `env*`) leaves the choice to the shared context list.
    static func fillContext(_ text: String) -> [String] {
        guard text.hasWildcard else { return [text] }
        for (prefix, kind) in [("ref:refs/heads/", Kind.ref), ("ref:refs/tags/", Kind.ref), ("environment:", Kind.environment)]
        where text.hasPrefix(prefix) {
            return fill(String(text.dropFirst(prefix.count)), kind: kind).map { prefix + $0 }
        }
        return []
    }

    /// A custom-template pattern (`environment:prod*`, `repository_owner:acme:environment:*`): each
    /// value filled for its claim, keys taken as written.
    static func templateFills(_ pattern: String) -> [String] {
        let tokens = pattern.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var position = 0
        while position < tokens.count {
            let key = tokens[position]
            guard !key.hasWildcard else { return [] }
            out.append(key)
            position += 1
            if key == "pull_request" { continue }
            guard position < tokens.count else { break }
            var value = tokens[position]
            if key == "context", value == "ref" || value == "environment", position + 1 < tokens.count {
                out.append(value)
                position += 1
                value = tokens[position]
            }
            let kind: Kind
            switch key {
            case "repository_owner", "actor": kind = .owner
            case "repository_id", "repository_owner_id", "actor_id", "enterprise_id": kind = .digits
            case "environment": kind = .environment
            default: kind = .word
            }
            if key == "ref" || (key == "context" && out.last == "ref"), value.hasPrefix("refs/heads/") || value.hasPrefix("refs/tags/") {
                let prefix = value.hasPrefix("refs/heads/") ? "refs/heads/" : "refs/tags/"
                guard let filled = firstFill(String(value.dropFirst(prefix.count)), kind: .ref) else { return [] }
                out.append(prefix + filled)
            } else if key == "repo" || key == "repository" {
                let halves = value.split(separator: "/", maxSplits: 1).map(String.init)
                guard halves.count == 2, let owner = firstFill(halves[0], kind: .owner),
                      let name = firstFill(halves[1], kind: .repository) else { return [] }
                out.append("\(owner)/\(name)")
            } else {
                guard let filled = firstFill(value, kind: kind) else { return [] }
                out.append(filled)
            }
            position += 1
        }
        return [out.joined(separator: ":")]
    }

    /// Whether `text` and `prefix` agree on their common length (one is a prefix of the other).
    private static func agree(_ text: String.UTF8View, _ prefix: [UInt8]) -> Bool {
        zip(text, prefix).allSatisfy { $0 == $1 }
    }

    /// The values without repeats, in order (a handful each: a linear check beats hashing).
    private static func unique(_ values: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(values.count)
        for value in values where !out.contains(value) { out.append(value) }
        return out
    }
}
