#if DEBUG
import Foundation
import Testing
@testable import OIDCWizardCore

/// Collects every quick decision made while a closure runs (debug builds only: `EvaluationAudit`).
private final class DecisionLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(policy: TrustPolicy, request: AssumeRequest, ruling: Ruling)] = []

    static func recording(_ body: () -> Void) -> [(policy: TrustPolicy, request: AssumeRequest, ruling: Ruling)] {
        let log = DecisionLog()
        EvaluationAudit.$listener.withValue({ compiled, request, ruling in log.add(compiled.policy, request, ruling) }) {
            body()
        }
        return log.all
    }

    private func add(_ policy: TrustPolicy, _ request: AssumeRequest, _ ruling: Ruling) {
        lock.lock()
        entries.append((policy, request, ruling))
        lock.unlock()
    }

    private var all: [(policy: TrustPolicy, request: AssumeRequest, ruling: Ruling)] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}

/// Operators × values × requests: the IAM semantics the quick path must reproduce exactly.
private func semanticsCases() -> [(TrustPolicy, AssumeRequest)] {
    let key = Fixture.sub
    let operators = ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "StringEqualsIgnoreCase",
                     "StringNotEqualsIgnoreCase", "StringLikeIfExists", "StringNotLikeIfExists", "ForAnyValue:StringLike",
                     "ForAnyValue:StringNotLike", "ForAllValues:StringEquals", "ForAllValues:StringNotEquals",
                     "forallvalues:stringlike", "Null", "ArnLike", "ArnNotEquals", "NumericLessThan", "Bool",
                     "DateGreaterThan", "IpAddress", "BinaryEquals", "StringLooksLike"]
    let valueSets: [[String]] = [
        ["repo:acme/app:ref:refs/heads/main"], ["repo:acme/*"], ["REPO:ACME/APP:REF:REFS/HEADS/MAIN"],
        ["repo:${aws:username}/app:*"], ["repo:acme/app:${*}"], ["repo:${token.actions.githubusercontent.com:actor}/*"],
        ["true"], ["false", "true"], ["arn:aws:iam::*:role/x"], ["10"], ["2020-01-01T00:00:00Z"], ["10.0.0.0/8"],
        ["repo:acme/app:ref:refs/heads/main", "repo:other/*"], ["repo:acme/app?ref:refs/heads/m?in"],
    ]
    let contexts: [[String: [String]]] = [
        [:],
        [key: ["repo:acme/app:ref:refs/heads/main"]],
        ["Token.Actions.GitHubUserContent.com:SUB": ["repo:acme/app:ref:refs/heads/main"]],
        [key: ["repo:acme/app:ref:refs/heads/main", "repo:evil/app:ref:refs/heads/main"]],
        [key: ["repo:acme/app:ref:refs/heads/*"], "token.actions.githubusercontent.com:actor": ["acme"]],
        [key: ["repo:äcme/app:ref:refs/heads/main"]],
        [key: ["5"]], [key: ["TRUE"]], [key: ["2021-06-01T00:00:00Z"]], [key: ["10.1.2.3"]],
        [key: ["arn:aws:iam::123456789012:role/x"]], [key: []],
    ]
    var cases: [(TrustPolicy, AssumeRequest)] = []
    for op in operators {
        for values in valueSets {
            let clause = ConditionClause(op: op, key: key, values: values)
            for version in [TrustPolicy.currentVersion, nil] {
                let allow = Fixture.policy(Fixture.statement(.allow, [clause]), version: version)
                let denyToo = Fixture.policy(Fixture.statement(.allow), Fixture.statement(.deny, [clause]), version: version)
                for context in contexts {
                    cases.append((allow, Fixture.request(context)))
                    cases.append((denyToo, Fixture.request(context)))
                }
            }
        }
    }
    // Principals and actions: wildcards, NotPrincipal, NotAction, case, missing parts, invalid effects.
    let statements: [PolicyStatement] = [
        Fixture.statement(.allow, principal: .wildcard),
        Fixture.statement(.allow, principal: .entries([PrincipalEntry(type: "AWS", values: ["*"])])),
        Fixture.statement(.allow, principal: nil, notPrincipal: .entries([PrincipalEntry(type: "Federated", values: ["arn:aws:iam::1:oidc-provider/x"])])),
        Fixture.statement(.allow, notPrincipal: .wildcard),
        Fixture.statement(.allow, principal: nil),
        Fixture.statement(.allow, actions: ["STS:AssumeRole*"]),
        Fixture.statement(.allow, actions: nil, notActions: ["sts:TagSession"]),
        Fixture.statement(.allow, actions: ["sts:*"], notActions: ["sts:assumerolewithwebidentity"]),
        Fixture.statement(.allow, actions: nil),
        Fixture.statement(.allow, actions: []),
        Fixture.statement(.invalid("allow")),
        Fixture.statement(.deny),
    ]
    for statement in statements {
        for action in [AssumeRequest.webIdentityAction, "sts:AssumeRole"] {
            cases.append((Fixture.policy(statement), Fixture.request([:], action: action)))
        }
    }
    return cases
}

@Suite("The quick decision: the analysis and the scenario table decide without words, exactly as the full evaluator")
struct QuickDecisionTests {
    @Test("every request the analysis and the scenario table build, over every corpus policy and generated setup, is decided the same both ways")
    func analysisAndScenarios() throws {
        var inputs: [(name: String, policy: TrustPolicy, context: AnalysisContext, intent: PolicyIntent?)] = []
        for entry in try PolicyCorpus.all() {
            inputs.append((entry.name, entry.policy, AnalysisContext(readerNotes: entry.notes), nil))
        }
        let setups = PolicyCorpus.generatedSetups()
        #expect(setups.count >= 10, "the generated setups must resolve")
        for setup in setups {
            let intent = PolicyIntent(setup: setup)
            inputs.append(("setup \(setup.intendedSubjects)", TrustPolicyGenerator.policy(for: setup),
                           AnalysisContext(intent: intent), intent))
        }

        var checked = 0
        for input in inputs {
            var scenarios: [Scenario] = []
            let log = DecisionLog.recording {
                _ = PolicyAnalyzer.analyze(input.policy, context: input.context)
                scenarios = ScenarioBuilder.scenarios(for: input.policy, intent: input.intent)
            }
            #expect(!log.isEmpty, "\(input.name): the analysis and the table decide at least one request")
            for entry in log {
                let full = PolicyEvaluator.evaluate(entry.policy, entry.request)
                #expect(entry.ruling == full.ruling, "\(input.name): \(entry.request.context)")
                checked += 1
            }
            // A row's worded decision is the full evaluator's, and agrees with the row's quick ruling.
            for scenario in scenarios {
                let full = PolicyEvaluator.evaluate(input.policy, scenario.request)
                // The reason read alone (as the table reads it) is worded from the quick ruling: the same words.
                #expect(scenario.reason == full.reason, "\(input.name): \(scenario.label)")
                #expect(scenario.briefReason == full.briefReason, "\(input.name): \(scenario.label)")
                #expect(scenario.decision == full, "\(input.name): \(scenario.label)")
                #expect(scenario.ruling == full.ruling)
                #expect(scenario.outcomeWord == (full.isAllowed ? "allowed" : "denied"))
            }
        }
        #expect(checked > 500)
    }

    @Test("operators × values × requests × policy versions: the quick path reproduces IAM's semantics as the full evaluator does")
    func semantics() {
        let cases = semanticsCases()
        #expect(cases.count > 5000)
        for (policy, request) in cases {
            let compiled = CompiledPolicy(policy)
            let full = compiled.evaluate(request)
            #expect(compiled.decide(request) == full.ruling, "\(policy.statements) \(request)")
            #expect(PolicyEvaluator.reason(compiled, request, ruling: full.ruling) == full.reason, "\(policy.statements) \(request)")
            #expect(PolicyEvaluator.briefReason(compiled, request, ruling: full.ruling) == full.briefReason, "\(policy.statements) \(request)")
            // The compiled full evaluation is the one-shot one.
            #expect(full == PolicyEvaluator.evaluate(policy, request))
        }
    }

    @Test("a row's reason is worded once and shared by its copies")
    func lazyReason() throws {
        let policy = Fixture.allowing(Fixture.clause("StringEquals", Fixture.sub, "repo:acme/app:ref:refs/heads/main"),
                                      Fixture.clause("StringEquals", Fixture.aud, "sts.amazonaws.com"))
        let rows = ScenarioBuilder.scenarios(for: policy, intent: nil)
        let first = try #require(rows.first)
        let copy = first
        #expect(first.reason.hasPrefix("Statement 1 allows it"))
        #expect(copy.decision.reason == first.reason)
        var changed = first
        changed.decision = PolicyEvaluator.evaluate(policy, Fixture.empty)
        #expect(changed.ruling.outcome == .implicitDeny && changed.outcomeWord == "denied")
        #expect(first.outcomeWord == "allowed")
    }
}
#endif
