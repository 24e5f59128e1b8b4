import Testing
@testable import OIDCWizardCore

@Suite("Help topics")
struct HelpTopicTests {
    /// Inner width of the wizard's 76x18 help box (76 columns minus the frame).
    static let boxWidth = 74

    @Test("every topic the wizard relies on exists", arguments: HelpLibrary.requiredTopicIDs)
    func requiredTopicExists(id: String) {
        #expect(HelpLibrary.topic(id) != nil, "Resources/help/\(id).md is missing")
    }

    @Test("topic ids are unique")
    func idsAreUnique() {
        let ids = HelpLibrary.topics.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("every topic has a title, a one-sentence summary, an example and what to choose if unsure",
          arguments: HelpLibrary.topics)
    func topicIsComplete(topic: HelpTopic) {
        #expect(!topic.title.isEmpty)
        #expect(topic.summary.hasSuffix("."), "summary of \(topic.id) should be one full sentence")
        #expect(topic.blocks.count >= 3, "\(topic.id) is too thin to teach")
        #expect(topic.blocks.contains { if case .example = $0 { true } else { false } },
                "\(topic.id) has no indented example")
        #expect(topic.body.contains("If unsure"), "\(topic.id) does not say what to choose if unsure")
    }

    @Test("every related topic named on a See also line exists", arguments: HelpLibrary.topics)
    func relatedTopicsExist(topic: HelpTopic) {
        #expect(!topic.relatedTopicIDs.isEmpty, "\(topic.id) has no See also line")
        for related in topic.relatedTopicIDs {
            #expect(HelpLibrary.topic(related) != nil, "\(topic.id) refers to unknown topic \(related)")
            #expect(related != topic.id)
        }
    }

    @Test("texts are plain ASCII without tabs or trailing spaces, so they render in any locale",
          arguments: HelpLibrary.topics)
    func textIsPlainASCII(topic: HelpTopic) {
        for text in [topic.title, topic.summary, topic.body] {
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "\n" || $0.value >= 0x20) },
                    "\(topic.id) contains a non-ASCII or control character")
            #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") }, "\(topic.id) has trailing spaces")
        }
    }

    @Test("example lines fit the help box, since they are never wrapped", arguments: HelpLibrary.topics)
    func examplesFitTheBox(topic: HelpTopic) {
        for line in topic.lines(width: Self.boxWidth) where line.kind == .example {
            #expect(line.text.count <= Self.boxWidth, "\(topic.id): example line too wide: \(line.text)")
        }
    }

    @Test("a topic is short enough to read in the help box with a little scrolling", arguments: HelpLibrary.topics)
    func topicIsShort(topic: HelpTopic) {
        let lines = topic.lines(width: Self.boxWidth)
        #expect(lines.count >= 8)
        #expect(lines.count <= 48, "\(topic.id) lays out to \(lines.count) lines; keep it under three screens")
    }

    @Test("prose wraps within the width; only single words longer than it may overflow",
          arguments: [20, 40, 74])
    func proseWraps(width: Int) {
        for topic in HelpLibrary.topics {
            for line in topic.lines(width: width) where line.kind != .example && line.text.count > width {
                #expect(!line.text.trimmingSpaces().dropFirst(2).contains(" "),
                        "\(topic.id) at \(width): \(line.text)")
            }
        }
    }

    @Test("light markup parses into paragraphs, bullets and verbatim examples")
    func parsesMarkup() {
        let body = """
        First line
        continues here.

        - one
        - two
          wraps on

            example  spacing kept
              nested

        See also: oidc, subject
        """
        #expect(HelpBlock.parse(body) == [
            .paragraph("First line continues here."),
            .bullet("one"),
            .bullet("two wraps on"),
            .example(["example  spacing kept", "  nested"]),
            .paragraph("See also: oidc, subject"),
        ])
        let topic = HelpTopic(id: "t", title: "T", summary: "S.", body: body)
        #expect(topic.relatedTopicIDs == ["oidc", "subject"])
    }

    @Test("the file format needs a title line, a summary and a blank line before the body")
    func rejectsMalformedFiles() {
        #expect(HelpTopic(id: "x", markdown: "# T\nSummary.\n\nBody.\n") ==
                HelpTopic(id: "x", title: "T", summary: "Summary.", body: "Body."))
        #expect(HelpTopic(id: "x", markdown: "T\nSummary.\n\nBody.") == nil)
        #expect(HelpTopic(id: "x", markdown: "# T\nSummary.\nBody.") == nil)
        #expect(HelpTopic(id: "x", markdown: "# T\nSummary.\n\n\n") == nil)
    }

    @Test("bullets wrap with a hanging indent")
    func bulletsHang() {
        let lines = HelpBlock.bullet("alpha beta gamma delta").lines(width: 12)
        #expect(lines.map(\.text) == ["- alpha beta", "  gamma", "  delta"])
        #expect(lines.allSatisfy { $0.kind == .bullet })
    }
}

/// The facts a newcomer must be able to find without a browser (domain.md is the source of truth).
@Suite("Help topics teach the facts")
struct HelpTopicFactsTests {
    func body(_ id: String) throws -> String {
        let topic = try #require(HelpLibrary.topic(id))
        return topic.summary + "\n" + topic.body
    }

    @Test("immutable ids: the form, the dates, name recycling and how to find the ids")
    func immutableIDs() throws {
        let text = try body("immutable-ids")
        for fact in ["2026-07-15", "name recycling", "gh api repos/OWNER/REPO --jq '.owner.id, .id'",
                     "/actions/oidc/customization/sub", "use_immutable_subject", "never both"] {
            #expect(text.contains(fact), "immutable-ids lacks: \(fact)")
        }
    }

    @Test("branches: trusting main also trusts pull_request_target, workflow_run and issue_comment")
    func branchesShareMainsSubject() throws {
        let text = try body("branches")
        for event in ["pull_request_target", "workflow_run", "issue_comment"] { #expect(text.contains(event)) }
    }

    @Test("pull requests: forks get no token, branches of the repository do")
    func pullRequests() throws {
        let text = try body("pull-requests")
        #expect(text.contains("public forks cannot get an id-token"))
        #expect(text.contains("branches of the repository can"))
    }

    @Test("extra claims: lists exactly the claims IAM can test since 2026")
    func extraClaims() throws {
        let text = try body("extra-claims")
        for claim in ["job_workflow_ref", "repository_id", "repository", "environment", "ref", "actor", "actor_id",
                      "workflow", "enterprise_id"] {
            #expect(text.contains("`\(claim)`"), "extra-claims lacks \(claim)")
        }
        #expect(text.contains("absent from the request"))
    }

    @Test("account id: how to find it")
    func accountID() throws {
        #expect(try body("account-id").contains("aws sts get-caller-identity"))
    }

    @Test("wildcards: StringEquals is literal and * crosses / and :")
    func wildcards() throws {
        let text = try body("wildcards")
        #expect(text.contains("taken literally"))
        #expect(text.contains("also `/` and `:`"))
    }

    @Test("audience and partition: China uses sts.amazonaws.com.cn")
    func chinaAudience() throws {
        for id in ["audience", "partition", "region"] { #expect(try body(id).contains("sts.amazonaws.com.cn")) }
    }

    @Test("findings: every severity word and every kind")
    func findings() throws {
        let text = try body("findings")
        for word in ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO", "security", "broken", "hygiene"] {
            #expect(text.contains(word))
        }
    }

    @Test("configure-aws-credentials is named at its current major version")
    func currentActionVersion() throws {
        #expect(try body("oidc").contains("configure-aws-credentials (v6)"))
    }
}

/// Name parameterized cases by topic id rather than dumping the whole text.
extension HelpTopic: CustomTestStringConvertible {
    public var testDescription: String { id }
}
