@testable import OIDCWizardCore

/// Small builders so each truth-table row reads as the policy fragment it tests.
enum Fixture {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static let sub = "token.actions.githubusercontent.com:sub"
    static let aud = "token.actions.githubusercontent.com:aud"

    static func statement(_ effect: StatementEffect = .allow, sid: String? = nil,
                          principal: PrincipalBlock? = .entries([PrincipalEntry(type: "Federated", values: [provider])]),
                          notPrincipal: PrincipalBlock? = nil,
                          actions: [String]? = [AssumeRequest.webIdentityAction], notActions: [String]? = nil,
                          _ conditions: [ConditionClause] = []) -> PolicyStatement {
        PolicyStatement(sid: sid, effect: effect, principal: principal, notPrincipal: notPrincipal,
                        actions: actions, notActions: notActions, conditions: conditions)
    }

    static func policy(_ statements: PolicyStatement..., version: String? = TrustPolicy.currentVersion) -> TrustPolicy {
        TrustPolicy(version: version, statements: statements)
    }

    /// A policy with one Allow statement holding the given clauses.
    static func allowing(_ clauses: ConditionClause...) -> TrustPolicy {
        policy(statement(.allow, clauses))
    }

    static func clause(_ op: String, _ key: String, _ values: String...) -> ConditionClause {
        ConditionClause(op: op, key: key, values: values)
    }

    static func request(_ context: [String: [String]], principal: String = provider,
                        action: String = AssumeRequest.webIdentityAction) -> AssumeRequest {
        AssumeRequest(principal: principal, action: action, context: context)
    }

    /// A request carrying one `sub` value (and nothing else).
    static func subject(_ value: String) -> AssumeRequest { request([sub: [value]]) }

    static let empty = request([:])

    static func allows(_ policy: TrustPolicy, _ request: AssumeRequest) -> Bool {
        PolicyEvaluator.evaluate(policy, request).isAllowed
    }
}
