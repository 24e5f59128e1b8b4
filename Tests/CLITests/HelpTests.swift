import Testing

@Suite("oidc-wizard --help")
struct HelpTests {
    @Test("says what the tool is for")
    func helpSaysWhatItIsFor() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("trust policy"))
    }
}
