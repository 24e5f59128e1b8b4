/// The id of every rule, with its catalog entry. Ids are stable: scripts, SARIF baselines and
/// suppression lists depend on them, so a rule may be reworded but never renamed.
public enum RuleID: String, Hashable, Sendable, CaseIterable {
    // Anyone on GitHub gets in.
    case principalTooWide = "principal-too-wide"
    case subjectMissing = "subject-missing"
    case subjectMatchesAnyone = "subject-matches-anyone"
    case ownerWildcard = "owner-wildcard"
    case negatedOnly = "negated-only"
    case templateWithoutBinding = "template-without-binding"
    case negatedUnsupportedKey = "negated-unsupported-key"
    case duplicateKey = "duplicate-key"
    case openToAnyOwner = "open-to-any-owner"
    // Far more than meant.
    case forAllValuesClaim = "forallvalues-claim"
    case lookalikeName = "lookalike-name"
    case orgWide = "org-wide"
    case anyContext = "any-context"
    case branchGlob = "branch-glob"
    case environmentGlob = "environment-glob"
    case pullRequestTrusted = "pull-request-trusted"
    case ifExistsClaim = "ifexists-claim"
    case audienceMissing = "audience-missing"
    case nameOnlySubject = "name-only-subject"
    case reusableWorkflowUnpinned = "reusable-workflow-unpinned"
    // Broken: never works as meant, or AWS refuses it.
    case awsWillReject = "aws-will-reject"
    case invalidPolicy = "invalid-policy"
    case noAllow = "no-allow"
    case intendedDenied = "intended-denied"
    case actionWrong = "action-wrong"
    case legacyIssuer = "legacy-issuer"
    case partitionMismatch = "partition-mismatch"
    case audienceWrong = "audience-wrong"
    case keyWrongPrefix = "key-wrong-prefix"
    case unsupportedClaimKey = "unsupported-claim-key"
    case wildcardUnderStringEquals = "wildcard-under-stringequals"
    case subjectUnderTwoOperators = "subject-under-two-operators"
    case subjectFormMismatch = "subject-form-mismatch"
    case invalidName = "invalid-name"
    case subjectNeverMatches = "subject-never-matches"
    case denyNeverApplies = "deny-never-applies"
    // Hygiene and teaching.
    case stringLikeWithoutWildcard = "stringlike-without-wildcard"
    case caseMismatch = "case-mismatch"
    case caseInsensitiveRef = "case-insensitive-ref"
    case versionMissing = "version-missing"
    case operatorSpelling = "operator-spelling"
    case defaultBranchEvents = "default-branch-events"
    case environmentProtection = "environment-protection"
    case selfHostedRunners = "self-hosted-runners"
    case notGitHub = "not-github"
    case analysisIncomplete = "analysis-incomplete"

    public var descriptor: RuleDescriptor {
        let (severity, kind, title, help) = Self.table(self)
        return RuleDescriptor(id: rawValue, severity: severity, kind: kind, title: title, help: help)
    }

    // swiftlint:disable:next function_body_length
    private static func table(_ id: RuleID) -> (Severity, FindingKind, String, String) {
        switch id {
        case .principalTooWide:
            return (.critical, .security, "Principal names everyone",
                    "`\"Principal\": \"*\"`, `{\"Federated\": \"*\"}` or a NotPrincipal in an Allow statement trusts callers other than your GitHub OIDC provider. Name exactly one provider: `{\"Federated\": \"arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com\"}`.")
        case .subjectMissing:
            return (.critical, .security, "No subject constraint",
                    "Without a condition on `sub` (or `job_workflow_ref`), every workflow on GitHub whose token reaches your account's provider can assume the role; only the audience is checked, and every GitHub token can ask for it. Add `StringEquals` on `<issuer>:sub` with `repo:<owner>/<repo>:ref:refs/heads/main` (or your branch, tag or environment).")
        case .subjectMatchesAnyone:
            return (.critical, .security, "Subject matches every repository",
                    "A `sub` value such as `*`, `repo:*` or `repo:*/*` matches the token of every repository on GitHub, anywhere in the list. AWS accepts `repo:*`, so the policy is stored and open. Replace it with the exact repository and branch, e.g. `repo:<owner>/<repo>:ref:refs/heads/main`.")
        case .ownerWildcard:
            return (.critical, .security, "Wildcard in the owner",
                    "`repo:acme*/…` or `repo:acm?/…` also matches `acme-evil` or `acmX`: accounts anyone can register. Write the owner exactly.")
        case .negatedOnly:
            return (.critical, .security, "Only negated subject constraints",
                    "`StringNotLike`/`StringNotEquals` on `sub` says who may *not* get in; everyone else on GitHub may. Say who may: `StringEquals` on `sub` with the exact repositories.")
        case .templateWithoutBinding:
            return (.critical, .security, "Custom subject without owner binding",
                    "A `sub` like `environment:prod:ref:refs/heads/main` comes from a custom subject template that does not start with the repository. Any owner can set up the same template and produce the same subject. Start the template with `repo` (or `repository_owner_id`/`repository_id`) and match it: `repo:<owner>/<repo>:environment:prod…`.")
        case .negatedUnsupportedKey:
            return (.critical, .security, "Negated test on a claim IAM never sees",
                    "IAM can test only `sub`, `aud` and a few other claims; a key like `repository_owner` is absent from the request, and a negated or `ForAllValues:` operator on an absent key is always true. The condition protects nothing. Test `sub` (or `repository`/`repository_id`) instead.")
        case .duplicateKey:
            return (.critical, .security, "Duplicate JSON key loses a constraint",
                    "The same member name twice in one object (two `\"StringLike\"` or two `\"Condition\"`) is legal JSON, but IAM keeps only the last one; the earlier constraint silently disappears. Merge the two objects into one.")
        case .openToAnyOwner:
            return (.critical, .security, "Any GitHub owner can assume the role",
                    "The evaluator found a workflow of a repository you did not name that this policy lets in. Constrain `sub` to your exact repositories with `StringEquals`.")
        case .forAllValuesClaim:
            return (.high, .security, "ForAllValues on a single-valued claim",
                    "`ForAllValues:` is true when the key is missing (or misspelled), so the condition can pass without checking anything. `sub`, `aud` and the other claims are single-valued: use plain `StringEquals`/`StringLike`.")
        case .lookalikeName:
            return (.high, .security, "Look-alike character in a name",
                    "A non-ASCII character that looks like a Latin letter (Cyrillic `а` in `аcme`) makes a different name. GitHub names are ASCII, so the real repository never matches, and the look-alike can only ever mean an attacker's account. Retype the name.")
        case .orgWide:
            return (.high, .security, "Every repository of the organisation",
                    "`repo:acme/*` lets every repository of `acme` in, every branch, tag, pull request and environment, including repositories created later and by anyone with repo-create rights. List the repositories explicitly.")
        case .anyContext:
            return (.medium, .security, "Any branch, tag, pull request or environment",
                    "`repo:acme/app:*` lets every run of the repository in: any branch anyone with push access creates, tags, pull requests and environments. Name the branch, tag or environment: `repo:acme/app:ref:refs/heads/main`.")
        case .branchGlob:
            return (.medium, .security, "Branch or tag pattern",
                    "`refs/heads/main*` also matches `main-evil`, and `refs/heads/*` any branch; anyone who can push a branch gets the role. Name the branches exactly, or protect every branch the pattern matches.")
        case .environmentGlob:
            return (.medium, .security, "Environment pattern",
                    "`…:environment:*` trusts every environment, and `environment:prod*` every environment whose name matches. A job creates an environment just by naming it, so anyone who can push a workflow gets the role. Name the environments exactly and protect each with required reviewers.")
        case .pullRequestTrusted:
            return (.medium, .security, "Pull requests trusted",
                    "`…:pull_request` gives the role to the code in any pull request from a branch of the repository, before review. Prefer running AWS steps after merge (on the branch) or behind a protected environment.")
        case .ifExistsClaim:
            return (.medium, .security, "IfExists on a GitHub claim",
                    "`…IfExists` passes when the claim is missing. GitHub always sends `sub` and `aud`, so `IfExists` adds nothing but a way around the check if a token without the claim is ever accepted. Use the operator without `IfExists`.")
        case .audienceMissing:
            return (.medium, .security, "No audience constraint",
                    "Without a condition on `aud`, tokens minted for other services are accepted too. Add `StringEquals` `<issuer>:aud` = `sts.amazonaws.com` (`sts.amazonaws.com.cn` in China).")
        case .nameOnlySubject:
            return (.medium, .security, "Subject without owner and repository ids",
                    "`repo:acme/app:…` names the repository by name only. If `acme` or `acme/app` is deleted or renamed, someone else can register the name and match. Repositories created, renamed or transferred since 2026-07-15 send `repo:acme@<owner-id>/app@<repo-id>:…` by default; opt in for older ones and use that form.")
        case .reusableWorkflowUnpinned:
            return (.medium, .security, "Reusable workflow not pinned",
                    "`job_workflow_ref` ending in `@*` or `@refs/heads/*` trusts any version of the workflow, including one on a branch anyone with push access can create. Pin it: `…/deploy.yml@refs/heads/main` or a tag.")
        case .awsWillReject:
            return (.high, .broken, "AWS will reject this policy",
                    "Since 2025 IAM refuses (CreateRole/UpdateAssumeRolePolicy) a trust policy for GitHub's provider unless it tests `sub` or `job_workflow_ref` with `StringEquals`, `StringLike` or `StringEqualsIgnoreCase` and a value that is not `*`. Add that condition.")
        case .invalidPolicy:
            return (.high, .broken, "AWS will reject this policy document",
                    "The document has something IAM refuses to store: a wrong type, an unknown operator or version, a missing Effect, Principal or Action, or a member a trust policy cannot have. Fix the named part.")
        case .noAllow:
            return (.high, .broken, "Nobody can assume the role",
                    "The policy has no Allow statement that can apply (or a Deny covers everything), so every request is denied. Add an Allow for your GitHub provider.")
        case .intendedDenied:
            return (.high, .broken, "A workflow you meant is denied",
                    "The evaluator denies a subject your setup asked for, or (without a setup) a subject the policy names exactly whose own run another condition refuses (a repository, ref or environment test that disagrees with it); the role cannot be assumed as meant. Check the named value against the subject GitHub sends.")
        case .actionWrong:
            return (.high, .broken, "Wrong action",
                    "GitHub's token is exchanged with `sts:AssumeRoleWithWebIdentity`; `sts:AssumeRole` alone never lets it in. `*` or `sts:*` works but trusts more actions than needed. Use exactly `sts:AssumeRoleWithWebIdentity`.")
        case .legacyIssuer:
            return (.high, .broken, "Legacy issuer",
                    "`vstoken.actions.githubusercontent.com` was GitHub's issuer before 2022; tokens no longer come from it. Use `token.actions.githubusercontent.com` for the provider and the condition keys.")
        case .partitionMismatch:
            return (.high, .broken, "Partition mismatch",
                    "China (`arn:aws-cn`) uses the audience `sts.amazonaws.com.cn`; every other partition `sts.amazonaws.com`. A mix can never be assumed. Match the audience to the provider's partition.")
        case .audienceWrong:
            return (.high, .broken, "Wrong audience",
                    "configure-aws-credentials asks GitHub for a token with audience `sts.amazonaws.com` (`.com.cn` in China). A policy expecting another value (often GitHub's default `https://github.com/<owner>`) never matches unless every workflow sets `audience:`.")
        case .keyWrongPrefix:
            return (.high, .broken, "Condition key with the wrong issuer prefix",
                    "Condition keys are `<issuer host>:<claim>`. A key with another issuer's prefix, or a misspelled claim, is absent from every request: under a positive operator the condition never holds; under a negated one it is always true. Use the provider's issuer as prefix.")
        case .unsupportedClaimKey:
            return (.high, .broken, "Claim IAM cannot test",
                    "IAM can test `sub`, `aud`, `actor`, `actor_id`, `job_workflow_ref`, `repository`, `repository_id`, `workflow`, `ref`, `environment` and `enterprise_id`. Any other claim (`repository_owner`, `event_name`, …) is absent from the request, so `StringEquals`/`StringLike` on it never matches. Test `sub` or a supported claim instead.")
        case .wildcardUnderStringEquals:
            return (.high, .broken, "Wildcard under StringEquals",
                    "`StringEquals` takes `*` and `?` literally, and a real subject never contains them, so the value never matches. Use `StringLike` for patterns (and make sure the pattern is as narrow as you mean).")
        case .subjectUnderTwoOperators:
            return (.high, .broken, "sub under two operators",
                    "Operators in one Condition AND together: `StringEquals sub=[a]` with `StringLike sub=[b*]` needs a subject that is both. Put all `sub` values under one operator (StringLike if any has a wildcard).")
        case .subjectFormMismatch:
            return (.high, .broken, "Subject form does not match the repository",
                    "A repository sends either `repo:owner/repo:…` or, with immutable subjects, `repo:owner@<id>/repo@<id>:…`; never both, and never one id without the other. Use the form your repository sends (GET /repos/{o}/{r}/actions/oidc/customization/sub says which).")
        case .invalidName:
            return (.high, .broken, "Name GitHub does not allow",
                    "Owners are 1–39 ASCII letters, digits and single hyphens; repositories 1–100 letters, digits, `.`, `-`, `_`. A name outside these rules never appears in a real subject. Correct the name.")
        case .subjectNeverMatches:
            return (.high, .broken, "Subject GitHub never sends",
                    "A subject is `claim:value` pairs: by default `repo:<owner>/<repo>:` followed by `ref:refs/heads/<branch>`, `ref:refs/tags/<tag>`, `environment:<name>` or `pull_request`; with a custom template, other claim names. A value of any other shape (`refs/heads/main`, `acme/app:…`, `repo:acme/app:main`, an empty string) never matches, so the role cannot be assumed through it. Write the subject GitHub sends.")
        case .denyNeverApplies:
            return (.medium, .security, "Deny that never applies",
                    "A Deny whose condition tests a key no GitHub request carries (a misspelled claim, one IAM cannot test, another issuer's prefix) under a positive operator never applies, so it keeps nobody out. Test `sub` (or a claim IAM can test) with the issuer's prefix.")
        case .stringLikeWithoutWildcard:
            return (.low, .hygiene, "StringLike without a wildcard",
                    "It works like `StringEquals`, but invites someone to add a `*` later. Use `StringEquals` for exact values.")
        case .caseMismatch:
            return (.low, .hygiene, "Capitalisation differs",
                    "GitHub names are case-insensitive, but the subject carries the canonical capitalisation and `StringEquals` compares case-sensitively. Write every name exactly as GitHub shows it.")
        case .caseInsensitiveRef:
            return (.low, .security, "Branch or tag compared without case",
                    "`StringEqualsIgnoreCase` on `sub` also accepts `refs/heads/MAIN` and `refs/heads/Main`, but git branch and tag names are case-sensitive: anyone who can push can create `Main`, which your branch protection on `main` does not cover. Use `StringEquals`.")
        case .versionMissing:
            return (.low, .hygiene, "No policy Version",
                    "Without `\"Version\": \"2012-10-17\"` IAM reads the policy in the 2008 language, where `${…}` policy variables are plain text. Add the Version.")
        case .operatorSpelling:
            return (.low, .hygiene, "Operator spelled unusually",
                    "IAM matches operator names case-insensitively, but other tools do not. Write the documented spelling.")
        case .defaultBranchEvents:
            return (.info, .security, "The default branch also serves other events",
                    "`pull_request_target`, `workflow_run` and `issue_comment` run on the default branch and send its subject, so trusting `refs/heads/main` trusts them too. Don't give those workflows `id-token: write`, and protect the branch.")
        case .environmentProtection:
            return (.info, .security, "Environment is only as safe as its protection",
                    "Any branch can name an environment unless GitHub restricts it. Give the environment required reviewers and a deployment branch rule.")
        case .selfHostedRunners:
            return (.info, .security, "Self-hosted runners not excluded",
                    "A custom subject template can include `runner_environment`; binding it to `github-hosted` keeps jobs on self-hosted runners (which may be shared or persistent) from assuming a sensitive role.")
        case .analysisIncomplete:
            return (.info, .hygiene, "Analysis stopped early",
                    "The policy is so large that the analysis stopped evaluating attacker requests after a fixed number, so the exposure it reports is a lower bound. Split the policy, or remove repeated statements; IAM also limits a trust policy's size.")
        case .notGitHub:
            return (.info, .hygiene, "Not a GitHub provider",
                    "This statement trusts a federated provider that is not a GitHub Actions issuer; the GitHub rules do not apply to it, and it is analysed only for what IAM itself checks.")
        }
    }
}
