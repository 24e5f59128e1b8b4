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
    ///
    /// Read byte by byte, as IAM compares: this runs for every attacker candidate on every keystroke, so
    /// it allocates nothing.
    static func canBeSent(_ subject: String) -> Bool {
        var subject = subject
        return subject.withUTF8 { canBeSent(bytes: $0[...]) }
    }

    static func canBeSent(bytes: Bytes) -> Bool {
        guard !bytes.isEmpty else { return false }
        var tokens = ColonTokens(bytes)
        var first = true
        while let key = tokens.next() {
            if key.equals("repo") {
                guard let pair = tokens.next(), validRepositoryPair(pair) else { return false }
                // The default form's context directly after `repo`: `pull_request` stands alone, and last.
                if let next = tokens.peek(), next.equals("pull_request") {
                    _ = tokens.next()
                    return tokens.isAtEnd
                }
            } else if key.equals("context") {
                guard let kind = tokens.next() else { return false }
                if !kind.equals("pull_request") {
                    guard kind.equals("ref") || kind.equals("environment"),
                          let value = tokens.next(), validValue(of: kind, value) else { return false }
                }
            } else if key.equals("pull_request") {
                return false
            } else {
                guard isKnownKey(key), let value = tokens.next(), validValue(of: key, value) else { return false }
            }
            first = false
        }
        return !first
    }

    /// Whether `subject` is in GitHub's default form: `repo:<owner>[@id]/<repo>[@id]:` and one context.
    static func isDefaultForm(_ subject: String) -> Bool {
        var subject = subject
        return subject.withUTF8 { buffer in
            var tokens = ColonTokens(buffer[...])
            guard let repo = tokens.next(), repo.equals("repo"), let pair = tokens.next(), validRepositoryPair(pair),
                  let kind = tokens.next() else { return false }
            if kind.equals("pull_request") { return tokens.isAtEnd }
            guard kind.equals("ref") || kind.equals("environment"), let value = tokens.next(),
                  tokens.isAtEnd else { return false }
            return validValue(of: kind, value)
        }
    }

    /// `owner[@id]/repo[@id]`, both ids or none.
    static func validRepositoryPair(_ text: Bytes) -> Bool {
        guard let slash = text.firstIndex(of: 0x2F) else { return false }
        let owner = text[..<slash]
        let repository = text[(slash + 1)...]
        guard !repository.contains(0x2F) else { return false }
        let ownerAt = owner.firstIndex(of: 0x40)
        let repositoryAt = repository.firstIndex(of: 0x40)
        guard (ownerAt == nil) == (repositoryAt == nil) else { return false }
        guard let ownerAt, let repositoryAt else { return validOwner(bytes: owner) && validRepository(bytes: repository) }
        let ownerID = owner[(ownerAt + 1)...]
        let repositoryID = repository[(repositoryAt + 1)...]
        return !ownerID.contains(0x40) && !repositoryID.contains(0x40)
            && validOwner(bytes: owner[..<ownerAt]) && validRepository(bytes: repository[..<repositoryAt])
            && validID(bytes: ownerID) && validID(bytes: repositoryID)
    }

    static func validValue(of key: Bytes, _ value: Bytes) -> Bool {
        if key.equals("ref") {
            if value.starts(with: "refs/heads/".utf8) { return validRefName(bytes: value.dropFirst(11)) }
            if value.starts(with: "refs/tags/".utf8) { return validRefName(bytes: value.dropFirst(10)) }
            return value.starts(with: "refs/pull/".utf8)
        }
        if key.equals("environment") { return !value.isEmpty && !value.contains(where: isWildcard) }
        if key.equals("repository") { return validRepositoryPair(value) }
        if key.equals("repository_owner") || key.equals("actor") { return validOwner(bytes: value) }
        for idKey: StaticString in ["repository_id", "repository_owner_id", "actor_id", "enterprise_id"] where key.equals(idKey) {
            return validID(bytes: value)
        }
        return !value.contains(where: isWildcard)
    }

    /// GitHub's owner rules: 1–39 ASCII letters, digits and single hyphens, not at either end.
    static func validOwner<S: StringProtocol>(_ name: S) -> Bool {
        var name = String(name)
        return name.withUTF8 { validOwner(bytes: $0[...]) }
    }

    static func validOwner(bytes: Bytes) -> Bool {
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
        var name = String(name)
        return name.withUTF8 { validRepository(bytes: $0[...]) }
    }

    static func validRepository(bytes: Bytes) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 100, !(bytes.count <= 2 && bytes.allSatisfy { $0 == 0x2E }) else { return false }  // not `.` or `..`
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }
    }

    /// git's ref-name rules (check-ref-format) as far as they matter for a subject.
    static func validRefName<S: StringProtocol>(_ name: S) -> Bool {
        var name = String(name)
        return name.withUTF8 { validRefName(bytes: $0[...]) }
    }

    static func validRefName(bytes name: Bytes) -> Bool {
        guard let first = name.first, let last = name.last, first != 0x2D, first != 0x2F, last != 0x2F, last != 0x2E else { return false }
        var previous: UInt8 = 0x2F  // a component starts here
        var componentStart = name.startIndex
        for index in name.indices {
            let byte = name[index]
            switch byte {
            case 0...0x20, 0x7F, 0x7E, 0x5E, 0x3A, 0x3F, 0x2A, 0x5B, 0x5C: return false
            case 0x2E where previous == 0x2E || previous == 0x2F: return false  // `..`, or a component starting with `.`
            case 0x2F where previous == 0x2F: return false  // `//`
            case 0x7B where previous == 0x40: return false  // `@{`
            case 0x2F:
                if name[componentStart..<index].reversed().starts(with: "kcol.".utf8) { return false }
                componentStart = index + 1
            default: break
            }
            previous = byte
        }
        return !name[componentStart...].reversed().starts(with: "kcol.".utf8)
    }

    static func validID<S: StringProtocol>(_ id: S) -> Bool {
        var id = String(id)
        return id.withUTF8 { validID(bytes: $0[...]) }
    }

    static func validID(bytes id: Bytes) -> Bool {
        !id.isEmpty && id.count <= 20 && id.allSatisfy { (0x30...0x39).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }

    private static func isWildcard(_ byte: UInt8) -> Bool { byte == 0x2A || byte == 0x3F }

    private static func isKnownKey(_ key: Bytes) -> Bool {
        // Rare (custom templates only), so the set lookup may build a String.
        SubjectTemplate.knownKeys.contains(String(decoding: key, as: UTF8.self))
    }

    // MARK: - Can a pattern ever match?

    /// Why no subject GitHub sends can ever match `value` under `op`, or nil when one can (or when it
    /// cannot be decided without guessing: the analysis reports "never matches" only when it is sure).
    ///
    /// Exact values are checked against the grammar. A pattern is judged by the fixed text before its
    /// first wildcard — every complete `key:value` pair there must be one GitHub builds — and by the
    /// escapes `${*}`/`${?}`, which stand for a literal `*`/`?` that no GitHub name contains.
    static func neverSentReason(_ value: String, patterns: Bool, variables: Bool) -> String? {
        var text = value
        switch text.withUTF8({ verdict($0, patterns: patterns, variables: variables) }) {
        case .maybeSent:
            return nil
        case .literalWildcard:
            return "${*} and ${?} stand for a literal * or ? (not a wildcard), and no branch, tag, environment or repository name contains one"
        case .neverSent:
            return grammarHint(value)
        }
    }

    private enum Verdict {
        case maybeSent, literalWildcard, neverSent
    }

    /// `neverSentReason` on the value's bytes (it runs for every `sub` value on every keystroke). `$`, `{`, `}`,
    /// `*`, `?` and `:` are ASCII, so cutting at them always leaves whole characters.
    private static func verdict(_ bytes: UnsafeBufferPointer<UInt8>, patterns: Bool, variables: Bool) -> Verdict {
        var wildcard: Int?
        var variable = false
        var literalWildcard = false
        for (index, byte) in bytes.enumerated() {
            if isWildcard(byte) {
                if wildcard == nil { wildcard = index }
            } else if byte == 0x24, index + 1 < bytes.count, bytes[index + 1] == 0x7B {  // `${`
                variable = true
                // `${*}` or `${?}`
                if index + 3 < bytes.count, isWildcard(bytes[index + 2]), bytes[index + 3] == 0x7D { literalWildcard = true }
            }
        }
        if variables, literalWildcard { return .literalWildcard }
        if variables, variable { return .maybeSent }
        guard patterns, let wildcard else {
            if wildcard != nil { return .maybeSent }  // StringEquals with a wildcard: wildcard-under-stringequals says it.
            return canBeSent(bytes: bytes[...]) ? .maybeSent : .neverSent
        }
        // Walk the complete tokens before the first wildcard as the grammar does; the unfinished last token is only
        // a prefix.
        var tokens = ColonTokens(bytes[..<wildcard])
        var awaiting: Bytes?
        var afterRepository = false
        while let token = tokens.next() {
            if tokens.isAtEnd {
                // The unfinished token: it must begin a claim name (or the default form's `pull_request`).
                guard awaiting == nil, !token.isEmpty else { return .maybeSent }
                let prefix = String(decoding: token, as: UTF8.self)
                return SubjectTemplate.knownKeys.contains { $0.hasPrefix(prefix) } || "pull_request".hasPrefix(prefix) ? .maybeSent : .neverSent
            }
            if let key = awaiting {
                awaiting = nil
                if key.equals("repo") {
                    guard validRepositoryPair(token) else { return .neverSent }
                    afterRepository = true
                } else if key.equals("context") {
                    if token.equals("ref") || token.equals("environment") { awaiting = token }
                    else if !token.equals("pull_request") { return .neverSent }
                }
                continue
            }
            if token.equals("pull_request"), afterRepository { afterRepository = false; continue }
            afterRepository = false
            guard token.equals("context") || isKnownKey(token) else { return .neverSent }
            awaiting = token
        }
        return .maybeSent
    }

    private static func grammarHint(_ value: String) -> String {
        if value.isEmpty { return "an empty subject is never sent" }
        if value.hasPrefix("repo:") {
            return "after repo:<owner>/<repo> GitHub sends ref:refs/heads/<branch>, ref:refs/tags/<tag>, environment:<name> or pull_request (or, with a custom template, claim:value pairs)"
        }
        return "a subject is claim:value pairs that start with a claim name such as repo (repo:<owner>/<repo>:ref:refs/heads/main); \"\(value.prefix { $0 != ":" })\" is not a claim name"
    }
}
