import Testing
@testable import OIDCWizardCore

@Suite("Keys seen so far")
struct SeenKeysTests {
    @Test("a key is new once, whether few keys were seen (compared) or many (hashed)",
          arguments: [0, 1, SeenKeys<String>.linearLimit - 1, SeenKeys<String>.linearLimit, SeenKeys<String>.linearLimit + 1, 500])
    func newOnce(distinct: Int) {
        var seen = SeenKeys<String>()
        var reference: Set<String> = []
        // Every key once, then all of them again in reverse and in order: only the first time is new.
        let keys = (0..<distinct).map { "repo:acme/app\($0):ref:refs/heads/main" }
        for key in keys + keys.reversed() + keys {
            #expect(seen.insert(key) == reference.insert(key).inserted, "\(key) after \(reference.count) keys")
        }
        #expect(reference.count == distinct)
    }
}
