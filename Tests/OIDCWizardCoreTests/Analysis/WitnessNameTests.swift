import Foundation
import Testing
@testable import OIDCWizardCore

/// Every `repo:<owner>/<name>` an attacker example shows in a message, with the owner's and name's ids cut off.
private func shownRepositories(in text: String) -> [(owner: String, name: String)] {
    var found: [(String, String)] = []
    var rest = Substring(text)
    while let start = rest.range(of: "repo:") {
        let tail = rest[start.upperBound...]
        let token = tail.prefix { !" \",;()".contains($0) }
        rest = tail
        let halves = token.split(separator: ":", maxSplits: 1).first?.split(separator: "/", maxSplits: 1) ?? []
        guard halves.count == 2 else { continue }
        func name(_ part: Substring) -> String { String(part.split(separator: "@", maxSplits: 1).first ?? "") }
        found.append((name(halves[0]), name(halves[1])))
    }
    return found
}

@Suite("Attacker examples name accounts and repositories GitHub would really accept")
struct WitnessNameTests {
    @Test("a name matching the pattern, readable and valid", arguments: [
        ("*", "evil"), ("acme*", "acme-evil"), ("acme-*", "acme-evil"), ("*-corp", "evil-corp"), ("a*b", "a-evilb"),
        ("ac?e", "acxe"),
    ])
    func ownerNames(pattern: String, expected: String) {
        #expect(AttackerName.owner(matching: pattern) == expected)
        #expect(NameRules.owner(expected).isEmpty)
    }

    @Test("no valid owner matches a pattern that needs a double hyphen or an end hyphen")
    func impossibleOwners() {
        #expect(AttackerName.owner(matching: "acme--*") == nil)
        #expect(AttackerName.owner(matching: "*-") == nil)
    }

    @Test("repository names: * and app* get readable, valid names; a look-alike owner stays within 39 characters")
    func repositoryNamesAndLookAlikes() {
        #expect(AttackerName.repository(matching: "*") == "evil")
        #expect(AttackerName.repository(matching: "app*") == "app-evil")
        #expect(AttackerName.repository(matching: "*.github") == "evil.github")
        #expect(AttackerName.lookAlike(of: "acme") == "acme-evil")
        let long = AttackerName.lookAlike(of: String(repeating: "a", count: 33) + "-bcdef")
        #expect(long.count <= 39 && NameRules.owner(long).isEmpty)
    }

    @Test("owner * with repository app: the finding's example is repo:evil/app, not the impossible -evil")
    func ownerWildcardExample() throws {
        let stringLike = Lint.policy(condition: #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:*/app:ref:refs/heads/main"}"#)
        let withSetup = try #require(try Lint.findings(stringLike, intent: Lint.intent(owner: "*")).first("owner-wildcard"))
        #expect(withSetup.severity == .critical)
        #expect(withSetup.message.contains("also matches repo:evil/app:ref:refs/heads/main"))
        #expect(!withSetup.message.contains("-evil/"))
        let wildcard = try #require(try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:*/app:ref:refs/heads/main"}"#)).first("owner-wildcard"))
        #expect(wildcard.message.contains("also matches repo:evil/app:ref:refs/heads/main"))
        let prefixed = try #require(try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme-*/app:*"}"#)).first("owner-wildcard"))
        #expect(prefixed.message.contains("also matches repo:acme-evil/app:ref:refs/heads/evil"))
    }

    @Test("the witnesses the analysis builds match their pattern and name valid owners and repositories")
    func witnessesAreValid() {
        for pattern in ["repo:*/app:ref:refs/heads/main", "repo:acme*/app:*", "repo:*-corp/app:environment:prod",
                        "repo:acme/app*:ref:refs/tags/v*", "repo:a?me/*:pull_request", "repo:acme@12*/app@34*:ref:refs/heads/main", "repo:acme*", "repo:*"] {
            let witness = Exposure.readableWitness(pattern)
            #expect(WildcardPattern(glob: pattern).matches(witness), "\(pattern) → \(witness)")
            #expect(SubjectParts(parsing: witness) != nil, "a whole subject: \(pattern) → \(witness)")
            for (owner, name) in shownRepositories(in: witness) {
                #expect(NameRules.owner(owner).isEmpty, "\(pattern) → \(witness)")
                #expect(NameRules.repositoryName(name, owner: owner).isEmpty, "\(pattern) → \(witness)")
            }
        }
    }

    @Test("over the hazard corpus and wizard setups with wildcard names, every repository a message shows as an example is a valid GitHub name")
    func messagesShowValidNames() throws {
        var texts: [String] = []
        for (_, json) in try EditingCorpus.hazardFiles() {
            texts += try Lint.findings(json).map(\.message)
        }
        for (owner, repository) in [("*", "app"), ("acme*", "app"), ("acme-*", "app"), ("*-corp", "app"), ("acme", "*"), ("acme", "app*")] {
            let intent = Lint.intent(owner: owner, repository: repository)
            let json = Lint.policy(condition: #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "\#(intent.subjects[0])"}"#)
            let findings = try Lint.findings(json, intent: intent)
            #expect(findings.contains { $0.severity >= .high }, "\(owner)/\(repository)")
            texts += findings.map(\.message)
            texts += ScenarioBuilder.scenarios(for: try PolicyReader.read(text: json).reading.policy, intent: intent)
                .filter { $0.actor == .attacker }.map(\.subject)
        }
        var checked = 0
        for text in texts {
            for (owner, name) in shownRepositories(in: text) where !owner.contains("*") && !owner.contains("?") && !owner.contains("<")
                && !name.contains("*") && !name.contains("?") {
                // Values quoted from the policy itself may be anything; the examples the tool makes up must be valid.
                guard owner.contains("evil") || owner.contains("zz-") || name.contains("evil") || name.contains("zz-") else { continue }
                #expect(NameRules.owner(owner).isEmpty, "\(owner) in: \(text)")
                #expect(NameRules.repositoryName(name, owner: owner).isEmpty, "\(name) in: \(text)")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
