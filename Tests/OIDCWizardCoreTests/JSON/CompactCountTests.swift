import Foundation
import Testing
@testable import OIDCWizardCore

/// IAM's size quota counts a policy's characters without whitespace. The count is taken without writing the
/// compact text; it must be exactly the non-blank characters of that text.
@Suite("Counting a policy's characters for the size quota")
struct CompactCountTests {
    static func counted(_ value: JSONValue) -> Int {
        value.compactText.unicodeScalars.filter { !($0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r") }.count
    }

    @Test("strings with spaces, escapes, control characters, non-ASCII and characters beyond the BMP count as written",
          arguments: ["", "repo:acme/app:ref:refs/heads/main", "a b  c", "quote \" and \\ backslash", "tab\tline\nreturn\r",
                      "\u{08}\u{0C}\u{01}\u{7F}", "ünïcödé", "emoji 🚀 and 𝔸", "no-break\u{00A0}space", "bidi\u{202E}x"])
    func strings(_ text: String) {
        let value = JSONValue.object([JSONMember(text, .array([.string(text), .number("1e400"), .null, .bool(false), .bool(true)]))])
        #expect(value.compactNonBlankCount == Self.counted(value))
    }

    @Test("every hazard example and generated policy: the count equals the compact text's non-blank characters")
    func corpus() throws {
        let hazards = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/examples/hazards")
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: hazards.path) where file.hasSuffix(".json") {
            let text = try String(contentsOf: hazards.appendingPathComponent(file), encoding: .utf8)
            let policy = try PolicyReader.read(text: text).reading.policy
            #expect(GuardrailRule.characterCount(policy) == Self.counted(policy.jsonValue), "\(file)")
            checked += 1
        }
        #expect(checked >= 10)
    }
}
