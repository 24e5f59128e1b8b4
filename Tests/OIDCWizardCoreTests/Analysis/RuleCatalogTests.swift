import Testing
@testable import OIDCWizardCore

@Suite("Rule catalog")
struct RuleCatalogTests {
    @Test("every rule has a unique kebab-case id, a title and a help text; broken rules default to high")
    func wellFormed() {
        let all = RuleCatalog.all
        #expect(Set(all.map(\.id)).count == all.count)
        for rule in all {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(!rule.title.isEmpty && rule.help.count > 40, "\(rule.id)")
            if rule.kind == .broken { #expect(rule.severity >= .high, "\(rule.id)") }
            #expect(RuleCatalog.descriptor(for: rule.id) == rule)
        }
        #expect(RuleCatalog.descriptor(for: "no-such-rule") == nil)
    }

    @Test("the ids the brief names all exist")
    func namedRules() {
        let ids = ["subject-missing", "subject-matches-anyone", "owner-wildcard", "negated-only", "principal-too-wide", "duplicate-key",
                   "forallvalues-claim", "negated-unsupported-key", "org-wide", "any-context", "branch-glob", "pull-request-trusted",
                   "default-branch-events", "environment-protection", "name-only-subject", "subject-form-mismatch", "audience-missing",
                   "audience-wrong", "partition-mismatch", "wildcard-under-stringequals", "subject-under-two-operators",
                   "stringlike-without-wildcard", "ifexists-claim", "key-wrong-prefix", "unsupported-claim-key", "aws-will-reject",
                   "action-wrong", "not-github", "invalid-name", "lookalike-name", "case-mismatch", "template-without-binding",
                   "reusable-workflow-unpinned", "self-hosted-runners", "legacy-issuer", "no-allow",
                   "environment-glob", "case-insensitive-ref"]
        for id in ids { #expect(RuleCatalog.descriptor(for: id) != nil, "\(id)") }
    }

    @Test("every finding the corpus produces names a catalogued rule, and findings come sorted worst first")
    func findingsUseCatalog() throws {
        for expectation in try HazardCorpusTests.table() {
            let findings = try HazardCorpusTests.lint("hazards/" + expectation.file)
            #expect(findings.allSatisfy { RuleCatalog.descriptor(for: $0.rule) != nil })
            #expect(findings == PolicyAnalyzer.sorted(findings))
            #expect(zip(findings, findings.dropFirst()).allSatisfy { $0.severity >= $1.severity })
        }
    }
}

@Suite("JSON paths")
struct AnalysisPathTests {
    @Test("paths order as the document does: array indexes as numbers, the rest as text")
    func documentOrder() {
        let paths = [#"$.Statement[0].Condition.StringLike["k"][2]"#, #"$.Statement[0].Condition.StringLike["k"][10]"#,
                     #"$.Statement[0].Condition.StringLike["k"][1]"#, #"$.Statement[0].Condition.StringLike["k"]"#,
                     #"$.Statement[0].Condition.StringLike["k"][007]"#, "$.Statement[0].Action", "$.Statement[0].Condition"]
        #expect(paths.sorted(by: JSONPath.precedes) == [
            "$.Statement[0].Action", "$.Statement[0].Condition", #"$.Statement[0].Condition.StringLike["k"]"#,
            #"$.Statement[0].Condition.StringLike["k"][1]"#, #"$.Statement[0].Condition.StringLike["k"][2]"#,
            #"$.Statement[0].Condition.StringLike["k"][007]"#, #"$.Statement[0].Condition.StringLike["k"][10]"#,
        ])
        #expect(!JSONPath.precedes("$.a[3]", "$.a[3]"))
        // Equal as numbers but not as text: still one strictly before the other, as sorting needs.
        #expect(JSONPath.precedes(#"$.a["x:01"]"#, #"$.a["x:1"]"#) != JSONPath.precedes(#"$.a["x:1"]"#, #"$.a["x:01"]"#))
    }

    @Test("findings on a list of twelve values come out in the list's order")
    func findingsInListOrder() throws {
        let subjects = (1...12).map { "repo:acme/app\($0):ref:refs/heads/release/*" }
        let list = subjects.map { "\"\($0)\"" }.joined(separator: ", ")
        let findings = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": [\#(list)]}"#))
        let globs = findings.of("branch-glob").map(\.message)
        #expect(globs.count == 12)
        #expect(globs.map { message in subjects.firstIndex { message.contains("\"\($0)\"") } } == (0..<12).map { $0 })
    }

    @Test("a plain ASCII word is a dot member; anything else is quoted in brackets, with \\ and \" escaped",
          arguments: [("Condition", ".Condition"), ("StringLike", ".StringLike"), ("_x", "._x"),
                      ("ForAllValues:StringEquals", "[\"ForAllValues:StringEquals\"]"),
                      ("token.actions.githubusercontent.com:sub", "[\"token.actions.githubusercontent.com:sub\"]"),
                      ("9lives", "[\"9lives\"]"), ("a\"b", "[\"a\\\"b\"]"), ("back\\slash", "[\"back\\\\slash\"]"),
                      ("ünï", "[\"ünï\"]"), ("", "[\"\"]"), ("Token.Actions:Sub", "[\"Token.Actions:Sub\"]")])
    func member(_ name: String, _ written: String) {
        let base = JSONPath.root.member("Statement").index(0)
        #expect(base.member(name).text == "$.Statement[0]" + written)
    }
}
