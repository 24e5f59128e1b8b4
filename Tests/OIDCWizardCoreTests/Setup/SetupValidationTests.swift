import Testing
@testable import OIDCWizardCore

@Suite("Setup validation")
struct SetupValidationTests {
    @Test("the blog post's example resolves to one repository trusting branch main")
    func blogExample() throws {
        let resolution = blogDraft().resolve()
        #expect(resolution.issues.isEmpty)
        let setup = try #require(resolution.setup)
        #expect(setup.intendedSubjects == ["repo:WtfJoke/aws-gh-oidc:ref:refs/heads/main"])
        #expect(setup.providerARN == "arn:aws:iam::589918074230:oidc-provider/token.actions.githubusercontent.com")
        #expect(setup.roleARN == "arn:aws:iam::589918074230:role/aws-gh-oidc")
        #expect(setup.audience == "sts.amazonaws.com")
    }

    @Test("subjects come one per repository and rule, in order, each once — few or many", arguments: [2, 3, 5])
    func subjectsInOrderWithoutDuplicates(repositories: Int) throws {
        let rules: [AccessRule] = [.branch("main"), .branch("release/*"), .tag("v*"), .environment("prod"), .pullRequest, .branch("main")]
        let base = try #require(blogDraft().resolve().setup)
        var setup = base
        setup.repositories = (0..<repositories).map { RepositoryAccess(repository: RepositoryRef(owner: "acme", name: "app\($0 % 4)"), rules: rules) }
        // The plain definition: every (repository, rule) subject, the first of equal ones kept.
        var expected: [String] = []
        for access in setup.repositories {
            for rule in access.rules {
                let subject = "\(access.repository.subjectPrefix):\(rule.subjectSuffix)"
                if !expected.contains(subject) { expected.append(subject) }
            }
        }
        #expect(setup.intendedSubjects == expected)
        #expect(Set(expected).count == expected.count)
        #expect(expected.count == min(repositories, 4) * 5)  // five distinct rules (many subjects: SeenKeysTests)
    }

    @Test("with no rule chosen, only branch main is trusted; any context only when asked")
    func defaultRule() throws {
        let setup = try #require(blogDraft { $0.branches = [] }.resolve().setup)
        #expect(setup.repositories[0].rules == [.branch("main")])
        let any = try #require(blogDraft { $0.branches = []; $0.anyContext = true }.resolve().setup)
        #expect(any.intendedSubjects == ["repo:WtfJoke/aws-gh-oidc:*"])
    }

    @Test("any context together with other rules keeps only any context, with a warning")
    func anyContextWithRules() throws {
        let resolution = blogDraft { $0.anyContext = true }.resolve()
        #expect(resolution.setup?.repositories[0].rules == [.anyContext])
        #expect(resolution.warnings.map(\.field) == [.rules])
    }

    @Test("every rule kind produces its subject, for every repository")
    func subjects() throws {
        let setup = try #require(blogDraft {
            $0.repositories = ["acme/app", "acme@12/api@34"]
            $0.branches = ["main", "release/*"]
            $0.tags = ["v*"]
            $0.environments = ["prod"]
            $0.pullRequests = true
        }.resolve().setup)
        #expect(setup.intendedSubjects == [
            "repo:acme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/heads/release/*", "repo:acme/app:ref:refs/tags/v*",
            "repo:acme/app:environment:prod", "repo:acme/app:pull_request",
            "repo:acme@12/api@34:ref:refs/heads/main", "repo:acme@12/api@34:ref:refs/heads/release/*",
            "repo:acme@12/api@34:ref:refs/tags/v*", "repo:acme@12/api@34:environment:prod", "repo:acme@12/api@34:pull_request",
        ])
        #expect(setup.subjectsAreGlobs)
    }

    // MARK: Owner and repository

    @Test("invalid repositories are errors naming the rule", arguments: [
        ("", "Give the repository"),
        ("acme", "one slash"),
        ("acme/app/extra", "one slash"),
        ("https://github.com/acme/app.git", "not a URL: acme/app"),
        ("-acme/app", "cannot start or end with a hyphen"),
        ("acme-/app", "cannot start or end with a hyphen"),
        ("ac--me/app", "two hyphens in a row"),
        ("ac_me/app", "'_' is not allowed"),
        (String(repeating: "a", count: 40) + "/app", "at most 39 characters; this has 40"),
        ("acme/", "repository name after the slash"),
        ("/app", "owner (user or organisation)"),
        ("acme/..", "cannot be a repository name"),
        ("acme/a b", "a space is not allowed"),
        ("acme/" + String(repeating: "r", count: 101), "at most 100 characters"),
        ("acme@12/app", "both ids"),
        ("acme/app@34", "both ids"),
        ("acme@x1/app@34", "is a number"),
        ("acme/app\n", "a line break (U+000A)"),
        ("acme/app${{x}}", "'$' is not allowed"),
    ])
    func invalidRepository(input: String, expected: String) throws {
        let resolution = blogDraft { $0.repositories = [input] }.resolve()
        #expect(resolution.setup == nil)
        let issue = try #require(resolution.errors.first)
        #expect(issue.field == .repository(0))
        #expect(issue.value == input)
        #expect(issue.rule.contains(expected), "\(issue.rule)")
    }

    @Test("a Cyrillic look-alike in the owner is an error that says so")
    func cyrillicLookAlike() throws {
        let resolution = blogDraft { $0.repositories = ["\u{0430}cme/app"] }.resolve()
        let issue = try #require(resolution.errors.first)
        #expect(issue.rule.contains("Cyrillic letter"))
        #expect(issue.rule.contains("U+0430"))
        #expect(issue.rule.contains("look-alike of the Latin 'a'"))
    }

    @Test("Greek, fullwidth and invisible characters are named too", arguments: [
        ("acme/\u{03BF}ps", "Greek letter"), ("\u{FF41}cme/app", "fullwidth letter"),
        ("acme/app\u{202E}", "invisible character"), ("acm\u{00E9}/app", "not ASCII"),
    ])
    func otherNonASCII(input: String, expected: String) throws {
        let issue = try #require(blogDraft { $0.repositories = [input] }.resolve().errors.first)
        #expect(issue.rule.contains(expected), "\(issue.rule)")
    }

    @Test("wildcards in the owner still produce a setup, with a warning, and mark it as open to other owners",
          arguments: ["acme*/app", "*/app", "acm?/app"])
    func ownerWildcard(input: String) throws {
        let resolution = blogDraft { $0.repositories = [input] }.resolve()
        let setup = try #require(resolution.setup)
        #expect(setup.opensToOtherOwners)
        #expect(resolution.warnings.first?.field == .repository(0))
        #expect(resolution.warnings.first?.rule.contains("anyone can create such an account") == true)
        #expect(setup.subjectsAreGlobs)
    }

    @Test("a wildcard repository name is org-wide: a warning, not open to other owners")
    func repositoryWildcard() throws {
        let resolution = blogDraft { $0.repositories = ["acme/*"] }.resolve()
        let setup = try #require(resolution.setup)
        #expect(!setup.opensToOtherOwners)
        #expect(resolution.warnings.first?.rule.contains("every repository of acme") == true)
    }

    @Test("immutable ids are refused on Enterprise Server")
    func immutableOnServer() throws {
        let issue = try #require(blogDraft {
            $0.flavorKind = .enterpriseServer; $0.flavorName = "github.example.com"; $0.repositories = ["acme@1/app@2"]
        }.resolve().errors.first)
        #expect(issue.rule.contains("Enterprise Server does not send immutable subjects"))
    }

    @Test("a repository listed twice is used once, with a warning")
    func duplicateRepository() throws {
        let resolution = blogDraft { $0.repositories = ["acme/app", "acme/app"] }.resolve()
        #expect(resolution.setup?.repositories.count == 1)
        #expect(resolution.warnings.first?.field == .repository(1))
    }

    // MARK: Branches, tags, environments

    @Test("branch and tag names follow git's ref rules", arguments: [
        ("", "Give the branch name"), ("refs/heads/main", "without 'refs/heads/'"), ("a b", "a space"),
        ("a~b", "'~'"), ("a^b", "'^'"), ("a:b", "':'"), ("a[b", "'['"), ("a\\b", "'\\'"), ("-main", "start with '-'"),
        ("a..b", "'..'"), ("a@{b", "'@{'"), ("@", "'@' alone"), ("/main", "'/'"), ("main/", "'/'"), ("a//b", "'//'"),
        ("main.", "end with '.'"), ("a/.b", "start with '.'"), ("a.lock", "'.lock'"), ("${{ github.token }}", "expression"),
        ("ma\u{0456}n", "Cyrillic"), ("main\u{0007}", "control character"),
    ])
    func invalidBranch(input: String, expected: String) throws {
        let resolution = blogDraft { $0.branches = ["main", input] }.resolve()
        let issue = try #require(resolution.errors.first)
        #expect(issue.field == .branch(1))
        #expect(issue.rule.contains(expected), "\(issue.rule)")
        let tagIssue = try #require(blogDraft { $0.tags = [input] }.resolve().errors.first)
        #expect(tagIssue.field == .tag(0))
    }

    @Test("valid branch names and globs pass", arguments: ["main", "release/*", "feature/x+y", "v1.2", "a?b", "dependabot/npm/x-1.0"])
    func validBranch(input: String) {
        #expect(blogDraft { $0.branches = [input] }.resolve().issues.isEmpty)
    }

    @Test("environment names: one real, safe name", arguments: [
        ("", "Give the environment name"), ("prod*", "wildcards"), ("a:b", "':' is not allowed"),
        (" prod", "start or end with a space"), ("${{ vars.X }}", "expression"), ("pr\u{043E}d", "Cyrillic"),
        ("a\"b", "'\"' is not allowed"), (String(repeating: "e", count: 256), "at most 255"),
    ])
    func invalidEnvironment(input: String, expected: String) throws {
        let issue = try #require(blogDraft { $0.environments = [input] }.resolve().errors.first)
        #expect(issue.field == .environment(0))
        #expect(issue.rule.contains(expected), "\(issue.rule)")
    }

    @Test("environment names with spaces, dots and hyphens pass")
    func validEnvironment() {
        #expect(blogDraft { $0.environments = ["Production East", "stage.eu-1", "qa_2"] }.resolve().issues.isEmpty)
    }

    // MARK: AWS

    @Test("account ids are exactly 12 digits", arguments: [
        ("", "Give the 12-digit"), ("12345", "exactly 12 digits; this has 5"), ("1234567890123", "this has 13"),
        ("12345678901x", "'x' is not a digit"), ("1234-5678-9012", "without separators: 123456789012"),
    ])
    func accountID(input: String, expected: String) throws {
        let issue = try #require(blogDraft { $0.accountID = input }.resolve().errors.first)
        #expect(issue.field == .accountID)
        #expect(issue.rule.contains(expected), "\(issue.rule)")
    }

    @Test("role names follow IAM's rules", arguments: [
        ("", "Give the name"), ("a b", "a space is not allowed"), ("path/role", "without a path"),
        (String(repeating: "r", count: 65), "at most 64 characters; this has 65"), ("r\u{043E}le", "Cyrillic"),
    ])
    func roleName(input: String, expected: String) throws {
        let issue = try #require(blogDraft { $0.roleName = input }.resolve().errors.first)
        #expect(issue.field == .roleName)
        #expect(issue.rule.contains(expected), "\(issue.rule)")
    }

    @Test("role names may use + = , . @ _ -")
    func validRoleName() {
        #expect(blogDraft { $0.roleName = "a+b=c,d.e@f_g-h" }.resolve().issues.isEmpty)
        #expect(blogDraft { $0.roleName = String(repeating: "r", count: 64) }.resolve().issues.isEmpty)
    }

    @Test("session duration is 900 to 43200 seconds", arguments: [
        ("899", false), ("900", true), ("43200", true), ("43201", false), ("1h", false), ("-1", false), ("3600", true),
    ])
    func sessionDuration(input: String, valid: Bool) {
        let resolution = blogDraft { $0.sessionDuration = input }.resolve()
        #expect((resolution.setup != nil) == valid)
        if valid { #expect(resolution.setup?.sessionDuration == Int(input)) }
        else { #expect(resolution.errors.first?.field == .sessionDuration) }
    }

    @Test("audience: the partition's default is silent, China's in the commercial partition is an error")
    func audience() throws {
        #expect(blogDraft { $0.audience = "sts.amazonaws.com" }.resolve().issues.isEmpty)
        let wrong = try #require(blogDraft { $0.audience = "sts.amazonaws.com.cn" }.resolve().errors.first)
        #expect(wrong.field == .audience)
        #expect(wrong.rule.contains("AWS China"))
        let reverse = blogDraft { $0.region = "cn-north-1"; $0.audience = "sts.amazonaws.com" }.resolve()
        #expect(reverse.errors.first?.field == .audience)
        let custom = blogDraft { $0.audience = "my-audience" }.resolve()
        #expect(custom.setup?.audience == "my-audience")
        #expect(custom.warnings.first?.field == .audience)
        let github = blogDraft { $0.audience = "https://github.com/acme" }.resolve()
        #expect(github.warnings.first?.rule.contains("GitHub's own default audience") == true)
        for bad in ["a b", "*", "${{ x }}", "\u{0430}ud"] {
            #expect(blogDraft { $0.audience = bad }.resolve().errors.first?.field == .audience, "\(bad)")
        }
    }

    // MARK: Flavours

    @Test("flavour names are validated", arguments: [
        (SetupDraft.FlavorKind.enterpriseCloud, "", "enterprise slug"),
        (.enterpriseCloud, "ac me", "a space is not allowed"),
        (.gheDotCom, "acme.ghe.com", "only the subdomain: acme"),
        (.gheDotCom, "-acme", "start or end with a hyphen"),
        (.enterpriseServer, "https://github.example.com", "without https://"),
        (.enterpriseServer, "git hub.example.com", "a space is not allowed"),
        (.enterpriseServer, "github..example.com", "1 to 63 characters"),
    ])
    func flavourNames(kind: SetupDraft.FlavorKind, name: String, expected: String) throws {
        let issue = try #require(blogDraft { $0.flavorKind = kind; $0.flavorName = name }.resolve().errors.first)
        #expect(issue.field == .flavor)
        #expect(issue.rule.contains(expected), "\(issue.rule)")
    }

    // MARK: Extra claims and templates

    @Test("extra claims: known keys, values ORed per key, glob detection")
    func extraClaims() throws {
        let setup = try #require(blogDraft {
            $0.extraClaims = ["actor=octocat", "actor=hubot", "job_workflow_ref=acme/ci/.github/workflows/d.yml@refs/heads/*"]
        }.resolve().setup)
        #expect(setup.extraClaims == [
            ClaimConstraint(claim: .actor, values: ["octocat", "hubot"]),
            ClaimConstraint(claim: .jobWorkflowRef, values: ["acme/ci/.github/workflows/d.yml@refs/heads/*"]),
        ])
        #expect(setup.extraClaims[1].isGlob)
    }

    @Test("extra claims IAM cannot test, or that match everything, are errors", arguments: [
        ("repository_owner=acme", "IAM cannot test the claim"), ("sub=x", "--branch"), ("aud=x", "--audience"),
        ("actor", "KEY=VALUE"), ("actor=", "Give a value"), ("actor=*", "would match every value"),
        ("workflow=${{ github.x }}", "expression"),
    ])
    func badClaims(input: String, expected: String) throws {
        let issue = try #require(blogDraft { $0.extraClaims = [input] }.resolve().errors.first)
        #expect(issue.field == .extraClaim(0))
        #expect(issue.rule.contains(expected), "\(issue.rule)")
    }

    @Test("a subject template takes values from the setup and the user, never a made-up wildcard")
    func subjectTemplate() throws {
        let setup = try #require(blogDraft {
            $0.environments = ["prod"]; $0.branches = []
            $0.subjectTemplate = "repo,context,job_workflow_ref"
            $0.subjectTemplateValues = ["job_workflow_ref=acme/ci/.github/workflows/deploy.yml@refs/heads/main"]
        }.resolve().setup)
        #expect(setup.intendedSubjects == [
            "repo:WtfJoke/aws-gh-oidc:environment:prod:job_workflow_ref:acme/ci/.github/workflows/deploy.yml@refs/heads/main",
        ])
        let missing = try #require(blogDraft { $0.subjectTemplate = "repo,workflow" }.resolve().errors.first)
        #expect(missing.field == .subjectTemplate)
        #expect(missing.rule.contains("give it as workflow=VALUE"))
    }

    @Test("a subject template must bind the owner, and names only real keys")
    func templateBinding() throws {
        let unbound = try #require(blogDraft { $0.subjectTemplate = "context" }.resolve().errors.first)
        #expect(unbound.rule.contains("other owners"))
        let unknown = try #require(blogDraft { $0.subjectTemplate = "repo,colour" }.resolve().errors.first)
        #expect(unknown.rule.contains("'colour'"))
        let late = blogDraft { $0.subjectTemplate = "context,repo" }.resolve()
        #expect(late.setup != nil)
        #expect(late.warnings.first?.field == .subjectTemplate)
    }

    @Test("every error is reported at once, with its field")
    func allErrorsAtOnce() {
        let resolution = SetupDraft(repositories: ["bad"], region: "nowhere", accountID: "1", roleName: "").resolve()
        #expect(Set(resolution.errors.map(\.field)) == [.repository(0), .region, .accountID, .roleName])
    }
}
