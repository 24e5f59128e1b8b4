import Testing
@testable import OIDCWizardCore

@Suite("A sub value taken apart as GitHub builds it")
struct SubjectShapeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var value: String
        var bound: Bool
        var owner, ownerID, repository, repositoryID, context: String?
        var site: SubjectShape.WildcardSite
        var testDescription: String { value }
    }

    @Test("owner, ids, repository, context and where the first wildcard opens it", arguments: [
        Case(value: "repo:acme/app:ref:refs/heads/main", bound: true, owner: "acme", repository: "app", context: "ref:refs/heads/main", site: .none),
        Case(value: "repo:acme@123/app@456:environment:prod", bound: true, owner: "acme", ownerID: "123", repository: "app", repositoryID: "456", context: "environment:prod", site: .none),
        Case(value: "repo:acme/app:ref:refs/heads/release/*", bound: true, owner: "acme", repository: "app", context: "ref:refs/heads/release/*", site: .context),
        Case(value: "repo:acme/*", bound: true, owner: "acme", repository: "*", site: .repository),
        // An id left open is judged as the name-only risk, not as other owners: the site stays .none.
        Case(value: "repo:acme@*/app:pull_request", bound: true, owner: "acme", ownerID: "*", repository: "app", context: "pull_request", site: .none),
        Case(value: "repo:*/app:ref:refs/heads/main", bound: true, owner: "*", site: .owner),
        Case(value: "repo:acme", bound: true, owner: "acme", site: .none),
        Case(value: "repo:acme/app", bound: true, owner: "acme", repository: "app", site: .none),
        Case(value: "repo:ácme/äpp:environment:prüf", bound: true, owner: "ácme", repository: "äpp", context: "environment:prüf", site: .none),
        Case(value: "environment:prod:ref:refs/heads/*", bound: false, site: .owner),
        Case(value: "job_workflow_ref:acme/ci/.github/workflows/d.yml@refs/heads/main", bound: false, site: .none),
        Case(value: "*", bound: false, site: .owner),
    ])
    func parts(of expected: Case) {
        let shape = SubjectShape(expected.value)
        #expect(shape.value == expected.value)
        #expect(shape.isRepositoryBound == expected.bound)
        #expect(shape.owner == expected.owner)
        #expect(shape.ownerID == expected.ownerID)
        #expect(shape.repository == expected.repository)
        #expect(shape.repositoryID == expected.repositoryID)
        #expect(shape.context == expected.context)
        #expect(shape.wildcardSite == expected.site)
    }

    @Test("an ARN's partition is its second colon-separated field", arguments: [
        ("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "aws"),
        ("arn:aws-cn:iam::123456789012:oidc-provider/x", "aws-cn"),
        ("arn:", ""),
        ("arn:aws", "aws"),
        ("no-colon", nil),
    ] as [(String, String?)])
    func partitionField(arn: String, partition: String?) {
        #expect(StatementFacts.secondField(of: arn) == partition)
        #expect(StatementFacts.secondField(of: arn) == arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first.map(String.init))
    }

    @Test("the context's kind: a branch, tag or environment name is everything after its prefix", arguments: [
        ("repo:acme/app:ref:refs/heads/main", SubjectShape.ContextKind.branch("main")),
        ("repo:acme/app:ref:refs/heads/release/*", .branch("release/*")),
        ("repo:acme/app:ref:refs/heads/é-ü", .branch("é-ü")),
        ("repo:acme/app:ref:refs/heads/", .branch("")),
        ("repo:acme/app:ref:refs/tags/v*", .tag("v*")),
        ("repo:acme/app:environment:prod eu", .environment("prod eu")),
        ("repo:acme/app:pull_request", .pullRequest),
        ("repo:acme/app:*", .anything),
        ("repo:acme/app:ref:refs/heads/\u{301}x", .other("ref:refs/heads/\u{301}x")),
        ("repo:acme/app:job_workflow_ref:x", .other("job_workflow_ref:x")),
    ] as [(String, SubjectShape.ContextKind)])
    func contextKind(value: String, kind: SubjectShape.ContextKind) {
        #expect(SubjectShape(value).contextKind == kind)
    }
}
