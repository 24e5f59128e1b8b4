import Testing
@testable import OIDCWizardCore

/// A policy allowing the given `sub` values (StringLike when any is a glob) with the usual audience.
private func policy(subjects: [String], op: String? = nil, audience: String = "sts.amazonaws.com",
                    extra: [ConditionClause] = []) -> TrustPolicy {
    let subjectOp = op ?? (subjects.contains { $0.contains("*") || $0.contains("?") } ? "StringLike" : "StringEquals")
    var clauses = [Fixture.clause("StringEquals", Fixture.aud, audience),
                   ConditionClause(op: subjectOp, key: Fixture.sub, values: subjects)]
    clauses += extra
    return Fixture.policy(Fixture.statement(.allow, clauses))
}

private func table(_ policy: TrustPolicy, intent: PolicyIntent? = nil) -> [Scenario] {
    ScenarioBuilder.scenarios(for: policy, intent: intent)
}

private func row(_ rows: [Scenario], _ attack: String) -> Scenario? {
    rows.first { $0.attack?.contains(attack) ?? false }
}

private func intent(_ repository: RepositoryRef, _ rules: [AccessRule], audience: String = "sts.amazonaws.com") -> PolicyIntent {
    let access = RepositoryAccess(repository: repository, rules: rules)
    let subjects = rules.map { "\(repository.subjectPrefix):\($0.subjectSuffix)" }
    return PolicyIntent(flavor: .githubDotCom, partition: .aws, audience: audience, accountID: "123456789012",
                        repositories: [access], subjects: subjects)
}

@Suite("Who can assume the role: the scenario table")
struct ScenarioBuilderTests {
    @Test("a tight policy lets the meant run in and keeps every attacker out")
    func tightPolicy() throws {
        let rows = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main"]))
        let first = try #require(rows.first)
        #expect(first.line == "push to main in acme/app: allowed")
        #expect(first.actor == .intended)
        // Only the recycled name gets in: a name-only subject cannot tell a re-registered name apart.
        #expect(rows.filter(\.isSurprise).map(\.attack) == ["a recycled name: same names, a new repository id"])
        #expect(rows.contains { $0.line == "push to main in evil/app (another owner, same repository name): denied" })
        #expect((8...16).contains(rows.count))
    }

    @Test("a meant subject spelled in another normal form than an earlier one is still meant, never an attack")
    func meantInEitherNormalForm() {
        // acme's branch in NFD first, then evil's in NFC and in NFD: evil's NFD run is what the user asked for.
        let subjects = ["repo:acme/app:ref:refs/heads/cafe\u{301}", "repo:evil/app:ref:refs/heads/caf\u{E9}",
                        "repo:evil/app:ref:refs/heads/cafe\u{301}"]
        let repositories = [RepositoryAccess(repository: RepositoryRef(owner: "acme", name: "app"), rules: []),
                            RepositoryAccess(repository: RepositoryRef(owner: "evil", name: "app"), rules: [])]
        let meant = PolicyIntent(flavor: .githubDotCom, partition: .aws, audience: "sts.amazonaws.com", accountID: "123456789012",
                                 repositories: repositories, subjects: subjects)
        let rows = table(policy(subjects: subjects), intent: meant)
        // The other owner's run would be evil's NFD run: meant, so not put as an attack. (The audience and
        // recycled-name attacks keep a meant subject on purpose.)
        let otherOwner = rows.filter { $0.actor == .attacker && $0.attack == "another owner, same repository name" }.map(\.subject)
        #expect(!otherOwner.contains { Array($0.utf8) == Array(subjects[2].utf8) }, "\(otherOwner)")
    }

    @Test("the attacker's set covers every way in people get wrong")
    func attackerSetIsComplete() {
        let rows = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main"]))
        let subjects = rows.filter { $0.actor == .attacker }.map(\.subject)
        #expect(subjects.contains("repo:evil/app:ref:refs/heads/main"))
        #expect(subjects.contains("repo:acme-evil/app:ref:refs/heads/main"))
        #expect(subjects.contains("repo:acme/other-repo:ref:refs/heads/main"))
        #expect(subjects.contains("repo:acme/app:ref:refs/heads/main-evil"))
        #expect(subjects.contains("repo:acme/app:ref:refs/tags/v9.9.9"))
        #expect(subjects.contains("repo:acme/app:pull_request"))
        #expect(subjects.contains("repo:acme/app:environment:sandbox"))
        #expect(row(rows, "another service")?.request.context[Fixture.aud] == ["https://github.com/evil"])
        #expect(row(rows, "recycled name") != nil)
    }

    @Test("org-wide repo:acme/* lets another repository of the owner in, and says so")
    func orgWide() throws {
        let rows = table(policy(subjects: ["repo:acme/*"]))
        #expect(rows.first?.line == "push to main in acme/app: allowed")
        let sibling = try #require(row(rows, "another repository of the same owner"))
        #expect(sibling.decision.isAllowed)
        #expect(sibling.isSurprise)
        #expect(row(rows, "another owner")?.decision.isAllowed == false)
    }

    @Test("a wildcard in the owner lets a look-alike owner in")
    func ownerWildcard() throws {
        let rows = table(policy(subjects: ["repo:acme*/app:*"]))
        let lookAlike = try #require(row(rows, "look-alike owner"))
        #expect(lookAlike.subject == "repo:acme-evil/app:ref:refs/heads/main")
        #expect(lookAlike.decision.isAllowed && lookAlike.isSurprise)
        #expect(row(rows, "another owner, same")?.decision.isAllowed == false)
    }

    @Test("repo:* lets everyone in: another owner's run is allowed")
    func everyone() throws {
        let rows = table(policy(subjects: ["repo:*"]))
        let stranger = try #require(row(rows, "another owner, same repository name"))
        #expect(stranger.decision.isAllowed && stranger.isSurprise)
    }

    @Test("any context in one repository: pull requests, tags and environments get in")
    func anyContext() {
        let rows = table(policy(subjects: ["repo:acme/app:*"]))
        #expect(rows.first?.line == "push to main in acme/app: allowed")
        for attack in ["pull request", "a tag", "an environment", "a branch nobody listed"] {
            #expect(row(rows, attack)?.isSurprise == true, "\(attack)")
        }
        #expect(row(rows, "another owner, same")?.decision.isAllowed == false)
    }

    @Test("a branch prefix glob main* lets main-evil in")
    func branchPrefix() throws {
        let rows = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main*"]))
        let branch = try #require(row(rows, "a branch nobody listed"))
        #expect(branch.subject == "repo:acme/app:ref:refs/heads/main-evil")
        #expect(branch.decision.isAllowed && branch.isSurprise)
    }

    @Test("a glob the user asked for is not an attack: release/* with that intent lists no release branch as attacker")
    func intendedGlobIsNoAttack() {
        let rows = table(policy(subjects: ["repo:acme/app:ref:refs/heads/release/*"]),
                         intent: intent(RepositoryRef(owner: "acme", name: "app"), [.branch("release/*")]))
        #expect(rows.first?.line == "push to release/1 in acme/app: allowed")
        let attackers = rows.filter { $0.actor == .attacker }
        let sameToken = attackers.filter { $0.request.context[Fixture.aud] == ["sts.amazonaws.com"] && $0.attack?.contains("recycled") == false }
        #expect(!sameToken.contains { $0.subject.hasPrefix("repo:acme/app:ref:refs/heads/release/") })
        #expect(attackers.contains { $0.subject == "repo:acme/app:ref:refs/heads/evil" && !$0.decision.isAllowed })
        #expect(rows.filter(\.isSurprise).map(\.attack) == ["a recycled name: same names, a new repository id"])
    }

    @Test("a name-only policy for an id-pinned repository denies the run the user meant")
    func wrongSubjectForm() throws {
        let repo = RepositoryRef(owner: "acme", name: "app", ownerID: "1234567", repositoryID: "89012345")
        let rows = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main"]), intent: intent(repo, [.branch("main")]))
        let meant = try #require(rows.first)
        #expect(meant.subject == "repo:acme@1234567/app@89012345:ref:refs/heads/main")
        #expect(!meant.decision.isAllowed && meant.isSurprise)
        // The name-only form is what a recycled name sends, and this policy lets it in.
        let nameOnly = try #require(row(rows, "name-only form"))
        #expect(nameOnly.decision.isAllowed && nameOnly.isSurprise)
    }

    @Test("an id-pinned policy keeps a recycled name out")
    func immutableIDs() throws {
        let rows = table(policy(subjects: ["repo:acme@1234567/app@89012345:ref:refs/heads/main"]))
        #expect(rows.first?.line == "push to main in acme/app: allowed")
        let recycled = try #require(row(rows, "recycled name"))
        #expect(recycled.subject == "repo:acme@666666/app@987654321:ref:refs/heads/main")
        #expect(!recycled.decision.isAllowed)
        #expect(row(rows, "name-only form")?.decision.isAllowed == false)
        #expect(rows.allSatisfy { !$0.isSurprise })
    }

    @Test("a name-only policy lets a recycled name in unless it also pins repository_id")
    func recycledName() throws {
        let open = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main"]))
        #expect(try #require(row(open, "recycled name")).decision.isAllowed)
        let pinned = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main"],
                                  extra: [Fixture.clause("StringEquals", "token.actions.githubusercontent.com:repository_id", "89012345")]))
        #expect(pinned.first?.decision.isAllowed == true)
        #expect(try #require(row(pinned, "recycled name")).decision.isAllowed == false)
    }

    @Test("a policy expecting GitHub's default audience denies the run configure-aws-credentials makes")
    func wrongAudience() throws {
        let rows = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main"], audience: "https://github.com/acme"),
                         intent: intent(RepositoryRef(owner: "acme", name: "app"), [.branch("main")]))
        let meant = try #require(rows.first)
        #expect(meant.request.context[Fixture.aud] == ["sts.amazonaws.com"])
        #expect(!meant.decision.isAllowed && meant.isSurprise)
    }

    @Test("a custom subject without the repo binding lets another owner's run with the same subject in")
    func templateWithoutBinding() throws {
        let rows = table(policy(subjects: ["environment:prod"]))
        #expect(rows.first?.line == "run with subject \"environment:prod\": allowed")
        let stranger = try #require(row(rows, "another owner"))
        #expect(stranger.subject == "environment:prod")
        #expect(stranger.decision.isAllowed && stranger.isSurprise)
    }

    @Test("an explicit Deny for pull requests shows up as the deciding statement")
    func denyStatement() throws {
        let allow = Fixture.statement(.allow, [Fixture.clause("StringLike", Fixture.sub, "repo:acme/app:*"),
                                               Fixture.clause("StringEquals", Fixture.aud, "sts.amazonaws.com")])
        let deny = Fixture.statement(.deny, [Fixture.clause("StringEquals", Fixture.sub, "repo:acme/app:pull_request")])
        let rows = table(Fixture.policy(allow, deny))
        let pr = try #require(row(rows, "pull request"))
        #expect(pr.decision.outcome == .explicitDeny)
        #expect(pr.decision.statementIndex == 1)
        #expect(!pr.isSurprise)
    }

    @Test("several intended subjects each get a row, and attackers avoid every intended repository")
    func severalIntended() {
        let rows = table(policy(subjects: ["repo:acme/app:ref:refs/heads/main", "repo:acme/other-repo:environment:prod",
                                           "repo:acme/app:ref:refs/tags/v*"]))
        let intended = rows.filter { $0.actor == .intended }.map(\.line)
        #expect(intended == ["push to main in acme/app: allowed", "job in environment prod of acme/other-repo: allowed",
                             "tag v1.0.0 in acme/app: allowed"])
        #expect(row(rows, "another repository")?.subject == "repo:acme/other-repo-2:ref:refs/heads/main")
        // Tags v* were written on purpose (a whole-name wildcard): no tag matching them is listed as an attack.
        #expect(!rows.contains { $0.actor == .attacker && $0.subject.hasPrefix("repo:acme/app:ref:refs/tags/v") })
    }

    @Test("no subject at all: the example repository's run and every stranger get in")
    func noSubject() {
        let rows = table(Fixture.allowing(Fixture.clause("StringEquals", Fixture.aud, "sts.amazonaws.com")))
        #expect(rows.first?.line == "push to main in octo-org/app: allowed")
        #expect(row(rows, "another owner, same")?.isSurprise == true)
    }

    @Test("the table is deterministic and never longer than 16 rows")
    func deterministic() {
        let p = policy(subjects: ["repo:acme/a:ref:refs/heads/main", "repo:acme/b:ref:refs/heads/main", "repo:acme/c:pull_request",
                                  "repo:acme/d:environment:prod", "repo:acme/e:ref:refs/tags/v1", "repo:acme/f:*", "repo:acme/g:*",
                                  "repo:acme/h:*"])
        let first = table(p), second = table(p)
        #expect(first == second)
        #expect(first.count <= 16)
        #expect(first.filter { $0.actor == .intended }.count == ScenarioBuilder.maxIntendedRows)
    }

    @Test("claims the policy tests are in the request; claims IAM never sees are not")
    func claims() throws {
        let p = policy(subjects: ["repo:acme/app:ref:refs/heads/main"],
                       extra: [Fixture.clause("StringEquals", "token.actions.githubusercontent.com:job_workflow_ref",
                                              "acme/ci/.github/workflows/deploy.yml@refs/heads/main"),
                               Fixture.clause("StringEquals", "token.actions.githubusercontent.com:repository_owner", "acme")])
        let rows = table(p)
        let meant = try #require(rows.first)
        #expect(meant.request.context["token.actions.githubusercontent.com:job_workflow_ref"] == ["acme/ci/.github/workflows/deploy.yml@refs/heads/main"])
        #expect(meant.request.context["token.actions.githubusercontent.com:repository_owner"] == nil)
        // repository_owner is not an IAM key: the positive test never matches, so even the meant run is denied.
        #expect(!meant.decision.isAllowed && meant.isSurprise)
    }
}

@Suite("Plausible values for patterns")
struct PlausibleValueTests {
    @Test("globs become the run a person most likely meant, and still match their pattern",
          arguments: [("repo:acme/app:ref:refs/heads/main*", "repo:acme/app:ref:refs/heads/main"),
                      ("repo:acme/app:ref:refs/tags/v*", "repo:acme/app:ref:refs/tags/v1.0.0"),
                      ("repo:acme/app:ref:refs/heads/release/*", "repo:acme/app:ref:refs/heads/release/1"),
                      ("repo:acme/*", "repo:acme/app:ref:refs/heads/main"),
                      ("repo:acme*/app:*", "repo:acme/app:ref:refs/heads/main"),
                      ("repo:acme/app:environment:*", "repo:acme/app:environment:production"),
                      ("repo:acme@*/app@*:pull_request", "repo:acme@1234567/app@7654321:pull_request"),
                      ("repo:*", "repo:octo-org/app:ref:refs/heads/main"),
                      ("*", "repo:octo-org/app:ref:refs/heads/main")])
    func instantiate(pattern: String, expected: String) {
        let value = PlausibleValue.subject(for: pattern)
        #expect(value == expected)
        #expect(WildcardPattern(glob: pattern).matches(value))
    }

    @Test("a value without a wildcard is its own plausible run: its parts print it back as it was",
          arguments: ["repo:acme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/tags/v1.2.3", "repo:acme/app:environment:prod",
                      "repo:acme/app:pull_request", "repo:acme@123/app@456:ref:refs/heads/main", "repo:acme@/app@:pull_request",
                      "repo:acme@1@2/app:environment:x", "repo:acme/app/x:ref:refs/heads/y", "repo:Acme/App:ref:refs/heads/Main",
                      "repo:acme/app:ref:refs/heads/", "repo:acme/app:ref:refs/heads/e\u{301}x", "repo:ácme/äpp:environment:prüf",
                      "repo:acme/app:job_workflow_ref:acme/ci/.github/workflows/d.yml@refs/heads/main", "repo:acme/app:Pull_Request",
                      "repo:acme/app", "repo:acme", "repo:/app:ref:refs/heads/main", "environment:prod", "", "anything"])
    func exactValues(value: String) {
        #expect(PlausibleValue.subject(for: value) == value)
        // What the parts print, as subject(for:) worked it out before it returned such values at once.
        #expect((SubjectParts(parsing: value).map { PlausibleValue.subjectParts(for: $0).text } ?? value) == value)
    }
}

/// A wildcard typed into the owner or the repository is never "meant": the table shows who else gets in.
@Suite("Who can assume the role: wildcards in the owner or repository are put to the test")
struct ScenarioWildcardNameTests {
    /// The wizard's setup for `owner/name` with pushes to main, and the policy it generates.
    private func wizard(owner: String, name: String) -> (TrustPolicy, PolicyIntent) {
        let intent = intent(RepositoryRef(owner: owner, name: name), [.branch("main")])
        return (policy(subjects: intent.subjects), intent)
    }

    @Test("owner *: the meant row says */app, and another owner's app gets in, shown as a surprise")
    func anyOwner() throws {
        let (policy, intent) = wizard(owner: "*", name: "app")
        let rows = table(policy, intent: intent)
        #expect(rows.first?.line == "push to main in */app: allowed")
        let stranger = try #require(row(rows, "another owner, same repository name"))
        #expect(stranger.subject == "repo:evil/app:ref:refs/heads/main")
        #expect(stranger.line == "push to main in evil/app (another owner, same repository name): allowed")
        #expect(stranger.isSurprise)
        #expect(!rows.contains { $0.title.contains("octo-org") }, "\(rows.map(\.title))")
    }

    @Test("owner acme*: a look-alike owner the pattern admits gets in; an unrelated owner does not")
    func ownerPrefix() throws {
        let (policy, intent) = wizard(owner: "acme*", name: "app")
        let rows = table(policy, intent: intent)
        #expect(rows.first?.line == "push to main in acme*/app: allowed")
        let lookAlike = try #require(row(rows, "a look-alike owner"))
        #expect(lookAlike.subject == "repo:acme-evil/app:ref:refs/heads/main")
        #expect(lookAlike.ruling.isAllowed && lookAlike.isSurprise)
        #expect(row(rows, "another owner, same")?.outcomeWord == "denied")
    }

    @Test("repository *: another repository of the owner gets in, shown as a surprise")
    func anyRepository() throws {
        let (policy, intent) = wizard(owner: "acme", name: "*")
        let rows = table(policy, intent: intent)
        #expect(rows.first?.line == "push to main in acme/*: allowed")
        let sibling = try #require(row(rows, "another repository of the same owner"))
        #expect(sibling.subject == "repo:acme/other-repo:ref:refs/heads/main")
        #expect(sibling.ruling.isAllowed && sibling.isSurprise)
    }

    @Test("repository app*: a repository the pattern admits (app-evil) gets in, shown as a surprise")
    func repositoryPrefix() throws {
        let (policy, intent) = wizard(owner: "acme", name: "app*")
        let rows = table(policy, intent: intent)
        let sibling = try #require(row(rows, "another repository of the same owner"))
        #expect(sibling.subject == "repo:acme/app-evil:ref:refs/heads/main")
        #expect(sibling.ruling.isAllowed && sibling.isSurprise)
        #expect(row(rows, "another owner, same")?.outcomeWord == "denied")
    }

    @Test("a branch glob the user typed stays meant, even next to an owner wildcard")
    func branchGlobStaysMeant() {
        let intent = intent(RepositoryRef(owner: "*", name: "app"), [.branch("release/*")])
        let rows = table(policy(subjects: intent.subjects), intent: intent)
        #expect(rows.first?.line == "push to release/1 in */app: allowed")
        let sameRepository = rows.filter { $0.actor == .attacker && $0.subject.hasPrefix("repo:octo-org/app:ref:refs/heads/release/") }
        // The wrong-audience and recycled-name rows keep the meant subject on purpose.
        let unlisted = sameRepository.filter { $0.attack?.contains("recycled") == false && $0.attack?.contains("another service") == false }
        #expect(unlisted.isEmpty)
        #expect(row(rows, "another owner, same repository name")?.isSurprise == true)
    }

    @Test("every attacker row names a valid GitHub owner and repository")
    func attackerNamesAreValid() {
        for (owner, name) in [("*", "app"), ("acme*", "app"), ("*-corp", "app"), ("acme-*", "app"), ("acme", "*"), ("acme", "app*"),
                              ("a234567890123456789012345678901234567a", "app")] {
            let (policy, intent) = wizard(owner: owner, name: name)
            for scenario in table(policy, intent: intent) where scenario.actor == .attacker {
                let parts = SubjectParts(parsing: scenario.subject)
                #expect(parts.map { NameRules.owner($0.owner).isEmpty } == true, "\(scenario.subject)")
                #expect(parts.map { NameRules.repositoryName($0.name, owner: $0.owner).isEmpty } == true, "\(scenario.subject)")
            }
        }
    }
}
