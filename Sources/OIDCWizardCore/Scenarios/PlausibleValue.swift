/// Turns an IAM glob into one plausible concrete value it matches — the run a person most likely meant
/// when they wrote it (`main*` → `main`, `v*` → `v1.0.0`, `release/*` → `release/1`, `repo:acme/*` →
/// `repo:acme/app:…`). The scenario table needs concrete runs to ask the evaluator about.
///
/// Every result matches its pattern, so an intended row built from a policy value is allowed unless
/// something else in the policy (a Deny, another clause) stops it.
enum PlausibleValue {
    /// A concrete subject for a `sub` pattern. Patterns that do not name a repository (`*`, `repo:*`)
    /// become a run of an example repository: nothing in them says which one was meant.
    static func subject(for pattern: String) -> String {
        // Without a wildcard a value is its own plausible run: parsing it and printing its parts gives it back.
        guard pattern.containsGlob else { return pattern }
        if let parts = SubjectParts(parsing: pattern) {
            return subjectParts(for: parts).text
        }
        let glob = WildcardPattern(glob: pattern)
        if pattern.hasPrefix("repo:") {
            // A wildcard that spans parts (`repo:acme/*`, `repo:acme*`): keep what comes before it and
            // complete the rest with the example's parts.
            let head = String(pattern.prefix { $0 != "*" && $0 != "?" }.dropFirst("repo:".count))
            let pieces = head.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            var parts = example
            if let owner = pieces.first, !owner.isEmpty { parts.owner = name(owner, fallback: example.owner) }
            if pieces.count > 1, !pieces[1].isEmpty, !pieces[1].contains(":") { parts.name = pieces[1] }
            for candidate in [parts.text, example.text] where glob.matches(candidate) { return candidate }
        }
        // A custom template without the repo binding, e.g. `environment:prod*`.
        let filled = word(pattern, fallback: "")
        return filled.isEmpty ? example.text : filled
    }

    static let example = SubjectParts(owner: "octo-org", name: "app", context: .branch("main"))

    static func subjectParts(for pattern: SubjectParts) -> SubjectParts {
        var parts = pattern
        parts.owner = name(pattern.owner, fallback: "octo-org")
        parts.name = name(pattern.name, fallback: "app")
        parts.ownerID = pattern.ownerID.map { digits($0, fallback: "1234567") }
        parts.repositoryID = pattern.repositoryID.map { digits($0, fallback: "7654321") }
        parts.context = context(pattern.context)
        return parts
    }

    static func context(_ context: SubjectContext) -> SubjectContext {
        switch context {
        case .branch(let name): .branch(word(name, fallback: "main"))
        case .tag(let name): .tag(word(name, fallback: "v1.0.0"))
        case .environment(let name): .environment(word(name, fallback: "production"))
        case .pullRequest: .pullRequest
        case .other(let text):
            // `repo:acme/app:*` and the like: the most common run is a push to the default branch.
            if !text.containsGlob { .other(text) }
            else if let first = text.firstIndex(where: { $0 == "*" || $0 == "?" }),
                    SubjectContext(parsing: String(text[..<first])) != .other(String(text[..<first])) {
                Self.context(SubjectContext(parsing: text))
            } else {
                .branch("main")
            }
        }
    }

    /// An owner or repository name: wildcards dropped (`acme*` → `acme`), `?` read as `x`.
    static func name(_ pattern: String, fallback: String) -> String {
        guard pattern.containsGlob else { return pattern }
        var out = ""
        for ch in pattern {
            if ch == "?" { out.append("x") } else if ch != "*" { out.append(ch) }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    static func digits(_ pattern: String, fallback: String) -> String {
        guard pattern.containsGlob else { return pattern }
        let out = String(pattern.filter { $0 != "*" }.map { $0 == "?" ? "0" : $0 })
        return out.isEmpty ? fallback : out
    }

    /// A ref, environment or other value: `*` becomes nothing after a letter (`main*` → `main`), `1`
    /// after a separator (`release/*` → `release/1`) and `1.0.0` after a lone `v` (`v*` → `v1.0.0`).
    static func word(_ pattern: String, fallback: String) -> String {
        guard pattern.containsGlob else { return pattern }
        var out = ""
        for ch in pattern {
            switch ch {
            case "?": out.append("x")
            case "*":
                if out.isEmpty { continue }
                if out == "v" || out.hasSuffix("/v") || out.hasSuffix("-v") { out += "1.0.0" }
                else if let last = out.last, "/-_.:@".contains(last) { out += "1" }
            default: out.append(ch)
            }
        }
        return out.isEmpty ? fallback : out
    }
}
