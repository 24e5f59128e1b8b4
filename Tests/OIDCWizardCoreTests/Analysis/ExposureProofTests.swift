import Testing
@testable import OIDCWizardCore

/// The exposure skips searching a statement whose own `sub` test provably admits only meant subjects.
/// The proof must never hide a hole: skipping must give exactly what searching gives.
@Suite("Proving a statement confined before searching it")
struct ExposureProofTests {
    private static func exposure(_ policy: TrustPolicy, intent: PolicyIntent?, proveFirst: Bool) -> Exposure {
        let analysis = PolicyAnalysis(policy: policy, context: AnalysisContext(intent: intent))
        return Exposure(evaluator: analysis.evaluator, facts: analysis.statements, scope: analysis.scope,
                        template: { analysis.template(for: $0) }, budget: EvaluationBudget(policy: policy), proveFirst: proveFirst)
    }

    private static func confines(_ scope: IntendedScope, _ value: String, _ comparison: ConditionOperator.Comparison) -> Bool {
        scope.confines(SubjectShape(value), glob: WildcardPattern(glob: value), comparison: comparison)
    }

    /// What an exposure found, in a comparable form.
    private static func summary(_ exposure: Exposure) -> [String] {
        exposure.admissions.map { "in \($0.subject) \($0.reach) via \($0.applyingStatements)" }
            + exposure.blocked.map { "blocked \($0.subject) \($0.reach) \($0.statement) by \($0.denyingStatement)" }
            + ["capped \(exposure.capped)"]
    }

    private static let intents: [PolicyIntent?] = [nil] + PolicyCorpus.generatedSetups().prefix(6).map(PolicyIntent.init(setup:))

    @Test("every policy of the corpus, with and without a setup: the same admissions and blocks as the full search")
    func corpusUnchanged() throws {
        var compared = 0
        for entry in try PolicyCorpus.all() {
            for intent in Self.intents {
                #expect(Self.summary(Self.exposure(entry.policy, intent: intent, proveFirst: true))
                        == Self.summary(Self.exposure(entry.policy, intent: intent, proveFirst: false)), "\(entry.name)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    @Test("every setup the wizard can produce, with its own policy: the same as the full search")
    func generatedUnchanged() {
        for setup in PolicyCorpus.generatedSetups() {
            let policy = TrustPolicyGenerator.policy(for: setup)
            let intent = PolicyIntent(setup: setup)
            #expect(Self.summary(Self.exposure(policy, intent: intent, proveFirst: true))
                    == Self.summary(Self.exposure(policy, intent: intent, proveFirst: false)), "\(setup.intendedSubjects)")
        }
    }

    @Test("a tight generated policy is proved confined value by value, so nothing is searched")
    func generatedTightIsConfined() throws {
        let draft = SetupDraft(repositories: ["Acme/App", "acme/web"], branches: ["main", "release/*"], tags: ["v*"],
                               environments: ["production"], pullRequests: true,
                               region: "eu-central-1", accountID: "123456789012", roleName: "deploy")
        let setup = try #require(draft.resolve().setup)
        let analysis = PolicyAnalysis(policy: TrustPolicyGenerator.policy(for: setup), context: AnalysisContext(intent: PolicyIntent(setup: setup)))
        let values = analysis.statements.flatMap { $0.clauses(on: "sub") }.flatMap { clause in clause.clause.values.map { (clause.op!, $0) } }
        #expect(values.count == 10)
        for (op, value) in values {
            #expect(Self.confines(analysis.scope, value, op.comparison), "\(value)")
        }
    }

    private static let acme = IntendedScope(owners: ["acme"], ownerIDs: ["acme": "1234"], repositories: ["acme/app"],
                                            subjects: ["repo:acme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/heads/release/*",
                                                       "repo:acme/app:environment:*"].map { WildcardPattern(glob: $0) })

    @Test("values the proof accepts: the setup's own subjects, narrower patterns under a meant `…:*`, and unsendable text",
          arguments: [("repo:acme/app:ref:refs/heads/main", ConditionOperator.Comparison.stringEquals),
                      ("repo:acme/app:ref:refs/heads/main", .stringLike),
                      ("repo:acme/app:ref:refs/heads/release/*", .stringLike),
                      ("repo:acme/app:environment:prod*", .stringLike),
                      ("repo:acme/app:environment:production", .stringEquals),
                      ("not a subject GitHub sends", .stringEquals)])
    func accepted(_ value: String, _ comparison: ConditionOperator.Comparison) {
        #expect(Self.confines(Self.acme, value, comparison))
    }

    @Test("values the proof leaves to the search: other owners, repositories, runs or spellings, wildcards before the context, ids, IgnoreCase",
          arguments: [("repo:acme/app:ref:refs/heads/dev", ConditionOperator.Comparison.stringEquals),
                      ("repo:acme/app:ref:refs/heads/*", .stringLike),
                      ("repo:acme/app:*", .stringLike),
                      ("repo:acme/*", .stringLike),
                      ("repo:acme*/app:ref:refs/heads/main", .stringLike),
                      ("repo:acme/app*:ref:refs/heads/main", .stringLike),
                      ("repo:acme@*/app:ref:refs/heads/release/*", .stringLike),
                      ("repo:acme/app@*:environment:prod", .stringLike),
                      ("repo:acme@999/app@55:ref:refs/heads/main", .stringEquals),
                      ("repo:Acme/app:ref:refs/heads/release/*", .stringLike),
                      ("repo:octo/app:ref:refs/heads/main", .stringEquals),
                      ("repo:acme/web:ref:refs/heads/main", .stringEquals),
                      ("repo:acme/app:ref:refs/heads/main", .stringEqualsIgnoreCase),
                      ("repo:acme/app:ref:refs/heads/release/*", .stringEqualsIgnoreCase),
                      ("*", .stringLike),
                      ("environment:production", .stringEquals)])
    func refused(_ value: String, _ comparison: ConditionOperator.Comparison) {
        #expect(!Self.confines(Self.acme, value, comparison))
    }

    @Test("every attacker subject built for an accepted pattern is meant or never sent", arguments: [
        "repo:acme/app:ref:refs/heads/release/*", "repo:acme/app:environment:*", "repo:acme/app:environment:prod*",
        "repo:acme/app:ref:refs/heads/release/?*"])
    func acceptedPatternsHaveNoWayOut(_ pattern: String) {
        #expect(Self.confines(Self.acme, pattern, .stringLike))
        let parts = Witnesses.Parts(owners: ["zz-attacker", "acme", "acme-evil"], repositories: ["app", "zz-other"],
                                    contexts: ["ref:refs/heads/main", "ref:refs/heads/release/x", "environment:prod", "pull_request"])
        let witnesses = Witnesses.subjects(matching: pattern, parts: parts)
        #expect(!witnesses.isEmpty)
        for witness in witnesses {
            #expect([nil, .meant].contains(Self.acme.reach(of: witness)), "\(witness)")
        }
    }

    @Test("a pattern covers another when it is the same or a fixed head and a trailing *",
          arguments: [("a:*", "a:b*", true), ("a:b*", "a:b*", true), ("a:*", "a:", true), ("a:*", "b:*", false),
                      ("a:b*", "a:*", false), ("a?:*", "ab:c", false), ("*", "x", true), ("a*b", "a*b", true), ("a*b", "ab", false)])
    func covering(_ outer: String, _ inner: String, _ expected: Bool) {
        #expect(IntendedScope.pattern(WildcardPattern(glob: outer), covers: WildcardPattern(glob: inner)) == expected)
    }
}
