import Testing
@testable import OIDCWizardCore

/// The IAM condition semantics, one row per rule: given this clause and this request, the clause holds
/// (and so the one-statement Allow policy allows) or it does not.
struct Row: CustomTestStringConvertible, Sendable {
    var op: String
    var policyValues: [String]
    /// nil: the key is not in the request.
    var requestValues: [String]?
    var holds: Bool
    var key: String = Fixture.sub
    var requestKey: String? = nil

    var testDescription: String {
        let request = requestValues.map { "\($0)" } ?? "missing"
        return "\(op) \(policyValues) vs request \(request) → \(holds ? "holds" : "fails")"
    }

    func check() {
        let policy = Fixture.policy(Fixture.statement(.allow, [ConditionClause(op: op, key: key, values: policyValues)]))
        let context = requestValues.map { [(requestKey ?? key): $0] } ?? [:]
        let decision = PolicyEvaluator.evaluate(policy, Fixture.request(context))
        #expect(decision.isAllowed == holds, "\(testDescription): \(decision.reason)")
        #expect(decision.statements[0].clauses[0].holds == holds)
    }
}

@Suite("IAM condition semantics (truth table)")
struct ConditionSemanticsTests {
    static let main = "repo:acme/app:ref:refs/heads/main"

    @Test("string operators compare values case-sensitively; StringEquals takes * literally", arguments: [
        Row(op: "StringEquals", policyValues: [main], requestValues: [main], holds: true),
        Row(op: "StringEquals", policyValues: [main], requestValues: ["repo:Acme/app:ref:refs/heads/main"], holds: false),
        Row(op: "StringEquals", policyValues: ["repo:acme/app:*"], requestValues: [main], holds: false),
        Row(op: "StringEquals", policyValues: ["repo:acme/app:*"], requestValues: ["repo:acme/app:*"], holds: true),
        Row(op: "StringNotEquals", policyValues: [main], requestValues: [main], holds: false),
        Row(op: "StringNotEquals", policyValues: [main], requestValues: ["repo:evil/app:ref:refs/heads/main"], holds: true),
        Row(op: "StringEqualsIgnoreCase", policyValues: ["REPO:ACME/APP:ref:refs/heads/MAIN"], requestValues: [main], holds: true),
        Row(op: "StringEqualsIgnoreCase", policyValues: ["repo:acme/*"], requestValues: [main], holds: false),
        Row(op: "StringNotEqualsIgnoreCase", policyValues: ["REPO:ACME/APP:REF:REFS/HEADS/MAIN"], requestValues: [main], holds: false),
        Row(op: "StringNotEqualsIgnoreCase", policyValues: ["repo:other/app:ref:refs/heads/main"], requestValues: [main], holds: true),
        Row(op: "StringLike", policyValues: ["repo:acme/app:ref:refs/heads/*"], requestValues: [main], holds: true),
        Row(op: "StringLike", policyValues: ["repo:acme/app:ref:refs/heads/*"], requestValues: ["repo:acme/app:pull_request"], holds: false),
        Row(op: "StringLike", policyValues: ["repo:ACME/*"], requestValues: [main], holds: false),
        Row(op: "StringNotLike", policyValues: ["repo:acme/*"], requestValues: [main], holds: false),
        Row(op: "StringNotLike", policyValues: ["repo:acme/*"], requestValues: ["repo:evil/app:ref:refs/heads/main"], holds: true),
    ])
    func stringOperators(row: Row) { row.check() }

    @Test("the values of one key OR together; a negated operator means 'none of them'", arguments: [
        Row(op: "StringEquals", policyValues: ["repo:acme/app:pull_request", main], requestValues: [main], holds: true),
        Row(op: "StringLike", policyValues: ["repo:acme/lib:*", "repo:acme/app:*"], requestValues: [main], holds: true),
        Row(op: "StringLike", policyValues: ["repo:acme/lib:*", "repo:acme/web:*"], requestValues: [main], holds: false),
        Row(op: "StringNotEquals", policyValues: ["repo:x/y:pull_request", main], requestValues: [main], holds: false),
        Row(op: "StringNotEquals", policyValues: ["repo:x/y:pull_request", "repo:x/z:pull_request"], requestValues: [main], holds: true),
        Row(op: "StringNotLike", policyValues: ["repo:evil/*", "repo:acme/*"], requestValues: [main], holds: false),
    ])
    func valuesOr(row: Row) { row.check() }

    @Test("a missing key: positive false, negated true, IfExists true, ForAllValues true, ForAnyValue false", arguments: [
        Row(op: "StringEquals", policyValues: [main], requestValues: nil, holds: false),
        Row(op: "StringLike", policyValues: ["*"], requestValues: nil, holds: false),
        Row(op: "StringEqualsIgnoreCase", policyValues: [main], requestValues: nil, holds: false),
        Row(op: "StringNotEquals", policyValues: [main], requestValues: nil, holds: true),
        Row(op: "StringNotLike", policyValues: ["repo:evil/*"], requestValues: nil, holds: true),
        Row(op: "StringNotEqualsIgnoreCase", policyValues: [main], requestValues: nil, holds: true),
        Row(op: "StringEqualsIfExists", policyValues: [main], requestValues: nil, holds: true),
        Row(op: "StringLikeIfExists", policyValues: ["repo:acme/*"], requestValues: nil, holds: true),
        Row(op: "ForAllValues:StringEquals", policyValues: [main], requestValues: nil, holds: true),
        Row(op: "ForAllValues:StringLike", policyValues: ["repo:acme/*"], requestValues: nil, holds: true),
        Row(op: "ForAnyValue:StringEquals", policyValues: [main], requestValues: nil, holds: false),
        Row(op: "ForAnyValue:StringNotEquals", policyValues: [main], requestValues: nil, holds: false),
        Row(op: "ForAnyValue:StringLikeIfExists", policyValues: [main], requestValues: nil, holds: true),
        Row(op: "ArnLike", policyValues: ["arn:aws:iam::*:role/x"], requestValues: nil, holds: false),
        Row(op: "ArnNotLike", policyValues: ["arn:aws:iam::*:role/x"], requestValues: nil, holds: true),
        Row(op: "Bool", policyValues: ["true"], requestValues: nil, holds: false),
        Row(op: "BoolIfExists", policyValues: ["true"], requestValues: nil, holds: true),
        Row(op: "NumericLessThan", policyValues: ["5"], requestValues: nil, holds: false),
        Row(op: "NumericNotEquals", policyValues: ["5"], requestValues: nil, holds: true),
    ])
    func missingKey(row: Row) { row.check() }

    @Test("IfExists compares normally when the key is present", arguments: [
        Row(op: "StringEqualsIfExists", policyValues: [main], requestValues: [main], holds: true),
        Row(op: "StringEqualsIfExists", policyValues: [main], requestValues: ["repo:evil/app:ref:refs/heads/main"], holds: false),
        Row(op: "StringNotLikeIfExists", policyValues: ["repo:evil/*"], requestValues: ["repo:evil/app:x"], holds: false),
    ])
    func ifExistsPresent(row: Row) { row.check() }

    @Test("condition key names are case-insensitive, values are not", arguments: [
        Row(op: "StringEquals", policyValues: [main], requestValues: [main], holds: true,
            key: "Token.Actions.GitHubUserContent.com:SUB", requestKey: Fixture.sub),
        Row(op: "StringEquals", policyValues: [main.uppercased()], requestValues: [main], holds: false,
            key: "Token.Actions.GitHubUserContent.com:SUB", requestKey: Fixture.sub),
    ])
    func keyCase(row: Row) { row.check() }

    @Test("a key with the wrong issuer prefix is simply absent", arguments: [
        Row(op: "StringLike", policyValues: ["repo:acme/*"], requestValues: [main], holds: false,
            key: "token.actions.githubusercontent.com/acme:sub", requestKey: Fixture.sub),
        Row(op: "StringNotLike", policyValues: ["repo:evil/*"], requestValues: ["repo:evil/app:x"], holds: true,
            key: "token.actions.githubusercontent.com:repository_owner", requestKey: Fixture.sub),
    ])
    func wrongPrefix(row: Row) { row.check() }

    @Test("ForAnyValue: some request value satisfies the operator", arguments: [
        Row(op: "ForAnyValue:StringEquals", policyValues: ["a", "b"], requestValues: ["x", "b"], holds: true),
        Row(op: "ForAnyValue:StringEquals", policyValues: ["a", "b"], requestValues: ["x", "y"], holds: false),
        Row(op: "ForAnyValue:StringLike", policyValues: ["repo:acme/*"], requestValues: ["repo:evil/x", main], holds: true),
        Row(op: "ForAnyValue:StringNotEquals", policyValues: ["a", "b"], requestValues: ["a", "z"], holds: true),
        Row(op: "ForAnyValue:StringNotEquals", policyValues: ["a", "b"], requestValues: ["a", "b"], holds: false),
    ])
    func forAnyValue(row: Row) { row.check() }

    @Test("ForAllValues: every request value satisfies the operator", arguments: [
        Row(op: "ForAllValues:StringEquals", policyValues: ["a", "b"], requestValues: ["a", "b"], holds: true),
        Row(op: "ForAllValues:StringEquals", policyValues: ["a", "b"], requestValues: ["a", "c"], holds: false),
        Row(op: "ForAllValues:StringLike", policyValues: ["repo:acme/*"], requestValues: [main], holds: true),
        Row(op: "ForAllValues:StringLike", policyValues: ["repo:acme/*"], requestValues: ["repo:evil/app:x"], holds: false),
        Row(op: "ForAllValues:StringNotEquals", policyValues: ["a", "b"], requestValues: ["c", "d"], holds: true),
        Row(op: "ForAllValues:StringNotEquals", policyValues: ["a", "b"], requestValues: ["c", "a"], holds: false),
    ])
    func forAllValues(row: Row) { row.check() }

    @Test("unqualified operators on several request values: positive = any matches, negated = none matches", arguments: [
        Row(op: "StringEquals", policyValues: ["a"], requestValues: ["x", "a"], holds: true),
        Row(op: "StringNotEquals", policyValues: ["a"], requestValues: ["x", "a"], holds: false),
        Row(op: "StringNotEquals", policyValues: ["a"], requestValues: ["x", "y"], holds: true),
    ])
    func multiValuedRequest(row: Row) { row.check() }

    @Test("Null: \"true\" holds when the key is missing, \"false\" when it is present", arguments: [
        Row(op: "Null", policyValues: ["true"], requestValues: nil, holds: true),
        Row(op: "Null", policyValues: ["true"], requestValues: [main], holds: false),
        Row(op: "Null", policyValues: ["false"], requestValues: [main], holds: true),
        Row(op: "Null", policyValues: ["false"], requestValues: nil, holds: false),
        Row(op: "Null", policyValues: ["TRUE"], requestValues: nil, holds: true),
        Row(op: "Null", policyValues: ["yes"], requestValues: nil, holds: false),
    ])
    func null(row: Row) { row.check() }

    @Test("Bool compares true/false without regard to case", arguments: [
        Row(op: "Bool", policyValues: ["true"], requestValues: ["true"], holds: true),
        Row(op: "Bool", policyValues: ["true"], requestValues: ["TRUE"], holds: true),
        Row(op: "Bool", policyValues: ["true"], requestValues: ["false"], holds: false),
        Row(op: "Bool", policyValues: ["true"], requestValues: ["yes"], holds: false),
    ])
    func bool(row: Row) { row.check() }

    @Test("Arn operators match each of the six ARN parts separately, with wildcards in both Equals and Like", arguments: [
        Row(op: "ArnLike", policyValues: ["arn:aws:iam::*:role/deploy"], requestValues: ["arn:aws:iam::123456789012:role/deploy"], holds: true),
        Row(op: "ArnEquals", policyValues: ["arn:aws:iam::*:role/deploy"], requestValues: ["arn:aws:iam::123456789012:role/deploy"], holds: true),
        Row(op: "ArnLike", policyValues: ["arn:aws:iam::*:role/deploy"], requestValues: ["arn:aws:iam::1:2:role/deploy"], holds: false),
        Row(op: "ArnLike", policyValues: ["arn:aws:iam::123456789012:role/*"], requestValues: ["arn:aws:iam::123456789012:role/a:b"], holds: true),
        Row(op: "ArnLike", policyValues: ["arn:aws:iam::*:role/deploy"], requestValues: ["not-an-arn"], holds: false),
        Row(op: "ArnNotLike", policyValues: ["arn:aws:iam::*:role/deploy"], requestValues: ["arn:aws:iam::123456789012:role/other"], holds: true),
        Row(op: "ArnNotEquals", policyValues: ["arn:aws:iam::*:role/deploy"], requestValues: ["arn:aws:iam::123456789012:role/deploy"], holds: false),
    ])
    func arn(row: Row) { row.check() }

    @Test("Numeric and Date operators compare as numbers and instants", arguments: [
        Row(op: "NumericLessThan", policyValues: ["10"], requestValues: ["9.5"], holds: true),
        Row(op: "NumericLessThan", policyValues: ["10"], requestValues: ["10"], holds: false),
        Row(op: "NumericLessThanEquals", policyValues: ["10"], requestValues: ["10"], holds: true),
        Row(op: "NumericGreaterThan", policyValues: ["10"], requestValues: ["11"], holds: true),
        Row(op: "NumericGreaterThanEquals", policyValues: ["10"], requestValues: ["9"], holds: false),
        Row(op: "NumericEquals", policyValues: ["10"], requestValues: ["10.0"], holds: true),
        Row(op: "NumericNotEquals", policyValues: ["10"], requestValues: ["10.0"], holds: false),
        Row(op: "NumericEquals", policyValues: ["10"], requestValues: ["ten"], holds: false),
        Row(op: "DateGreaterThan", policyValues: ["2026-07-15T00:00:00Z"], requestValues: ["2026-07-15T00:00:01Z"], holds: true),
        Row(op: "DateLessThan", policyValues: ["2026-07-15"], requestValues: ["2026-07-14T23:59:59Z"], holds: true),
        Row(op: "DateEquals", policyValues: ["2026-07-15T02:00:00+02:00"], requestValues: ["2026-07-15T00:00:00Z"], holds: true),
        Row(op: "DateEquals", policyValues: ["1784073600"], requestValues: ["2026-07-15T00:00:00Z"], holds: true),
        Row(op: "DateNotEquals", policyValues: ["2026-07-15"], requestValues: ["2026-07-16"], holds: true),
        Row(op: "DateLessThan", policyValues: ["2026-02-30"], requestValues: ["2026-01-01"], holds: false),
    ])
    func numericAndDate(row: Row) { row.check() }

    @Test("IpAddress matches CIDR ranges for IPv4 and IPv6", arguments: [
        Row(op: "IpAddress", policyValues: ["203.0.113.0/24"], requestValues: ["203.0.113.9"], holds: true),
        Row(op: "IpAddress", policyValues: ["203.0.113.0/24"], requestValues: ["203.0.114.9"], holds: false),
        Row(op: "NotIpAddress", policyValues: ["203.0.113.0/24"], requestValues: ["198.51.100.1"], holds: true),
        Row(op: "IpAddress", policyValues: ["2001:db8::/32"], requestValues: ["2001:db8:1::5"], holds: true),
        Row(op: "IpAddress", policyValues: ["2001:db8::/32"], requestValues: ["2001:db9::5"], holds: false),
    ])
    func ip(row: Row) { row.check() }

    @Test("an operator IAM does not know never holds, not even in its negated-looking spelling", arguments: [
        Row(op: "StringLikes", policyValues: ["*"], requestValues: [main], holds: false),
        Row(op: "StringNotLikeX", policyValues: ["repo:evil/*"], requestValues: nil, holds: false),
        Row(op: "NullIfExists", policyValues: ["true"], requestValues: nil, holds: false),
        Row(op: "ForSomeValues:StringEquals", policyValues: [main], requestValues: [main], holds: false),
    ])
    func unknownOperator(row: Row) { row.check() }

    @Test("operator names are read without regard to case")
    func operatorCase() {
        Row(op: "stringlike", policyValues: ["repo:acme/*"], requestValues: [Self.main], holds: true).check()
        Row(op: "forallvalues:stringequals", policyValues: ["x"], requestValues: nil, holds: true).check()
    }
}
