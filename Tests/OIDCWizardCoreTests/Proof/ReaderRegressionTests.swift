import Foundation
import Testing
@testable import OIDCWizardCore

/// Inputs the hostile-input proof found mishandled, kept as regressions at the reader's level.
@Suite("Reader regressions found by the hostile-input proof")
struct ReaderRegressionTests {
    static let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}}}]}"#

    static func template(lineEnding: String = "\n", padding: String = "") -> String {
        ["AWSTemplateFormatVersion: '2010-09-09'", padding, "Resources:", "  Deploy:", "    Type: AWS::IAM::Role",
         "    Properties:", "      AssumeRolePolicyDocument: \(document)"].joined(separator: lineEnding) + lineEnding
    }

    @Test("a YAML template with a UTF-8 byte-order mark is read (Windows editors write one)")
    func yamlWithByteOrderMark() throws {
        let sources = try PolicyInput.read(data: Data([0xEF, 0xBB, 0xBF] + Array(Self.template().utf8)), name: "template.yaml")
        #expect(sources.map(\.roleName) == ["Deploy"])
    }

    @Test("a YAML template with Windows line endings and many entries is not mistaken for deep nesting")
    func crlfTemplate() throws {
        // Before: "\r\n" is one Character, so the nesting check saw a single line and added up every
        // "key: " on it — a long CRLF template was refused as "nested more than 512 levels".
        let tags = (0..<1500).map { "          - Key: k\($0)\r\n            Value: v" }.joined(separator: "\r\n")
        let text = Self.template(lineEnding: "\r\n") + "      Tags:\r\n" + tags + "\r\n"
        let sources = try PolicyInput.read(data: Data(text.utf8), name: "template.yaml")
        #expect(sources.count == 1)
    }

    @Test("a line of nothing but spaces is blank, not 'nested' (a 0.9 MB blank line)")
    func blankLineIsNotNesting() throws {
        let text = Self.template(padding: String(repeating: " ", count: 900_000))
        #expect(try PolicyInput.read(data: Data(text.utf8), name: "template.yaml").count == 1)
    }

    @Test("9 MB of leading blanks before a policy are skipped, and the policy is read")
    func leadingBlanksAreSkipped() throws {
        // Before the fix this took seconds (an array per byte); the hostile-input CLI test bounds the time.
        let text = String(repeating: " ", count: 9 << 20) + Self.document
        #expect(try PolicyInput.read(data: Data(text.utf8), name: "policy.json").count == 1)
    }
}
