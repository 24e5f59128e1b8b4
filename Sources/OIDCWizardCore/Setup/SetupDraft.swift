/// What a person typed or passed on the command line, as raw strings, before any validation. The wizard
/// edits one of these on every keystroke and `generate` fills one from its flags; both call `resolve()`,
/// so there is exactly one place that decides what a valid setup is.
public struct SetupDraft: Hashable, Sendable {
    /// The rule for one id without the other (the wizard, which asks for ids in fields of their own, recognises it
    /// and words it for them, as it does the owner's rules).
    public static let bothIDsRule = "Give both ids (owner@id/repo@id) or neither: GitHub's immutable subject always has both."

    /// Which GitHub issues the tokens; `flavorName` is the slug, subdomain or host it needs.
    public enum FlavorKind: String, Hashable, Sendable, CaseIterable {
        case githubDotCom
        case enterpriseCloud
        case gheDotCom
        case enterpriseServer
    }

    public var flavorKind: FlavorKind
    /// Enterprise slug, GHE.com subdomain or Enterprise Server host (ignored for github.com).
    public var flavorName: String
    /// Each `owner/repo` or `owner@ownerID/repo@repoID`.
    public var repositories: [String]
    public var branches: [String]
    public var tags: [String]
    public var environments: [String]
    public var pullRequests: Bool
    /// "Any branch, tag, pull request or environment of these repositories" — only on explicit request.
    public var anyContext: Bool
    /// Each `KEY=VALUE` with KEY one of `IAMClaim`; several values of one key are alternatives.
    public var extraClaims: [String]
    /// Custom subject template: claim keys separated by commas (`repo,context,job_workflow_ref`); empty for none.
    public var subjectTemplate: String
    /// Each `KEY=VALUE`: values for template keys the setup does not determine.
    public var subjectTemplateValues: [String]
    /// Empty for the partition's default.
    public var audience: String
    public var region: String
    public var accountID: String
    public var roleName: String
    /// Seconds as typed; empty for AWS's default.
    public var sessionDuration: String

    public init(flavorKind: FlavorKind = .githubDotCom, flavorName: String = "", repositories: [String] = [],
                branches: [String] = [], tags: [String] = [], environments: [String] = [],
                pullRequests: Bool = false, anyContext: Bool = false, extraClaims: [String] = [],
                subjectTemplate: String = "", subjectTemplateValues: [String] = [], audience: String = "",
                region: String = "", accountID: String = "", roleName: String = "", sessionDuration: String = "") {
        self.flavorKind = flavorKind
        self.flavorName = flavorName
        self.repositories = repositories
        self.branches = branches
        self.tags = tags
        self.environments = environments
        self.pullRequests = pullRequests
        self.anyContext = anyContext
        self.extraClaims = extraClaims
        self.subjectTemplate = subjectTemplate
        self.subjectTemplateValues = subjectTemplateValues
        self.audience = audience
        self.region = region
        self.accountID = accountID
        self.roleName = roleName
        self.sessionDuration = sessionDuration
    }

    /// The branch trusted when the user chose no rule at all.
    public static let defaultBranch = "main"

    /// Validates everything and, when nothing blocks, builds the `Setup`. Pure and fast: the wizard runs it on
    /// every keystroke. All issues are reported, not just the first.
    public func resolve() -> SetupResolution {
        var issues: [SetupIssue] = []
        func report(_ violations: [RuleViolation], _ field: SetupField, _ value: String) {
            issues += violations.map { SetupIssue(field: field, value: value, rule: $0.rule, severity: $0.severity) }
        }

        // GitHub flavour.
        let flavor: GitHubFlavor
        switch flavorKind {
        case .githubDotCom:
            flavor = .githubDotCom
        case .enterpriseCloud:
            report(NameRules.enterpriseSlug(flavorName), .flavor, flavorName)
            flavor = .enterpriseCloud(slug: flavorName.lowercased())
        case .gheDotCom:
            report(NameRules.gheSubdomain(flavorName), .flavor, flavorName)
            flavor = .gheDotCom(subdomain: flavorName.lowercased())
        case .enterpriseServer:
            report(NameRules.serverHost(flavorName), .flavor, flavorName)
            flavor = .enterpriseServer(host: flavorName.lowercased())
        }

        // Repositories.
        var refs: [RepositoryRef] = []
        if repositories.isEmpty {
            issues.append(SetupIssue(field: .repository(0), value: "",
                                     rule: "Give at least one repository as owner/repo, e.g. octo-org/app."))
        }
        for (index, raw) in repositories.enumerated() {
            let (ref, violations) = Self.parseRepository(raw, flavor: flavor)
            report(violations, .repository(index), raw)
            if let ref {
                if refs.contains(ref) {
                    issues.append(SetupIssue(field: .repository(index), value: raw,
                                             rule: "This repository is listed twice; the second is ignored.", severity: .warning))
                } else {
                    refs.append(ref)
                }
            }
        }
        let nameOnly = refs.filter { !$0.usesImmutableSubject }
        if !nameOnly.isEmpty, nameOnly.count < refs.count {
            // Legitimate (repositories can differ), but worth a look: each repository emits one form only.
            if let index = repositories.firstIndex(where: { !$0.contains("@") }) {
                issues.append(SetupIssue(field: .repository(index), value: repositories[index],
                                         rule: "Some repositories use ids (owner@id/repo@id) and this one does not; each repository sends only one form, so check which one it uses.",
                                         severity: .warning))
            }
        }

        // Rules.
        var rules: [AccessRule] = []
        for (index, raw) in branches.enumerated() {
            let violations = NameRules.refPattern(raw, kind: "branch")
            report(violations, .branch(index), raw)
            if !violations.contains(where: { $0.severity == .error }) { rules.append(.branch(raw)) }
        }
        for (index, raw) in tags.enumerated() {
            let violations = NameRules.refPattern(raw, kind: "tag")
            report(violations, .tag(index), raw)
            if !violations.contains(where: { $0.severity == .error }) { rules.append(.tag(raw)) }
        }
        for (index, raw) in environments.enumerated() {
            let violations = NameRules.environmentName(raw)
            report(violations, .environment(index), raw)
            if !violations.contains(where: { $0.severity == .error }) { rules.append(.environment(raw)) }
        }
        if pullRequests { rules.append(.pullRequest) }
        var uniqueRules: [AccessRule] = []
        for rule in rules where !uniqueRules.contains(rule) { uniqueRules.append(rule) }
        rules = uniqueRules
        if anyContext {
            if !rules.isEmpty {
                issues.append(SetupIssue(field: .rules, value: "any context",
                                         rule: "\"Any context\" already lets in every branch, tag, pull request and environment; the other rules add nothing.",
                                         severity: .warning))
            }
            rules = [.anyContext]
        } else if rules.isEmpty, branches.isEmpty, tags.isEmpty, environments.isEmpty {
            rules = [.branch(Self.defaultBranch)]
        }

        // Extra claims: several values of one key are alternatives (one clause, values ORed).
        var claimValues: [(IAMClaim, [String])] = []
        for (index, raw) in extraClaims.enumerated() {
            guard let (key, value) = Self.splitPair(raw) else {
                issues.append(SetupIssue(field: .extraClaim(index), value: raw,
                                         rule: "Write an extra claim as KEY=VALUE, e.g. job_workflow_ref=acme/ci/.github/workflows/deploy.yml@refs/heads/main."))
                continue
            }
            guard let claim = IAMClaim(rawValue: key.lowercased()) else {
                issues.append(SetupIssue(field: .extraClaim(index), value: raw, rule: Self.unknownClaimRule(key)))
                continue
            }
            let violations = NameRules.claimValue(value, key: claim.rawValue)
            report(violations, .extraClaim(index), raw)
            guard violations.isEmpty else { continue }
            if let at = claimValues.firstIndex(where: { $0.0 == claim }) {
                if !claimValues[at].1.contains(value) { claimValues[at].1.append(value) }
            } else {
                claimValues.append((claim, [value]))
            }
        }
        let claims = claimValues.map { ClaimConstraint(claim: $0.0, values: $0.1) }

        // Subject template.
        let template = resolveTemplate(flavor: flavor, refs: refs, rules: rules, issues: &issues)

        // AWS.
        var region: Region?
        switch RegionCatalog.lookup(self.region) {
        case .known(let known): region = known
        case .unknown(let guessed):
            region = guessed
            issues.append(SetupIssue(field: .region, value: self.region,
                                     rule: "\(self.region) is not in this tool's region list (it may be new); assuming partition \(guessed.partition.rawValue). Check the spelling.",
                                     severity: .warning))
        case .isolated(let partition):
            issues.append(SetupIssue(field: .region, value: self.region,
                                     rule: "\(self.region) is in the isolated partition \(partition), which GitHub Actions cannot reach; this tool does not support it."))
        case .malformed(let reason):
            issues.append(SetupIssue(field: .region, value: self.region, rule: reason))
        }
        report(NameRules.accountID(accountID), .accountID, accountID)
        report(NameRules.roleName(roleName), .roleName, roleName)
        var duration: Int?
        if !sessionDuration.isEmpty {
            let (seconds, violations) = NameRules.sessionDuration(sessionDuration)
            duration = seconds
            report(violations, .sessionDuration, sessionDuration)
        }
        var audience: String?
        if !self.audience.isEmpty, let region {
            report(NameRules.audience(self.audience, partition: region.partition), .audience, self.audience)
            audience = self.audience
        }

        guard !issues.contains(where: { $0.severity == .error }), let region else {
            return SetupResolution(setup: nil, issues: issues)
        }
        let setup = Setup(flavor: flavor,
                          repositories: refs.map { RepositoryAccess(repository: $0, rules: rules) },
                          extraClaims: claims, subjectTemplate: template, region: region, audience: audience,
                          accountID: accountID, roleName: roleName, sessionDuration: duration)
        return SetupResolution(setup: setup, issues: issues)
    }

    private func resolveTemplate(flavor: GitHubFlavor, refs: [RepositoryRef], rules: [AccessRule],
                                 issues: inout [SetupIssue]) -> SubjectTemplate? {
        let keys = subjectTemplate.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        var fixed: [String: String] = [:]
        for (index, raw) in subjectTemplateValues.enumerated() {
            guard let (key, value) = Self.splitPair(raw) else {
                issues.append(SetupIssue(field: .subjectTemplateValue(index), value: raw,
                                         rule: "Write a template value as KEY=VALUE, e.g. workflow=deploy."))
                continue
            }
            if !keys.contains(key) {
                issues.append(SetupIssue(field: .subjectTemplateValue(index), value: raw,
                                         rule: "\(key) is not one of the template's keys (\(keys.joined(separator: ", ")))."))
                continue
            }
            let violations = NameRules.claimValue(value, key: key)
            issues += violations.map { SetupIssue(field: .subjectTemplateValue(index), value: raw, rule: $0.rule, severity: $0.severity) }
            if violations.isEmpty { fixed[key] = value }
        }
        guard !keys.isEmpty else { return nil }
        var blocking = false
        func fail(_ rule: String) {
            issues.append(SetupIssue(field: .subjectTemplate, value: subjectTemplate, rule: rule))
            blocking = true
        }
        if let unknown = keys.first(where: { !SubjectTemplate.knownKeys.contains($0) }) {
            fail("'\(unknown)' is not a claim GitHub can put in a subject template.")
        }
        if Set(keys).count != keys.count { fail("A subject template lists each claim key once.") }
        if !keys.contains(where: { SubjectTemplate.ownerBindingKeys.contains($0) }) {
            fail("A subject template must include repo (or repository, repository_owner, or an id); without it other owners' runs can produce a matching subject.")
        } else if let first = keys.first, !SubjectTemplate.ownerBindingKeys.contains(first) {
            issues.append(SetupIssue(field: .subjectTemplate, value: subjectTemplate,
                                     rule: "Templates usually start with repo; a subject that starts with '\(first):' is easy to loosen into one other owners match.",
                                     severity: .warning))
        }
        guard !blocking else { return nil }
        let template = SubjectTemplate(claimKeys: keys, fixedValues: fixed)
        for ref in refs {
            for rule in rules {
                for key in keys where template.value(of: key, repository: ref, rule: rule) == nil {
                    fail("The template includes \(key), which \(rule.displayName) of \(ref.fullName) does not determine; give it as \(key)=VALUE.")
                    return nil
                }
            }
        }
        return template
    }

    /// Parses `owner/repo` or `owner@ownerID/repo@repoID`.
    static func parseRepository(_ raw: String, flavor: GitHubFlavor) -> (RepositoryRef?, [RuleViolation]) {
        if raw.isEmpty { return (nil, [.error("Give the repository as owner/repo, e.g. octo-org/app.")]) }
        var text = raw
        let lowered = raw.lowercased()
        for prefix in ["https://github.com/", "http://github.com/", "github.com/", "git@github.com:"] where lowered.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            if text.hasSuffix(".git") { text = String(text.dropLast(4)) }
            while text.hasSuffix("/") { text.removeLast() }
            return (nil, [.error("Give the repository as owner/repo, not a URL: \(text).")])
        }
        // Printable ASCII (nearly every entry) is cut by bytes: there each byte is a character, so the cut is the
        // same, and this runs for every repository on every keystroke. Other text is cut by characters.
        let plain = text.isPrintableASCII
        let parts = plain
            ? text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(Substring($0)) }
            : text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            return (nil, [.error("Give the repository as owner/repo (one slash), e.g. octo-org/app.")])
        }
        func split(_ part: String) -> (String, String?) {
            if plain {
                let utf8 = part.utf8
                guard let at = utf8.firstIndex(of: UInt8(ascii: "@")) else { return (part, nil) }
                return (String(Substring(utf8[..<at])), String(Substring(utf8[utf8.index(after: at)...])))
            }
            guard let at = part.firstIndex(of: "@") else { return (part, nil) }
            return (String(part[..<at]), String(part[part.index(after: at)...]))
        }
        let (owner, ownerID) = split(parts[0])
        let (name, repositoryID) = split(parts[1])
        var violations = NameRules.owner(owner) + NameRules.repositoryName(name, owner: owner)
        if let ownerID { violations += NameRules.numericID(ownerID, what: "owner") }
        if let repositoryID { violations += NameRules.numericID(repositoryID, what: "repository") }
        if (ownerID == nil) != (repositoryID == nil) {
            violations.append(.error(Self.bothIDsRule))
        }
        if ownerID != nil, !flavor.supportsImmutableSubjects {
            violations.append(.error("GitHub Enterprise Server does not send immutable subjects; use owner/repo without ids."))
        }
        if violations.contains(where: { $0.severity == .error }) { return (nil, violations) }
        return (RepositoryRef(owner: owner, name: name, ownerID: ownerID, repositoryID: repositoryID), violations)
    }

    static func splitPair(_ raw: String) -> (String, String)? {
        // By bytes when the text is printable ASCII (each byte a character: the same cut, without breaking the
        // text into characters on every keystroke); by characters otherwise.
        guard let equals = raw.isPrintableASCII ? raw.utf8.firstIndex(of: UInt8(ascii: "=")) : raw.firstIndex(of: "=") else { return nil }
        let key = String(raw[..<equals]).trimmingSpaces()
        guard !key.isEmpty else { return nil }
        return (key, String(raw[raw.index(after: equals)...]))
    }

    static func unknownClaimRule(_ key: String) -> String {
        let lower = key.lowercased()
        if lower == "sub" { return "The subject is built from the repositories and rules; use --branch, --tag, --environment instead." }
        if lower == "aud" { return "Set the audience with --audience, not as an extra claim." }
        let known = IAMClaim.allCases.map(\.rawValue).joined(separator: ", ")
        return "IAM cannot test the claim '\(key)' (it is absent from the request, so the condition never matches); it can test \(known)."
    }
}

