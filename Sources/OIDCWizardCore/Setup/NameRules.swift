/// One broken rule found in a single value, before it is tied to a field.
public struct RuleViolation: Hashable, Sendable {
    public var rule: String
    public var severity: SetupIssue.Severity

    public init(_ rule: String, _ severity: SetupIssue.Severity = .error) {
        self.rule = rule
        self.severity = severity
    }

    static func error(_ rule: String) -> RuleViolation { RuleViolation(rule, .error) }
    static func warning(_ rule: String) -> RuleViolation { RuleViolation(rule, .warning) }
}

/// GitHub's and AWS's naming rules, each as a small function from a value to what is wrong with it.
/// Anything these reject never appears in a real subject or ARN, so a policy that uses it would be
/// wrong — and anything accepted here is safe to place in JSON, YAML and a shell command.
public enum NameRules {
    // MARK: GitHub

    /// Owner (user or organisation): 1–39 ASCII letters, digits and single hyphens, not at either end.
    /// `*` and `?` pass with a warning: the wizard shows the dangerous policy rather than hiding it.
    public static func owner(_ owner: String) -> [RuleViolation] {
        // The usual case is decided on bytes (every keystroke resolves the setup); anything else goes through
        // every rule, which says what is wrong.
        if plainOwner(owner) { return [] }
        return ownerViolations(owner)
    }

    /// `owner` without its fast path: every rule, worded.
    static func ownerViolations(_ owner: String) -> [RuleViolation] {
        if owner.isEmpty { return [.error("Give the owner (user or organisation) before the slash, e.g. octo-org/app.")] }
        if let problem = LookAlikes.problem(in: owner, what: "GitHub owner names") { return [.error(problem)] }
        let literal = owner.filter { $0 != "*" && $0 != "?" }
        if let bad = literal.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
            return [.error("An owner name has only letters, digits and hyphens; \(CharacterName.describe(bad)) is not allowed.")]
        }
        if owner.count > 39 { return [.error("An owner name is at most 39 characters; this has \(owner.count).")] }
        if owner.hasPrefix("-") || owner.hasSuffix("-") {
            return [.error("An owner name cannot start or end with a hyphen.")]
        }
        if owner.contains("--") { return [.error("An owner name cannot contain two hyphens in a row.")] }
        if owner.containsGlob {
            let example = owner == "*" ? "any GitHub account" : "every account whose name matches, e.g. \(exampleMatch(owner))"
            return [.warning("A wildcard in the owner lets in repositories of \(example) — anyone can create such an account.")]
        }
        return []
    }

    /// Repository: 1–100 ASCII letters, digits, `.`, `-`, `_`; not `.` or `..`. Wildcards warn.
    public static func repositoryName(_ name: String, owner: String) -> [RuleViolation] {
        if plainRepositoryName(name) { return [] }
        return repositoryNameViolations(name, owner: owner)
    }

    /// `repositoryName` without its fast path: every rule, worded.
    static func repositoryNameViolations(_ name: String, owner: String) -> [RuleViolation] {
        if name.isEmpty { return [.error("Give the repository name after the slash, e.g. octo-org/app.")] }
        if let problem = LookAlikes.problem(in: name, what: "GitHub repository names") { return [.error(problem)] }
        let literal = name.filter { $0 != "*" && $0 != "?" }
        if let bad = literal.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0))) }) {
            return [.error("A repository name has only letters, digits, '.', '-' and '_'; \(CharacterName.describe(bad)) is not allowed.")]
        }
        if name.count > 100 { return [.error("A repository name is at most 100 characters; this has \(name.count).")] }
        if name == "." || name == ".." { return [.error("'\(name)' cannot be a repository name.")] }
        if name.containsGlob {
            let scope = name == "*" ? "every repository of \(owner), including ones created later"
                : "every repository of \(owner) whose name matches, including ones created later"
            return [.warning("A wildcard in the repository name lets in \(scope).")]
        }
        return []
    }

    /// An immutable owner or repository id: digits only.
    public static func numericID(_ id: String, what: String) -> [RuleViolation] {
        if id.isEmpty || id.count > 20 || !id.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return [.error("The \(what) id after '@' is a number, e.g. 123456; '\(id)' is not.")]
        }
        return []
    }

    /// A branch or tag name or pattern, by git's ref rules (`git check-ref-format`), with `*` and `?`
    /// allowed as IAM wildcards. `kind` is "branch" or "tag".
    public static func refPattern(_ pattern: String, kind: String) -> [RuleViolation] {
        if plainRefPattern(pattern) { return [] }
        return refPatternViolations(pattern, kind: kind)
    }

    /// `refPattern` without its fast path: every rule, worded.
    static func refPatternViolations(_ pattern: String, kind: String) -> [RuleViolation] {
        let article = kind == "branch" ? "A branch" : "A tag"
        if pattern.isEmpty { return [.error("Give the \(kind) name, e.g. \(kind == "branch" ? "main" : "v1.0.0").")] }
        if let problem = LookAlikes.problem(in: pattern, what: "\(kind) names here") { return [.error(problem)] }
        let prefix = kind == "branch" ? "refs/heads/" : "refs/tags/"
        if pattern.hasPrefix(prefix) || pattern.hasPrefix("refs/") {
            return [.error("Give the \(kind) name without '\(prefix)', e.g. \(pattern.dropFirst(pattern.hasPrefix(prefix) ? prefix.count : 5)).")]
        }
        if pattern.contains("${{") {
            return [.error("\(article) name cannot contain '${{' — that is a GitHub Actions expression, not a name.")]
        }
        for forbidden in [" ", "~", "^", ":", "[", "\\"] where pattern.contains(forbidden) {
            let shown = forbidden == " " ? "a space" : "'\(forbidden)'"
            return [.error("\(article) name cannot contain \(shown) (git's rule for ref names).")]
        }
        if pattern.hasPrefix("-") { return [.error("\(article) name cannot start with '-'.")] }
        if pattern.contains("..") { return [.error("\(article) name cannot contain '..'.")] }
        if pattern.contains("@{") { return [.error("\(article) name cannot contain '@{'.")] }
        if pattern == "@" { return [.error("'@' alone cannot be a \(kind) name.")] }
        if pattern.hasPrefix("/") || pattern.hasSuffix("/") || pattern.contains("//") {
            return [.error("\(article) name cannot start or end with '/' or contain '//'.")]
        }
        if pattern.hasSuffix(".") { return [.error("\(article) name cannot end with '.'.")] }
        for component in pattern.split(separator: "/") {
            if component.hasPrefix(".") { return [.error("No part of a \(kind) name between slashes can start with '.'.")] }
            if component.hasSuffix(".lock") { return [.error("No part of a \(kind) name can end with '.lock'.")] }
        }
        if pattern.count > 255 { return [.error("\(article) name is at most 255 characters here; this has \(pattern.count).")] }
        return []
    }

    /// A deployment environment name: what can appear in `environment:<name>` and on a job safely.
    /// GitHub allows up to 255 characters; we accept letters, digits, spaces inside, `.`, `-`, `_` —
    /// no `:` (the subject's separator), no wildcards (a job names one real environment).
    public static func environmentName(_ name: String) -> [RuleViolation] {
        if plainEnvironmentName(name) { return [] }
        return environmentNameViolations(name)
    }

    /// `environmentName` without its fast path: every rule, worded.
    static func environmentNameViolations(_ name: String) -> [RuleViolation] {
        if name.isEmpty { return [.error("Give the environment name, e.g. production.")] }
        if let problem = LookAlikes.problem(in: name, what: "environment names here") { return [.error(problem)] }
        if name.contains("${{") {
            return [.error("An environment name cannot contain '${{' — that is a GitHub Actions expression, not a name.")]
        }
        if name.containsGlob {
            return [.error("An environment name is one real environment; wildcards ('*', '?') are not allowed here.")]
        }
        if let bad = name.first(where: { !($0.isLetter || $0.isNumber || " ._-".contains($0)) }) {
            return [.error("An environment name has only letters, digits, spaces, '.', '-' and '_'; \(CharacterName.describe(bad)) is not allowed.")]
        }
        if name.hasPrefix(" ") || name.hasSuffix(" ") {
            return [.error("An environment name cannot start or end with a space.")]
        }
        if name.count > 255 { return [.error("An environment name is at most 255 characters; this has \(name.count).")] }
        return []
    }

    /// Enterprise slug (GitHub Enterprise Cloud unique issuer): like an owner name, lower case in the issuer.
    public static func enterpriseSlug(_ slug: String) -> [RuleViolation] {
        if slug.isEmpty { return [.error("Give the enterprise slug as in github.com/enterprises/<slug>.")] }
        if let problem = LookAlikes.problem(in: slug, what: "enterprise slugs") { return [.error(problem)] }
        if slug.containsGlob { return [.error("An enterprise slug cannot contain wildcards.")] }
        if let bad = slug.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
            return [.error("An enterprise slug has only letters, digits and hyphens; \(CharacterName.describe(bad)) is not allowed.")]
        }
        if slug.hasPrefix("-") || slug.hasSuffix("-") { return [.error("An enterprise slug cannot start or end with a hyphen.")] }
        if slug.count > 100 { return [.error("An enterprise slug is at most 100 characters.")] }
        return []
    }

    /// GHE.com subdomain: one DNS label (the `acme` of `acme.ghe.com`).
    public static func gheSubdomain(_ subdomain: String) -> [RuleViolation] {
        if subdomain.isEmpty { return [.error("Give the subdomain of your GHE.com enterprise, e.g. acme for acme.ghe.com.")] }
        if let problem = LookAlikes.problem(in: subdomain, what: "GHE.com subdomains") { return [.error(problem)] }
        if subdomain.lowercased().hasSuffix(".ghe.com") {
            return [.error("Give only the subdomain: \(subdomain.dropLast(".ghe.com".count)).")]
        }
        return dnsLabel(subdomain, what: "A GHE.com subdomain")
    }

    /// GitHub Enterprise Server host name (no scheme, no path).
    public static func serverHost(_ host: String) -> [RuleViolation] {
        if host.isEmpty { return [.error("Give the host name of your GitHub Enterprise Server, e.g. github.example.com.")] }
        if let problem = LookAlikes.problem(in: host, what: "host names") { return [.error(problem)] }
        if host.hasPrefix("https://") || host.hasPrefix("http://") || host.contains("/") {
            return [.error("Give only the host name, without https:// or a path, e.g. github.example.com.")]
        }
        if host.count > 253 { return [.error("A host name is at most 253 characters.")] }
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            let problems = dnsLabel(String(label), what: "Each part of a host name between dots")
            if !problems.isEmpty { return problems }
        }
        return []
    }

    private static func dnsLabel(_ label: String, what: String) -> [RuleViolation] {
        if label.isEmpty || label.count > 63 { return [.error("\(what) is 1 to 63 characters.")] }
        if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
            return [.error("\(what) has only letters, digits and hyphens; \(CharacterName.describe(bad)) is not allowed.")]
        }
        if label.hasPrefix("-") || label.hasSuffix("-") { return [.error("\(what) cannot start or end with a hyphen.")] }
        return []
    }

    // MARK: AWS

    /// Exactly 12 digits.
    public static func accountID(_ id: String) -> [RuleViolation] {
        if plainAccountID(id) { return [] }
        return accountIDViolations(id)
    }

    /// `accountID` without its fast path: every rule, worded.
    static func accountIDViolations(_ id: String) -> [RuleViolation] {
        if id.isEmpty { return [.error("Give the 12-digit AWS account id the role lives in.")] }
        let digits = id.filter { $0.isASCII && $0.isNumber }
        if digits.count == 12, digits.count != id.count,
           id.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == " " }) {
            return [.error("Write the account id as 12 digits without separators: \(digits).")]
        }
        if let bad = id.first(where: { !($0.isASCII && $0.isNumber) }) {
            return [.error("An AWS account id is 12 digits (0–9) only; \(CharacterName.describe(bad)) is not a digit.")]
        }
        if id.count != 12 { return [.error("An AWS account id is exactly 12 digits; this has \(id.count).")] }
        return []
    }

    /// IAM role name: 1–64 of `A-Za-z0-9+=,.@_-`.
    public static func roleName(_ name: String) -> [RuleViolation] {
        if plainRoleName(name) { return [] }
        return roleNameViolations(name)
    }

    /// `roleName` without its fast path: every rule, worded.
    static func roleNameViolations(_ name: String) -> [RuleViolation] {
        if name.isEmpty { return [.error("Give the name of the IAM role to create or update, e.g. github-deploy.")] }
        if let problem = LookAlikes.problem(in: name, what: "IAM role names") { return [.error(problem)] }
        if name.contains("/") {
            return [.error("Give the role name without a path; 'role/' and paths are not part of the name.")]
        }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0))) }) {
            return [.error("An IAM role name has only letters, digits and + = , . @ _ -; \(CharacterName.describe(bad)) is not allowed.")]
        }
        if name.count > 64 { return [.error("An IAM role name is at most 64 characters; this has \(name.count).")] }
        return []
    }

    /// The audience (`aud`): printable ASCII without spaces; the partition's default, or a warning.
    public static func audience(_ audience: String, partition: Partition) -> [RuleViolation] {
        if let problem = LookAlikes.problem(in: audience, what: "audiences") { return [.error(problem)] }
        if audience.isEmpty { return [.error("The audience cannot be empty; leave it out to use \(partition.defaultAudience).")] }
        if audience.contains(" ") { return [.error("An audience cannot contain spaces.")] }
        if audience.containsGlob || audience.contains("${{") {
            return [.error("An audience is one exact value; '*', '?' and expressions are not allowed.")]
        }
        if audience.count > 255 { return [.error("An audience is at most 255 characters.")] }
        if audience == partition.defaultAudience { return [] }
        if let other = Partition.allCases.first(where: { $0 != partition && $0.defaultAudience == audience }),
           other.defaultAudience != partition.defaultAudience {
            return [.error("\(audience) is the audience of \(other.displayName); in \(partition.displayName) it is \(partition.defaultAudience).")]
        }
        if audience.hasPrefix("https://github.com/") {
            return [.warning("That is GitHub's own default audience; configure-aws-credentials asks for \(partition.defaultAudience) unless told otherwise (the workflow will tell it).")]
        }
        return [.warning("Not the usual audience \(partition.defaultAudience): the IAM OIDC provider's client-id list must contain \(audience), and the workflow will request it.")]
    }

    /// 900–43200 seconds (15 minutes to 12 hours).
    public static func sessionDuration(_ text: String) -> (Int?, [RuleViolation]) {
        guard let seconds = Int(text), text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return (nil, [.error("A session duration is a whole number of seconds, 900 to 43200 (15 minutes to 12 hours).")])
        }
        if seconds < 900 || seconds > 43200 {
            return (nil, [.error("A session duration is 900 to 43200 seconds (15 minutes to 12 hours); \(seconds) is outside.")])
        }
        return (seconds, [])
    }

    /// A value for an extra claim or a template key: printable ASCII, no expression, not "match anything".
    public static func claimValue(_ value: String, key: String) -> [RuleViolation] {
        if value.isEmpty { return [.error("Give a value after '=' for \(key).")] }
        if let problem = LookAlikes.problem(in: value, what: "claim values here") { return [.error(problem)] }
        if value.contains("${{") { return [.error("A claim value cannot contain '${{' — that is an expression, not a value.")] }
        if value.allSatisfy({ $0 == "*" || $0 == "?" }) {
            return [.error("'\(value)' would match every value of \(key); leave the constraint out instead.")]
        }
        if value.count > 1024 { return [.error("A claim value is at most 1024 characters here.")] }
        return []
    }

    /// `acme*` → `acme-evil`: a concrete name the pattern also matches, for warnings.
    static func exampleMatch(_ pattern: String) -> String {
        var out = ""
        for character in pattern {
            switch character {
            case "*": out += out.isEmpty ? "evil" : "-evil"
            case "?": out += "x"
            default: out.append(character)
            }
        }
        return out
    }

    // The fast paths: names that are plainly valid, decided on bytes. Each returns true only for text its rules
    // accept without a word (NameRulesFastPathTests holds each to them).
    static func plainOwner(_ owner: String) -> Bool {
        plainASCII(owner, maxLength: 39, also: "-") && owner.utf8.first != 0x2D && owner.utf8.last != 0x2D && !owner.contains("--")
    }

    static func plainRepositoryName(_ name: String) -> Bool {
        plainASCII(name, maxLength: 100, also: "._-") && name != "." && name != ".."
    }

    static func plainRoleName(_ name: String) -> Bool { plainASCII(name, maxLength: 64, also: "+=,.@_-") }

    /// A branch or tag pattern of letters, digits, `.`, `_`, `-`, `/` and `*`, cut into parts by single slashes
    /// (none at either end), no part starting with `.` or ending with `.lock`, no `..`, not under `refs/`.
    static func plainRefPattern(_ pattern: String) -> Bool {
        guard plainASCII(pattern, maxLength: 255, also: "._-/*") else { return false }
        let bytes = pattern.utf8
        guard let first = bytes.first, let last = bytes.last, first != 0x2D, first != 0x2F, first != 0x2E,
              last != 0x2F, last != 0x2E else { return false }
        return !pattern.hasPrefix("refs/") && !pattern.contains("..") && !pattern.contains("//") && !pattern.contains("/.")
            && !pattern.contains(".lock/") && !pattern.hasSuffix(".lock")
    }

    /// An environment name of letters, digits, `.`, `_`, `-` and spaces inside.
    static func plainEnvironmentName(_ name: String) -> Bool {
        plainASCII(name, maxLength: 255, also: "._- ") && name.utf8.first != 0x20 && name.utf8.last != 0x20
    }

    static func plainAccountID(_ id: String) -> Bool { id.utf8.count == 12 && id.utf8.allSatisfy { (0x30...0x39).contains($0) } }

    /// Whether `text` is 1...`maxLength` bytes of ASCII letters, digits and the bytes of `also`: the fast path
    /// for names that are plainly valid (such text has no look-alikes, wildcards or spaces to report).
    static func plainASCII(_ text: String, maxLength: Int, also: StaticString) -> Bool {
        let count = text.utf8.count
        guard count >= 1, count <= maxLength else { return false }
        let extra = UTF8Bytes.bytes(of: also)
        return text.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || extra.contains(byte)
        }
    }
}
