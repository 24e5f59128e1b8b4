import Foundation
import Testing
@testable import OIDCWizardCore

/// The help texts live in `Resources/help/*.md` for people to edit, and in
/// `EmbeddedHelp.generated.swift` for the binary to carry. This suite is the generator: it renders the
/// Swift file from the Markdown and fails when the committed file differs, so the two never drift.
/// `RECORD_GOLDEN=1 swift test --filter EmbeddedHelp` rewrites the file instead.
@Suite("Embedded help")
struct EmbeddedHelpTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let helpDirectory = packageRoot.appendingPathComponent("Resources/help")
    static let generatedFile = packageRoot
        .appendingPathComponent("Sources/OIDCWizardCore/Teaching/EmbeddedHelp.generated.swift")

    /// `(id, text)` of every `Resources/help/*.md`, sorted by id.
    static func helpFiles() throws -> [(id: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: helpDirectory.path)
            .filter { $0.hasSuffix(".md") }
        return try names.map { name in
            let text = try String(contentsOf: helpDirectory.appendingPathComponent(name), encoding: .utf8)
            return (String(name.dropLast(3)), text)
        }
        .sorted { $0.id < $1.id }
    }

    /// The smallest raw-string delimiter that cannot occur in `text`: one more `#` than the longest run
    /// of `#` anywhere in it, so neither `"""#…` nor `\#…(` inside the text can end or interpolate.
    static func rawDelimiter(for text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "#" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "#", count: longest + 1)
    }

    static func renderSwift(_ files: [(id: String, text: String)]) -> String {
        var out = """
        // GENERATED from Resources/help/*.md by Tests/OIDCWizardCoreTests/Teaching/EmbeddedHelpTests.swift.
        // Do not edit by hand: change the Markdown, then run `RECORD_GOLDEN=1 swift test --filter EmbeddedHelp`.

        /// The help texts compiled into the binary, so `?`/F1 works without any file next to it.
        enum EmbeddedHelp {
            /// `(topic id, Markdown text)`, sorted by id.
            static let sources: [(id: String, markdown: String)] = [

        """
        for file in files {
            var text = file.text
            while text.hasSuffix("\n") { text.removeLast() }
            let hashes = rawDelimiter(for: text)
            out += "        (\"\(file.id)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test("the committed Swift file is exactly what the Markdown renders to")
    func generatedFileMatchesMarkdown() throws {
        let rendered = Self.renderSwift(try Self.helpFiles())
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try rendered.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
            return
        }
        let committed = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(committed == rendered, "Resources/help changed: run RECORD_GOLDEN=1 swift test --filter EmbeddedHelp")
    }

    @Test("the binary carries every help file, and nothing else")
    func libraryMatchesFiles() throws {
        let files = try Self.helpFiles()
        #expect(HelpLibrary.topics.map(\.id) == files.map(\.id))
        for file in files {
            let topic = try #require(HelpLibrary.topic(file.id), "\(file.id).md does not parse as a help topic")
            #expect(topic == HelpTopic(id: file.id, markdown: file.text))
        }
    }

    @Test("a raw-string delimiter is longer than any run of # in the text")
    func delimiterCannotCollide() {
        #expect(Self.rawDelimiter(for: "plain") == "#")
        #expect(Self.rawDelimiter(for: "# Title") == "##")
        #expect(Self.rawDelimiter(for: "ends \"\"\"### here") == "####")
    }
}
