/// What GitHub can actually put in `sub`, and how to build concrete subjects part by part.
///
/// A subject is a list of `key:value` pairs of claim names (domain.md): the default form is the
/// template `repo, context` (`repo:<owner>[@id]/<repo>[@id]:<context>`, the context being
/// `ref:refs/heads/<branch>`, `ref:refs/tags/<tag>`, `environment:<name>` or `pull_request`), a custom
/// template any list of claim keys. Anything else (`refs/heads/main`, `acme/app:…`, `repo:acme/app:main`,
/// the empty string) is never sent, so a policy value that needs it never matches — and an "attacker
/// subject" of that shape proves nothing. Every witness the analysis evaluates passes `canBeSent`.
enum SubjectGrammar {
    /// Whether GitHub can send exactly `subject` (taken literally: `*` and `?` are characters here, and
    /// no GitHub name contains them).
    static func canBeSent(_ subject: String) -> Bool {
        guard !subject.isEmpty else { return false }
        let tokens = subject.split(separator: ":", omittingEmptySubsequences: false)
        var position = 0
        var first = true
        while position < tokens.count {
            let key = tokens[position]
            position += 1
            switch key {
            case "repo":
                guard position < tokens.count, validRepositoryPair(tokens[position]) else { return false }
                position += 1
                // The default form's context directly after `repo`: `pull_request` stands alone, and last.
                if position < tokens.count, tokens[position] == "pull_request" {
                    return position + 1 == tokens.count
                }
            case "context":
                guard position < tokens.count else { return false }
                let kind = tokens[position]
                position += 1
                if kind == "pull_request" { break }
                guard kind == "ref" || kind == "environment", position < tokens.count,
                      validValue(of: String(kind), tokens[position]) else { return false }
                position += 1
            case "pull_request":
                return false
            default:
                guard SubjectTemplate.knownKeys.contains(String(key)), position < tokens.count,
                      validValue(of: String(key), tokens[position]) else { return false }
                position += 1
            }
            first = false
        }
        return !first
    }

    /// Whether `subject` is in GitHub's default form: `repo:<owner>[@id]/<repo>[@id]:` and one context.
    static func isDefaultForm(_ subject: String) -> Bool {
        let tokens = subject.split(separator: ":", omittingEmptySubsequences: false)
        guard tokens.count >= 3, tokens[0] == "repo", validRepositoryPair(tokens[1]) else { return false }
        switch tokens.count {
        case 3: return tokens[2] == "pull_request"
        case 4: return (tokens[2] == "ref" || tokens[2] == "environment") && validValue(of: String(tokens[2]), tokens[3])
        default: return false
        }
    }

    /// `owner[@id]/repo[@id]`, both ids or none.
    static func validRepositoryPair(_ text: Substring) -> Bool {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return false }
        let owner = halves[0].split(separator: "@", omittingEmptySubsequences: false)
        let repository = halves[1].split(separator: "@", omittingEmptySubsequences: false)
        guard owner.count <= 2, repository.count <= 2, owner.count == repository.count,
              validOwner(owner[0]), validRepository(repository[0]) else { return false }
        if owner.count == 2 { return validID(owner[1]) && validID(repository[1]) }
        return true
    }

    static func validValue(of key: String, _ value: Substring) -> Bool {
        switch key {
        case "ref":
            if value.hasPrefix("refs/heads/") { return validRefName(value.dropFirst("refs/heads/".count)) }
            if value.hasPrefix("refs/tags/") { return validRefName(value.dropFirst("refs/tags/".count)) }
            return value.hasPrefix("refs/pull/")
        case "environment": return !value.isEmpty && !value.hasWildcard
        case "repository": return validRepositoryPair(value)
        case "repository_owner", "actor": return validOwner(value)
        case "repository_id", "repository_owner_id", "actor_id", "enterprise_id": return validID(value)
        default: return !value.hasWildcard
        }
    }

    /// GitHub's owner rules: 1–39 ASCII letters, digits and single hyphens, not at either end.
    static func validOwner<S: StringProtocol>(_ name: S) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 39, bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        var previousHyphen = false
        for byte in bytes {
            let hyphen = byte == 0x2D
            guard hyphen || isAlphanumeric(byte), !(hyphen && previousHyphen) else { return false }
            previousHyphen = hyphen
        }
        return true
    }

    /// GitHub's repository rules: 1–100 ASCII letters, digits, `.`, `-`, `_`; not `.` or `..`.
    static func validRepository<S: StringProtocol>(_ name: S) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= 100, name != ".", name != ".." else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }
    }

    /// git's ref-name rules (check-ref-format) as far as they matter for a subject.
    static func validRefName(_ name: String) -> Bool { validRefName(name[...]) }

    /// The same, byte by byte (no Foundation search: this runs for every attacker candidate).
    static func validRefName(_ name: Substring) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("/"), !name.hasSuffix("/"), !name.hasSuffix("."),
              !name.utf8.containsBytes("..".utf8), !name.utf8.containsBytes("//".utf8),
              !name.utf8.containsBytes("@{".utf8) else { return false }
        for byte in name.utf8 {
            switch byte {
            case 0...0x20, 0x7F, 0x7E, 0x5E, 0x3A, 0x3F, 0x2A, 0x5B, 0x5C: return false
            default: continue
            }
        }
        return !name.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasSuffix(".lock") }
    }

    static func validID<S: StringProtocol>(_ id: S) -> Bool {
        !id.isEmpty && id.utf8.count <= 20 && id.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }

    // MARK: - Can a pattern ever match?

    /// Why no subject GitHub sends can ever match `value` under `op`, or nil when one can (or when it
    /// cannot be decided without guessing: the analysis reports "never matches" only when it is sure).
    ///
    /// Exact values are checked against the grammar. A pattern is judged by the fixed text before its
    /// first wildcard — every complete `key:value` pair there must be one GitHub builds — and by the
    /// escapes `${*}`/`${?}`, which stand for a literal `*`/`?` that no GitHub name contains.
    static func neverSentReason(_ value: String, patterns: Bool, variables: Bool) -> String? {
        if variables, value.contains("${*}") || value.contains("${?}") {
            return "${*} and ${?} stand for a literal * or ? (not a wildcard), and no branch, tag, environment or repository name contains one"
        }
        if variables, value.contains("${") { return nil }
        guard patterns, value.hasWildcard else {
            if value.hasWildcard { return nil } // StringEquals with a wildcard: wildcard-under-stringequals says it.
            return canBeSent(value) ? nil : grammarHint(value)
        }
        let fixed = value.prefix { $0 != "*" && $0 != "?" }
        var tokens = fixed.split(separator: ":", omittingEmptySubsequences: false)
        let partial = tokens.removeLast()
        // Walk the complete tokens as the grammar does; the unfinished last token is only a prefix.
        var awaiting: Substring?
        var afterRepository = false
        for token in tokens {
            if let key = awaiting {
                awaiting = nil
                switch key {
                case "repo":
                    guard validRepositoryPair(token) else { return grammarHint(value) }
                    afterRepository = true
                case "context":
                    if token == "ref" || token == "environment" { awaiting = "context value" }
                    else if token != "pull_request" { return grammarHint(value) }
                default:
                    break
                }
                continue
            }
            if token == "pull_request", afterRepository { afterRepository = false; continue }
            afterRepository = false
            guard token == "context" || SubjectTemplate.knownKeys.contains(String(token)) else { return grammarHint(value) }
            awaiting = token
        }
        if awaiting == nil, !partial.isEmpty {
            let text = String(partial)
            if !SubjectTemplate.knownKeys.union(["pull_request"]).contains(where: { $0.hasPrefix(text) }) {
                return grammarHint(value)
            }
        }
        return nil
    }

    private static func grammarHint(_ value: String) -> String {
        if value.isEmpty { return "an empty subject is never sent" }
        if value.hasPrefix("repo:") {
            return "after repo:<owner>/<repo> GitHub sends ref:refs/heads/<branch>, ref:refs/tags/<tag>, environment:<name> or pull_request (or, with a custom template, claim:value pairs)"
        }
        return "a subject is claim:value pairs that start with a claim name such as repo (repo:<owner>/<repo>:ref:refs/heads/main); \"\(value.prefix { $0 != ":" })\" is not a claim name"
    }
}
