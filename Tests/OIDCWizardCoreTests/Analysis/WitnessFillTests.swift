import Testing
@testable import OIDCWizardCore

@Suite("Filling a pattern's wildcards with names an attacker can use")
struct WitnessFillTests {
    @Test("each filler replaces every *, each ? becomes one character, and only names valid for the part stay",
          arguments: [
            ("release/*", Witnesses.Kind.ref, ["release/-evil", "release/evil", "release/zz-unlisted"]),
            ("v*", .ref, ["v-evil", "vevil", "vzz-unlisted"]),
            ("*", .owner, ["zz-attacker"]),
            ("acme*", .owner, ["acme-evil", "acmeevil", "acmezz-attacker"]),
            ("*-*", .owner, ["-evil--evil", "evil-evil", "zz-attacker-zz-attacker"].filter { SubjectGrammar.validOwner($0) }),
            ("prod?", .environment, ["prodx"]),
            ("12??", .digits, ["1299"]),
            ("main", .ref, ["main"]),
            ("déploi*", .environment, ["déploi-evil", "déploievil"]),
          ])
    func fills(text: String, kind: Witnesses.Kind, expected: [String]) {
        #expect(Witnesses.fill(text, kind: kind) == expected)
    }
}
