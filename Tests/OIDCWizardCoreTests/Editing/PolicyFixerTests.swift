import Foundation
import TestScratch
import Testing
@testable import OIDCWizardCore

@Suite("Fixing a policy")
struct PolicyFixerTests {
    private func fixed(_ file: String, repositories: [String] = []) throws -> (PolicySource, PolicyFixer.Outcome) {
        let json = try #require(try EditingCorpus.hazardFiles().first { $0.0 == file }?.1)
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: file).first)
        return (source, PolicyFixer.fix(source.policy, notes: source.notes, repositories: repositories))
    }

    @Test("a lost StringLike with a different key is restored (AND), and nothing high remains")
    func duplicateStringLike() throws {
        let (_, outcome) = try fixed("duplicate-stringlike.json")
        let keys = outcome.policy.statements[0].conditions.map { $0.key.split(separator: ":").last.map(String.init) }
        #expect(keys.contains("sub") && keys.contains("aud"))
        #expect(outcome.steps.contains { $0.rule == "duplicate-key" })
        #expect(!outcome.hasHighFindings)
    }

    @Test("two exact subjects under repeated StringEquals objects could never both hold: merged as alternatives")
    func sameKeyMerged() throws {
        let json = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{
            "StringEquals":{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main","token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
            "StringEquals":{"token.actions.githubusercontent.com:sub":"repo:acme/api:ref:refs/heads/main","token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}
        """
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        let outcome = PolicyFixer.fix(source.policy, notes: source.notes)
        let sub = try #require(outcome.policy.statements[0].conditions.first { $0.key.hasSuffix(":sub") })
        #expect(Set(sub.values) == ["repo:acme/app:ref:refs/heads/main", "repo:acme/api:ref:refs/heads/main"])
    }

    @Test("overlapping patterns under the same repeated key are left to a person")
    func overlappingNeedsPerson() throws {
        let json = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
            "StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"},
            "StringLike":{"token.actions.githubusercontent.com:sub":"*:ref:refs/heads/main"}}}]}
        """
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        let outcome = PolicyFixer.fix(source.policy, notes: source.notes)
        #expect(outcome.needsInput.contains { $0.contains("by hand") })
        #expect(!outcome.steps.contains { $0.rule == "duplicate-key" })
    }

    @Test("repo:acme/* becomes the named repositories with the same context; without --repo it asks")
    func orgWide() throws {
        let (_, withRepos) = try fixed("org-wide.json", repositories: ["acme/app", "acme/api"])
        let sub = try #require(withRepos.policy.statements[0].conditions.first { $0.key.hasSuffix(":sub") })
        #expect(sub.values == ["repo:acme/app:*", "repo:acme/api:*"])
        #expect(!withRepos.hasHighFindings)
        let (source, without) = try fixed("org-wide.json")
        #expect(without.needsInput.contains { $0.contains("--repo") })
        #expect(without.policy.statements[0].conditions == source.policy.statements[0].conditions)
    }

    @Test("--repo only narrows: a repository the wildcard does not let in (another owner, a slip) replaces nothing")
    func narrowsOnly() throws {
        let (source, other) = try fixed("org-wide.json", repositories: ["evil/app"])
        #expect(other.policy.statements[0].conditions == source.policy.statements[0].conditions, "repo:acme/* stays")
        #expect(!other.steps.contains { $0.rule == "org-wide" })
        #expect(other.needsInput.contains { $0.contains("does not let in --repo evil/app") })
        // Of several, only those the wildcard lets in.
        let (_, mixed) = try fixed("org-wide.json", repositories: ["evil/app", "acme/app"])
        let sub = try #require(mixed.policy.statements[0].conditions.first { $0.key.hasSuffix(":sub") })
        #expect(sub.values == ["repo:acme/app:*"])
    }

    @Test("an id-form wildcard is narrowed only by repositories in the id form, never to a name its repositories do not send")
    func keepsTheSubjectForm() throws {
        func policy(_ sub: String) throws -> PolicySource {
            let json = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
              "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
                "StringLike":{"token.actions.githubusercontent.com:sub":"\(sub)"}}}]}
            """
            return try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        }
        func sub(_ outcome: PolicyFixer.Outcome) -> [String] {
            outcome.policy.statements[0].conditions.first { $0.key.hasSuffix(":sub") }?.values ?? []
        }
        let ids = try policy("repo:acme@123456/*@*:ref:refs/heads/main")
        let byName = PolicyFixer.fix(ids.policy, notes: ids.notes, repositories: ["acme/app"])
        #expect(sub(byName) == ["repo:acme@123456/*@*:ref:refs/heads/main"], "acme/app would lock the repository out")
        #expect(byName.needsInput.contains { $0.contains("id form") && $0.contains("OWNER@ID/REPO@ID") })
        let byID = PolicyFixer.fix(ids.policy, notes: ids.notes, repositories: ["acme@123456/app@789"])
        #expect(sub(byID) == ["repo:acme@123456/app@789:ref:refs/heads/main"])
        let otherOwnerID = PolicyFixer.fix(ids.policy, notes: ids.notes, repositories: ["acme@999/app@789"])
        #expect(sub(otherOwnerID) == ["repo:acme@123456/*@*:ref:refs/heads/main"], "another owner id is another owner")
        // A name-form wildcard is not rewritten into ids either; repo:* lets in both forms.
        let names = try policy("repo:acme/*:ref:refs/heads/main")
        #expect(sub(PolicyFixer.fix(names.policy, notes: names.notes, repositories: ["acme@123456/app@789"])) == ["repo:acme/*:ref:refs/heads/main"])
        let spanning = try policy("repo:acme*")
        #expect(sub(PolicyFixer.fix(spanning.policy, notes: spanning.notes, repositories: ["acme@123456/app@789"])) == ["repo:acme@123456/app@789:*"],
                "a * that spans the owner's id lets in the id form, so ids given explicitly narrow it")
        let any = try policy("repo:*:ref:refs/heads/main")
        #expect(sub(PolicyFixer.fix(any.policy, notes: any.notes, repositories: ["acme@123456/app@789"])) == ["repo:acme@123456/app@789:ref:refs/heads/main"])
    }

    @Test("StringEquals with a wildcard moves to StringLike; a missing audience is added")
    func operatorAndAudience() throws {
        let (_, wildcard) = try fixed("stringequals-wildcard.json")
        #expect(wildcard.policy.statements[0].conditions.contains { $0.op == "StringLike" && $0.key.hasSuffix(":sub") })
        let (_, audience) = try fixed("no-audience.json")
        #expect(audience.policy.statements[0].conditions.contains { $0.key.hasSuffix(":aud") && $0.values == ["sts.amazonaws.com"] })
    }

    @Test("fixes on different statements are applied together: all 80, where one a round stopped at 64")
    func manyStatements() throws {
        let statements = (0..<80).map { index in
            #"{"Effect":"Allow","Principal":{"Federated":"\#(EditingCorpus.provider)"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:acme/app\#(index):ref:refs/heads/*"}}}"#
        }
        let json = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        let outcome = PolicyFixer.fix(source.policy, notes: source.notes)
        #expect(outcome.steps.filter { $0.rule == "wildcard-under-stringequals" }.count == 80)
        #expect(outcome.policy.statements.allSatisfy { statement in
            statement.conditions.contains { $0.op == "StringLike" && $0.key.hasSuffix(":sub") }
        })
        #expect(!outcome.remaining.contains { $0.rule == "wildcard-under-stringequals" })
    }

    @Test("values dropped from one clause are dropped together: all 80, never the last one")
    func manyValuesOfOneClause() throws {
        // `repo:acme/appN` alone never matches (the default subject always goes on with the run's context).
        let never = (0..<80).map { #""repo:acme/app\#($0)""# }.joined(separator: ",")
        let json = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
              "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
              "token.actions.githubusercontent.com:sub":[\(never),"repo:acme/app:ref:refs/heads/main"]}}}]}
            """
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        let outcome = PolicyFixer.fix(source.policy, notes: source.notes)
        let sub = try #require(outcome.policy.statements[0].conditions.first { $0.key.hasSuffix(":sub") })
        #expect(sub.values == ["repo:acme/app:ref:refs/heads/main"])
        #expect(outcome.steps.filter { $0.rule == "subject-never-matches" }.count == 80)
        // Only never-matching values: every one but one is dropped (a clause is never emptied).
        let only = json.replacingOccurrences(of: #","repo:acme/app:ref:refs/heads/main""#, with: "")
        let onlySource = try #require(try PolicyInput.read(data: Data(only.utf8), name: "p.json").first)
        let onlyOutcome = PolicyFixer.fix(onlySource.policy, notes: onlySource.notes)
        #expect(onlyOutcome.policy.statements[0].conditions.first { $0.key.hasSuffix(":sub") }?.values.count == 1)
    }

    @Test("wildcards moved to StringLike on many clauses of one statement: all 80, where one a round stopped at 64")
    func manyClausesOfOneStatement() throws {
        let keys = (0..<80).map { #""token.actions.githubusercontent.com:k\#($0)":"a*""# }.joined(separator: ",")
        let json = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
              "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",\(keys)},
              "StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}}}]}
            """
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        let outcome = PolicyFixer.fix(source.policy, notes: source.notes)
        let moved = outcome.policy.statements[0].conditions.filter { $0.op == "StringLike" && $0.key.contains(":k") }
        #expect(moved.count == 80)
        #expect(!outcome.remaining.contains { $0.rule == "wildcard-under-stringequals" })
    }

    @Test("two wildcards that each match nothing while the other is literal are not both moved when together they open the role")
    func togetherTheyWouldOpen() throws {
        // StringLike repo:* alone is held by repository = "acme*" (literal, never sent); repository as a
        // pattern alone is held by sub = "repo:*" (literal). Both as patterns: any owner whose name starts with acme.
        let json = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
              "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
              "token.actions.githubusercontent.com:sub":"repo:*","token.actions.githubusercontent.com:repository":"acme*"}}}]}
            """
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        let outcome = PolicyFixer.fix(source.policy, notes: source.notes)
        let patterns = outcome.policy.statements[0].conditions.filter { $0.op == "StringLike" }
        #expect(patterns.count <= 1, "\(outcome.policy.statements[0].conditions)")
        #expect(!PolicyFixer.analyze(outcome.policy).contains { $0.severity == .critical }, "the fixed policy lets other owners in")
    }

    @Test("a fixed policy is stable: fixing it again changes nothing")
    func idempotent() throws {
        for (name, json) in try EditingCorpus.hazardFiles() {
            let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: name).first)
            let once = PolicyFixer.fix(source.policy, notes: source.notes, repositories: ["acme/app"])
            let twice = PolicyFixer.fix(once.policy, notes: [], repositories: ["acme/app"])
            #expect(twice.policy == once.policy, "\(name)")
        }
    }

    @Test("glob intersection decides whether two tests can both hold")
    func globs() {
        #expect(GlobIntersection.intersects("repo:acme/*", isPattern: true, "*:ref:refs/heads/main", isPattern: true))
        #expect(!GlobIntersection.intersects("repo:acme/app:*", isPattern: true, "repo:acme/api:*", isPattern: true))
        #expect(!GlobIntersection.intersects("a*", isPattern: false, "ab", isPattern: true))
        #expect(GlobIntersection.intersects("a?c", isPattern: true, "abc", isPattern: false))
    }

    @Test("glob intersection agrees with trying every short string, over random pairs of patterns")
    func globsAgreeWithBruteForce() {
        // If some string passes both tests, one no longer than both values together does (each step of
        // the search consumes at most one character), over the values' characters (a literal `*` or `?`
        // is a character too) plus one they lack.
        var generator = SplitMix(seed: 0x5EED)
        let letters: [Character] = ["a", "b", "*", "?"]
        func value() -> String {
            String((0..<Int(generator.next() % 4)).map { _ in letters[Int(generator.next() % 4)] })
        }
        func strings(upTo length: Int, over alphabet: Set<Character>) -> [String] {
            var all = [""], last = [""]
            for _ in 0..<length {
                last = last.flatMap { prefix in alphabet.map { prefix + String($0) } }
                all += last
            }
            return all
        }
        func test(_ value: String, _ isPattern: Bool) -> (String) -> Bool {
            let glob = WildcardPattern(glob: value)
            return isPattern ? { glob.matches($0) } : { $0 == value }
        }
        for _ in 0..<300 {
            let (a, b) = (value(), value())
            let (aIsPattern, bIsPattern) = (generator.next() % 2 == 0, generator.next() % 2 == 0)
            let (passesA, passesB) = (test(a, aIsPattern), test(b, bIsPattern))
            let alphabet = Set(a + b + "c")
            let expected = strings(upTo: a.count + b.count, over: alphabet).contains { passesA($0) && passesB($0) }
            #expect(GlobIntersection.intersects(a, isPattern: aIsPattern, b, isPattern: bIsPattern) == expected,
                    "\(a) (\(aIsPattern ? "pattern" : "literal")) and \(b) (\(bIsPattern ? "pattern" : "literal"))")
        }
    }

    @Test("long values are searched without recursing: thousands of characters on each side")
    func longGlobs() {
        let run = String(repeating: "a", count: 1_500)
        #expect(GlobIntersection.intersects(run + "*", isPattern: true, "*" + run + "b", isPattern: true))
        #expect(!GlobIntersection.intersects(run + "c", isPattern: false, run + "?" + "?", isPattern: true))
    }

    @Test("values too long to search are treated as overlapping, so the fixer leaves the merge to a person")
    func hugeGlobsAreLeftToAPerson() throws {
        // Found by the fuzzer: the search used to recurse once per character and overflowed the stack.
        let run = String(repeating: "a", count: 200_000)
        let json = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
            "StringLike":{"token.actions.githubusercontent.com:sub":"\(run)*"},
            "StringLike":{"token.actions.githubusercontent.com:sub":"*\(run)b"}}}]}
        """
        #expect(GlobIntersection.intersects(run, isPattern: false, run + "b", isPattern: false))
        let source = try #require(try PolicyInput.read(data: Data(json.utf8), name: "p.json").first)
        let outcome = PolicyFixer.fix(source.policy, notes: source.notes)
        #expect(outcome.needsInput.contains { $0.contains("by hand") })
        #expect(!outcome.steps.contains { $0.rule == "duplicate-key" })
    }
}

@Suite("Writing back")
struct WriteBackTests {
    private func temporaryDirectory() throws -> String {
        try Scratch.directory("edit").path
    }

    private let original = """
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(EditingCorpus.provider)"},
      "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
      "StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/app:*"}}}]}
    """

    @Test("a bare policy is rewritten in place after FILE.bak with the original bytes")
    func inPlaceWithBackup() throws {
        let path = try temporaryDirectory() + "/trust.json"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        var session = EditSession(source: try EditSource.open(path: path))
        session.draft.anyContext = false
        session.draft.branches = ["main"]
        let policy = try #require(session.currentPolicy)
        let result = try WriteBack.save(policy, of: session.source)
        #expect(result.backup == path + ".bak")
        #expect(try String(contentsOfFile: path + ".bak", encoding: .utf8) == original)
        let reread = try #require(try PolicyInput.read(path: path).first)
        #expect(reread.policy == policy)
    }

    @Test("an older, different backup is not replaced unless asked")
    func olderBackup() throws {
        let path = try temporaryDirectory() + "/trust.json"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        try "older".write(toFile: path + ".bak", atomically: true, encoding: .utf8)
        let source = try EditSource.open(path: path)
        #expect(throws: WriteBack.Failure.self) { try WriteBack.save(source.policies[0].policy, of: source) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        _ = try WriteBack.save(source.policies[0].policy, of: source, options: .init(overwriteBackup: true))
        #expect(try String(contentsOfFile: path + ".bak", encoding: .utf8) == original)
    }

    @Test("a file changed on disk since it was opened is not overwritten")
    func changedOnDisk() throws {
        let path = try temporaryDirectory() + "/trust.json"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let source = try EditSource.open(path: path)
        try (original + " ").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try WriteBack.save(source.policies[0].policy, of: source, options: .init(backup: false))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message.contains("changed on disk"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original + " ")
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
    }

    @Test("a role dump gets <role>.trust-policy.json next to it and the quoted aws command; never replaced without force")
    func roleDump() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/role.json"
        try "{\"Role\":{\"RoleName\":\"deploy\",\"AssumeRolePolicyDocument\":\(original)}}".write(toFile: path, atomically: true, encoding: .utf8)
        let source = try EditSource.open(path: path)
        #expect(source.kind == .roleListing)
        let result = try WriteBack.save(source.policies[0].policy, of: source)
        #expect(result.written == directory + "/deploy.trust-policy.json")
        #expect(result.applyCommand == "aws iam update-assume-role-policy --role-name deploy --policy-document file://\(directory)/deploy.trust-policy.json")
        #expect(throws: WriteBack.Failure.self) { try WriteBack.save(source.policies[0].policy, of: source) }
        _ = try WriteBack.save(source.policies[0].policy, of: source, options: .init(force: true))
    }
}
