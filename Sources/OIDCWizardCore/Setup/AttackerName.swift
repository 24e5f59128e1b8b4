/// Names an attacker could really register, for the examples the analysis and the scenario table show
/// ("… also matches repo:acme-evil/app:…"). An example that GitHub would refuse (`-evil`, `acme--evil`)
/// teaches nothing and invites "that can't happen", so every name produced here passes `NameRules`.
enum AttackerName {
    /// A valid owner name that `pattern` (an IAM glob over owner names) matches, as readable as possible:
    /// `*` → `evil`, `acme*` → `acme-evil`, `*-corp` → `evil-corp`, `acme-*` → `acme-evil`.
    /// nil when no valid owner name matches the pattern (then it lets no real account in).
    static func owner(matching pattern: String) -> String? {
        fill(pattern) { NameRules.owner($0).isEmpty }
    }

    /// A valid repository name that `pattern` matches: `*` → `evil`, `app*` → `app-evil`.
    static func repository(matching pattern: String) -> String? {
        fill(pattern) { NameRules.repositoryName($0, owner: "x").isEmpty }
    }

    /// The look-alike of an exact owner name: `acme` → `acme-evil`, kept within GitHub's 39 characters.
    static func lookAlike(of owner: String) -> String {
        var stem = Substring(owner.prefix(39 - "-evil".count))
        while stem.last == "-" { stem.removeLast() }
        let candidate = stem.isEmpty ? "evil" : "\(stem)-evil"
        return NameRules.owner(candidate).isEmpty ? candidate : "zz-attacker"
    }

    /// The pattern with each `*` filled and each `?` replaced, trying readable fillers first, then any
    /// filler per wildcard, until `valid` accepts a name the pattern matches.
    private static func fill(_ pattern: String, valid: (String) -> Bool) -> String? {
        let glob = WildcardPattern(glob: pattern)
        func accept(_ name: String) -> Bool { !name.isEmpty && valid(name) && glob.matches(name) }
        // Readable first: a filler that reads well where it stands (after a letter "-evil", else "evil").
        let contextual = fill(pattern) { previous in previous == nil || previous == "-" ? "evil" : "-evil" }
        if accept(contextual) { return contextual }
        for filler in ["evil", "-evil", "evil-", "x", "1", ""] {
            let candidate = fill(pattern) { _ in filler }
            if accept(candidate) { return candidate }
        }
        return nil
    }

    /// `pattern` with each `*` replaced by what `star` gives for the character before it (nil at the start) and
    /// each `?` by `x`. The analysis's readable witnesses use it too.
    static func fill(_ pattern: String, star: (Character?) -> String) -> String {
        var out = ""
        for character in pattern {
            switch character {
            case "*": out += star(out.last)
            case "?": out += "x"
            default: out.append(character)
            }
        }
        return out
    }
}
