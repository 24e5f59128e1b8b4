import ArgumentParser
import OIDCWizardCore

/// Every flag that describes a setup. `generate` uses them to build the setup; the interactive wizard
/// accepts the same flags to start pre-filled. They only fill a `SetupDraft` — validation is
/// `SetupDraft.resolve()`, the one model the wizard uses too — so no flag is required here.
struct SetupOptions: ParsableArguments {
    @Option(name: .customLong("repo"), help: ArgumentHelp(
        "A repository that may assume the role: OWNER/REPO, or OWNER@ID/REPO@ID for GitHub's immutable subject. Repeat for several.",
        valueName: "owner/repo"))
    var repositories: [String] = []

    @Option(name: .customLong("branch"), help: ArgumentHelp(
        "A branch whose runs may assume the role (default: main when no rule is given). '*' and '?' are wildcards. Repeatable.",
        valueName: "pattern"))
    var branches: [String] = []

    @Option(name: .customLong("tag"), help: ArgumentHelp(
        "A tag whose runs may assume the role; '*' and '?' are wildcards (e.g. 'v*'). Repeatable.", valueName: "pattern"))
    var tags: [String] = []

    @Option(name: .customLong("environment"), help: ArgumentHelp(
        "A deployment environment whose jobs may assume the role. Repeatable.", valueName: "name"))
    var environments: [String] = []

    @Flag(name: .customLong("pull-request"), help: "Let pull_request runs from branches of the repositories assume the role.")
    var pullRequests = false

    @Flag(name: .customLong("any-ref"), help: "Let every run of the repositories in: any branch, tag, pull request or environment.")
    var anyContext = false

    @Option(name: .customLong("account-id"), help: ArgumentHelp("The 12-digit AWS account id of the role.", valueName: "id"))
    var accountID: String?

    @Option(name: .customLong("role-name"), help: ArgumentHelp("The IAM role's name.", valueName: "name"))
    var roleName: String?

    @Option(name: .customLong("region"), help: ArgumentHelp(
        "The AWS region the workflow uses; it decides the partition (aws, aws-cn, aws-us-gov, aws-eusc).", valueName: "region"),
        completion: .list(RegionCatalog.allRegions))
    var region: String?

    @Option(name: .customLong("audience"), help: ArgumentHelp(
        "The token audience (default: sts.amazonaws.com, sts.amazonaws.com.cn in China).", valueName: "aud"))
    var audience: String?

    @Option(name: .customLong("session-duration"), help: ArgumentHelp(
        "How long the credentials last, 900 to 43200 seconds (default 3600).", valueName: "seconds"))
    var sessionDuration: String?

    @Option(name: .customLong("claim"), help: ArgumentHelp(
        "An extra condition on a token claim IAM can test: job_workflow_ref, repository_id, environment, ref, actor, actor_id, workflow, repository, enterprise_id. Repeat a key for alternatives.",
        valueName: "key=value"))
    var claims: [String] = []

    @Option(name: .customLong("subject-template"), help: ArgumentHelp(
        "Your custom subject template's claim keys, comma-separated in order (e.g. repo,context,job_workflow_ref).",
        valueName: "keys"))
    var subjectTemplate: String?

    @Option(name: .customLong("subject-value"), help: ArgumentHelp(
        "A value for a template key the repositories and rules do not determine (e.g. workflow=deploy). Repeatable.",
        valueName: "key=value"))
    var subjectValues: [String] = []

    @Option(name: .customLong("enterprise-slug"), help: ArgumentHelp(
        "GitHub Enterprise Cloud with a unique issuer: your enterprise's slug.", valueName: "slug"))
    var enterpriseSlug: String?

    @Option(name: .customLong("ghe-subdomain"), help: ArgumentHelp(
        "GHE.com (data residency): your subdomain, e.g. acme for acme.ghe.com.", valueName: "subdomain"))
    var gheSubdomain: String?

    @Option(name: .customLong("github-host"), help: ArgumentHelp(
        "GitHub Enterprise Server: its host name, e.g. github.example.com.", valueName: "host"))
    var githubHost: String?

    func validate() throws {
        let flavours = [("--enterprise-slug", enterpriseSlug), ("--ghe-subdomain", gheSubdomain), ("--github-host", githubHost)]
            .filter { $0.1 != nil }.map(\.0)
        if flavours.count > 1 {
            throw ValidationError("\(flavours.joined(separator: " and ")): choose one GitHub flavour.")
        }
    }

    /// The draft these flags describe (unset flags stay empty, for the wizard to fill).
    var draft: SetupDraft {
        var draft = SetupDraft(repositories: repositories, branches: branches, tags: tags, environments: environments,
                               pullRequests: pullRequests, anyContext: anyContext, extraClaims: claims,
                               subjectTemplate: subjectTemplate ?? "", subjectTemplateValues: subjectValues,
                               audience: audience ?? "", region: region ?? "", accountID: accountID ?? "",
                               roleName: roleName ?? "", sessionDuration: sessionDuration ?? "")
        if let enterpriseSlug {
            draft.flavorKind = .enterpriseCloud
            draft.flavorName = enterpriseSlug
        } else if let gheSubdomain {
            draft.flavorKind = .gheDotCom
            draft.flavorName = gheSubdomain
        } else if let githubHost {
            draft.flavorKind = .enterpriseServer
            draft.flavorName = githubHost
        }
        return draft
    }

    /// The flag a field came from, for messages: `.accountID` → `--account-id`.
    static func optionName(for field: SetupField, flavorKind: SetupDraft.FlavorKind) -> String {
        switch field {
        case .flavor:
            switch flavorKind {
            case .githubDotCom, .enterpriseCloud: "--enterprise-slug"
            case .gheDotCom: "--ghe-subdomain"
            case .enterpriseServer: "--github-host"
            }
        case .repository: "--repo"
        case .branch: "--branch"
        case .tag: "--tag"
        case .environment: "--environment"
        case .rules: "--any-ref"
        case .extraClaim: "--claim"
        case .subjectTemplate: "--subject-template"
        case .subjectTemplateValue: "--subject-value"
        case .accountID: "--account-id"
        case .region: "--region"
        case .roleName: "--role-name"
        case .audience: "--audience"
        case .sessionDuration: "--session-duration"
        }
    }

    /// One line: `--account-id '12345': an AWS account id is exactly 12 digits; this has 5.`
    static func message(for issue: SetupIssue, flavorKind: SetupDraft.FlavorKind) -> String {
        let option = optionName(for: issue.field, flavorKind: flavorKind)
        // Rules quote parts of the value (a claim key, a template key), so they are escaped as well.
        let rule = printable(sentenceContinuation(issue.rule))
        if issue.value.isEmpty, issue.severity == .error { return "\(option) is required: \(rule)" }
        return "\(option) '\(printable(issue.value))': \(rule)"
    }

    /// Lower-cases the first word when it is an ordinary word ("An" → "an", but "GitHub", "AWS" stay).
    static func sentenceContinuation(_ rule: String) -> String {
        let firstWord = rule.prefix { $0.isLetter }
        guard firstWord.count >= 1, firstWord.dropFirst().allSatisfy(\.isLowercase), let first = rule.first,
              first.isUppercase, !["I"].contains(String(firstWord)) else { return rule }
        return first.lowercased() + rule.dropFirst()
    }

    /// The value as typed, with control and invisible characters shown as `\u{…}` so the message stays one
    /// honest line (a newline or a bidi override in an argument cannot rewrite the terminal).
    static func printable(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x200B...0x200F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
