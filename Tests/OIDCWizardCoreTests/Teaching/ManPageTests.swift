import Foundation
import Testing

/// The man page documents the command-line contracts of issues 2, 3 and 5; these checks keep it from
/// silently missing a command or flag when the contract is what later checks rely on.
@Suite("Man page")
struct ManPageTests {
    static let manPage = EmbeddedHelpTests.packageRoot.appendingPathComponent("Resources/man/oidc-wizard.1")

    /// The page's text with roff's escaped hyphens made plain, so flags read as users type them.
    static func text() throws -> String {
        try String(contentsOf: manPage, encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
    }

    @Test("it has the sections a man page reader expects")
    func sections() throws {
        let text = try Self.text()
        #expect(text.hasPrefix(".\\\"") || text.hasPrefix(".TH"))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES",
                        "EXAMPLES", "SEE ALSO"] {
            #expect(text.contains("\n.SH \(section)\n"), "missing section \(section)")
        }
    }

    @Test("it documents every command", arguments: ["generate", "lint", "simulate", "explain", "edit", "fix"])
    func documentsCommand(command: String) throws {
        #expect(try Self.text().contains("\n.SS \(command)\n"))
    }

    @Test("it documents every flag of the contracts", arguments: [
        "--repo", "--branch", "--tag", "--environment", "--pull-request", "--any-ref", "--account-id", "--role-name",
        "--region", "--audience", "--enterprise-slug", "--ghe-subdomain", "--github-host", "--out", "--print", "--force",
        "--format", "--fail-on", "--claim", "--principal", "--no-backup",
    ])
    func documentsFlag(flag: String) throws {
        #expect(try Self.text().contains(flag))
    }

    @Test("it names the keys, exit codes, environment and files written")
    func documentsBehaviour() throws {
        let text = try Self.text()
        for fact in ["Ctrl-S", "Ctrl-C", "F1", "Shift-Tab", "Esc", "NO_COLOR", "TERM", ".B 0\n", ".B 1\n", ".B 2\n",
                     "trust-policy.json", ".github/workflows/aws-oidc.yml", ".bak", "sarif"] {
            #expect(text.contains(fact), "man page lacks \(fact)")
        }
    }

    @Test("roff renders it without warnings, when groff is installed")
    func rendersCleanly() throws {
        guard let groff = ["/usr/bin/groff", "/bin/groff"].first(where: FileManager.default.isExecutableFile) else {
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: groff)
        process.arguments = ["-man", "-Tutf8", "-ww", "-z", Self.manPage.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would otherwise block groff forever.
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
