import Testing
@testable import OIDCWizardCore

/// Names that are plainly valid are accepted on bytes, without the rules that word what is wrong; these hold each
/// fast path to the full rules over generated names (so it can never pass a name the rules would refuse or warn about).
@Suite("The names accepted on bytes are exactly ones the full rules accept")
struct NameRulesFastPathTests {
    static let alphabet: [String] = ["a", "Z", "0", "9", "-", ".", "_", "+", "=", ",", "@", "/", " ", "*", "?", "é", "а", "\u{200B}", "--", ".."]

    /// Every name of up to three pieces from the alphabet, plus lengths around each limit.
    static func names() -> [String] {
        var names = [""]
        for a in alphabet {
            names.append(a)
            for b in alphabet {
                names.append(a + b)
                for c in ["a", "-", ".", "é", "*"] { names.append(a + b + c) }
            }
        }
        for length in [11, 12, 13, 38, 39, 40, 63, 64, 65, 99, 100, 101] {
            names.append(String(repeating: "a", count: length))
            names.append(String(repeating: "7", count: length))
        }
        return names
    }

    @Test("owner, repository, role and account id")
    func fastPathsAgree() {
        var accepted = 0
        for name in Self.names() {
            if NameRules.plainOwner(name) { accepted += 1; #expect(NameRules.ownerViolations(name).isEmpty, "owner \(name)") }
            if NameRules.plainRepositoryName(name) { #expect(NameRules.repositoryNameViolations(name, owner: "acme").isEmpty, "repository \(name)") }
            if NameRules.plainRoleName(name) { #expect(NameRules.roleNameViolations(name).isEmpty, "role \(name)") }
            if NameRules.plainAccountID(name) { #expect(NameRules.accountIDViolations(name).isEmpty, "account \(name)") }
            // So the public rules say exactly what the full rules say, for every name.
            #expect(NameRules.owner(name) == NameRules.ownerViolations(name), "owner \(name)")
            #expect(NameRules.repositoryName(name, owner: "acme") == NameRules.repositoryNameViolations(name, owner: "acme"), "repository \(name)")
            #expect(NameRules.roleName(name) == NameRules.roleNameViolations(name), "role \(name)")
            #expect(NameRules.accountID(name) == NameRules.accountIDViolations(name), "account \(name)")
        }
        #expect(accepted >= 40, "the generated names include many plain owners")
        #expect(NameRules.plainAccountID("123456789012"))
        #expect(!NameRules.plainOwner("-acme") && !NameRules.plainOwner("ac--me") && !NameRules.plainOwner("acme*"))
    }

    /// Branch and tag patterns: the name pieces above, joined by slashes in every way, and the forms git refuses.
    static func refs() -> [String] {
        let pieces = ["a", "main", "v1.0", "-x", ".x", "x.", "x.lock", "lock", "*", "**", "a*", "é", " ", "~", ":", "@", "@{", "${{", "[", "\\"]
        var refs = names()
        for a in pieces {
            for b in pieces {
                refs += [a + "/" + b, "/" + a, a + "/", a + "//" + b, "refs/" + a, "refs/heads/" + a, a + ".." + b, a + "/." + b]
            }
        }
        refs += [String(repeating: "a", count: 255), String(repeating: "a", count: 256), "@", "release/*", "feature/*/x"]
        return refs
    }

    @Test("branch and tag patterns, and environment names")
    func refAndEnvironmentFastPathsAgree() {
        var plainRefs = 0, plainEnvironments = 0
        for name in Self.refs() {
            if NameRules.plainRefPattern(name) {
                plainRefs += 1
                #expect(NameRules.refPatternViolations(name, kind: "branch").isEmpty, "branch \(name)")
                #expect(NameRules.refPatternViolations(name, kind: "tag").isEmpty, "tag \(name)")
            }
            if NameRules.plainEnvironmentName(name) {
                plainEnvironments += 1
                #expect(NameRules.environmentNameViolations(name).isEmpty, "environment \(name)")
            }
            #expect(NameRules.refPattern(name, kind: "branch") == NameRules.refPatternViolations(name, kind: "branch"), "branch \(name)")
            #expect(NameRules.refPattern(name, kind: "tag") == NameRules.refPatternViolations(name, kind: "tag"), "tag \(name)")
            #expect(NameRules.environmentName(name) == NameRules.environmentNameViolations(name), "environment \(name)")
        }
        #expect(plainRefs >= 100 && plainEnvironments >= 40)
        #expect(NameRules.plainRefPattern("release/*") && !NameRules.plainRefPattern("refs/heads/main") && !NameRules.plainRefPattern("a/.b"))
        #expect(NameRules.plainEnvironmentName("production eu") && !NameRules.plainEnvironmentName(" prod"))
    }
}
