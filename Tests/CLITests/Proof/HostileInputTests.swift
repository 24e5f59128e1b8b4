import Foundation
import Testing

/// Every reader, through the real binary, against a corpus of malformed files generated here: the answer
/// is a one-line error that names the file and exit 2 — or, where the file is still a policy IAM would
/// read (a byte-order mark, a duplicate key), a decision — within bounded time and memory, and never a
/// crash (an exit by signal) or a hang.
@Suite("Hostile input never crashes or hangs a reader")
struct HostileInputTests {
    static let timeLimit = 20.0        // seconds; the debug binary on a loaded 2-core machine
    static let memoryLimitMiB = 512.0
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\#(provider)"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}}}]}"#

    /// The shapes a reader accepts, each wrapping one policy document (given as JSON text).
    enum Format: String, CaseIterable, Sendable {
        case barePolicy = "bare policy"
        case getRole = "aws iam get-role"
        case listRoles = "aws iam list-roles"
        case authorizationDetails = "aws iam get-account-authorization-details"
        case templateJSON = "CloudFormation JSON"
        case templateYAML = "CloudFormation YAML"

        var fileName: String { self == .templateYAML ? "template.yaml" : "input.json" }

        func wrap(_ document: String) -> String {
            let role = #""RoleName":"deploy","Arn":"arn:aws:iam::123456789012:role/deploy","AssumeRolePolicyDocument":\#(document)"#
            switch self {
            case .barePolicy: return document
            case .getRole: return "{\"Role\":{\(role)}}"
            case .listRoles: return "{\"Roles\":[{\(role)}]}"
            case .authorizationDetails: return "{\"UserDetailList\":[],\"RoleDetailList\":[{\(role)}]}"
            case .templateJSON:
                return #"{"Resources":{"Deploy":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":\#(document)}}}}"#
            case .templateYAML:
                // A JSON document is a YAML flow node, so the same hostile text reaches the YAML reader.
                return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Deploy:\n    Type: AWS::IAM::Role\n"
                    + "    Properties:\n      AssumeRolePolicyDocument: \(document)\n"
            }
        }

        /// The same container with the wrong type where the policy list or role belongs.
        var wrongContainer: String {
            switch self {
            case .barePolicy: return #"{"Version":"2012-10-17","Statement":"everyone"}"#
            case .getRole: return #"{"Role":["deploy"]}"#
            case .listRoles: return #"{"Roles":{"RoleName":"deploy"}}"#
            case .authorizationDetails: return #"{"RoleDetailList":42}"#
            case .templateJSON: return #"{"Resources":[{"Type":"AWS::IAM::Role"}]}"#
            case .templateYAML: return "Resources:\n  - Type: AWS::IAM::Role\n    Properties: 7\n"
            }
        }
    }

    /// What a hostile case must produce.
    enum Expectation: Sendable {
        /// Exit 2 with one line naming the file.
        case refused
        /// The file is still a policy IAM would read: a decision (exit 0 or 1), no crash.
        case decided
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var format: Format
        var expectation: Expectation
        /// Writes the file (so a 100 MB file can be made sparse instead of held in memory).
        var make: @Sendable (URL) throws -> Void
        var testDescription: String { "\(format.rawValue): \(name)" }
    }

    static func bytes(_ data: [UInt8]) -> @Sendable (URL) throws -> Void {
        { url in try Data(data).write(to: url) }
    }

    static func text(_ text: String) -> @Sendable (URL) throws -> Void { bytes(Array(text.utf8)) }

    static let cases: [Case] = {
        var cases: [Case] = []
        for format in Format.allCases {
            let good = format.wrap(policy)
            let goodBytes = Array(good.utf8)
            func refuse(_ name: String, _ make: @escaping @Sendable (URL) throws -> Void) {
                cases.append(Case(name: name, format: format, expectation: .refused, make: make))
            }
            func decide(_ name: String, _ make: @escaping @Sendable (URL) throws -> Void) {
                cases.append(Case(name: name, format: format, expectation: .decided, make: make))
            }
            decide("the unaltered file is read (control)", text(good))
            refuse("not JSON or YAML at all", text("this is, sadly: not a policy {"))
            refuse("truncated in the middle", bytes(Array(goodBytes.prefix(goodBytes.count / 2))))
            // An invalid UTF-8 sequence inside the subject value.
            refuse("invalid UTF-8", bytes(Array(good.replacingOccurrences(of: "acme/app", with: "acme\u{1}app").utf8)
                .map { $0 == 0x01 ? 0xC3 : $0 }.flatMap { $0 == 0xC3 ? [0xC3, 0x28] : [$0] }))
            decide("a UTF-8 byte-order mark is tolerated", bytes([0xEF, 0xBB, 0xBF] + goodBytes))
            refuse("a UTF-16 byte-order mark and text", bytes([0xFF, 0xFE] + goodBytes.flatMap { [$0, 0] }))
            refuse("a NUL byte inside a value", bytes(Array(good.replacingOccurrences(of: "acme/app", with: "acme\u{0}/app").utf8)))
            refuse("100 000 nested lists where the document belongs", text(format.wrap(String(repeating: "[", count: 100_000))))
            refuse("100 000 nested objects where the document belongs",
                text(format.wrap(String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000))))
            refuse("a 100 MB file", { url in
                // Sparse: created in no time and without holding 100 MB in the test process.
                try Data(goodBytes).write(to: url)
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: 100 * 1024 * 1024)
                try handle.close()
            })
            // Slow in a debug build (seconds per run), and every format shares this path: JSON and YAML only.
            if format == .templateYAML {
            refuse("over CloudFormation's 1 MB template limit: 2 MB of blank space before the document", { url in
                try Data(repeating: UInt8(ascii: " "), count: 2 * 1024 * 1024).write(to: url)
                let handle = try FileHandle(forWritingTo: url)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(("\n" + good).utf8))
                try handle.close()
            })
            }
            if format == .barePolicy {
            decide("just under the size limit: 9 MB of blank space before the document", { url in
                try Data(repeating: UInt8(ascii: " "), count: 9 * 1024 * 1024).write(to: url)
                let handle = try FileHandle(forWritingTo: url)
                try handle.seekToEnd()
                let tail: [UInt8] = format == .templateYAML ? Array(("\n" + good).utf8) : goodBytes
                try handle.write(contentsOf: Data(tail))
                try handle.close()
            })
            }
            decide("wrong types in the policy are notes, as IAM would refuse just those parts (lists and numbers where strings belong)",
                text(format.wrap(#"{"Version":2012,"Statement":[{"Effect":["Allow"],"Principal":7,"Action":{"a":1},"Condition":"always"}]}"#)))
            refuse("no Statement at all", text(format.wrap(#"{"Version":"2012-10-17"}"#)))
            refuse("the wrong type where the container belongs", text(format.wrongContainer))
            decide("numbers where the condition's strings belong",
                text(format.wrap(policy.replacingOccurrences(of: #""repo:acme/app:ref:refs/heads/main""#, with: "[1, 2.5e3, -0]"))))
            // In YAML a duplicate key is refused instead: CloudFormation refuses such a template itself
            // ("Template format error: YAML not well-formed"), so no role could come of it.
            (format == .templateYAML ? refuse : decide)("a duplicate key is read as IAM reads it (the last one wins), except in YAML",
                text(format.wrap(policy.replacingOccurrences(of: #""Effect":"Allow""#, with: #""Effect":"Deny","Effect":"Allow""#))))
            decide("huge numbers",
                text(format.wrap(policy.replacingOccurrences(of: #""Version":"2012-10-17""#,
                                                             with: #""Version":"2012-10-17","Sid":1e999999999,"X":\#(String(repeating: "9", count: 100_000))"#))))
            refuse("a number as the whole document", text(format.wrap("1e999999999")))
        }
        let laughs = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
            Resources:
              Deploy:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: *i

            """
        cases.append(Case(name: "a billion-laughs alias bomb", format: .templateYAML, expectation: .refused, make: text(laughs)))
        cases.append(Case(name: "an alias used before its anchor", format: .templateYAML, expectation: .refused,
                          make: text("Resources: *nowhere\n")))
        cases.append(Case(name: "a self-referencing anchor", format: .templateYAML, expectation: .refused,
                          make: text("Resources: &r\n  Deploy: *r\n")))
        cases.append(Case(name: "1 300 levels of indentation (0.85 MB: deeper would pass the 1 MB template limit first)", format: .templateYAML, expectation: .refused,
                          make: text((0..<1_300).map { String(repeating: " ", count: $0) + "k:\n" }.joined())))
        cases.append(Case(name: "a tab-indented document", format: .templateYAML, expectation: .refused,
                          make: text("Resources:\n\tDeploy:\n\t\tType: AWS::IAM::Role\n")))
        return cases
    }()

    /// The subcommands that read policy files, with the options they need; `lint`, `explain` and `fix`
    /// join automatically when the binary has them.
    static let readingCommands: [(name: String, options: [String])] = {
        var commands = [(name: "simulate", options: ["--principal", provider, "--claim", "sub=repo:acme/app:ref:refs/heads/main",
                                                     "--claim", "aud=sts.amazonaws.com"])]
        let help = (try? CLI.run(["--help"]))?.stdout ?? ""
        // lint reports a file it cannot read inside its report (other files are still linted), so its
        // error is read from the JSON report's "error" field rather than from stderr.
        if help.contains("  lint ") { commands.append((name: "lint", options: ["--format", "json"])) }
        if help.contains("  explain ") { commands.append((name: "explain", options: [])) }
        // --dry-run: the fix is computed in full (reading, rules, fixer, diff) but nothing is written.
        if help.contains("  fix ") { commands.append((name: "fix", options: ["--dry-run"])) }
        return commands
    }()

    /// The one-line error a command gave for `file`: stderr (minus notes), or lint's JSON "error".
    static func errorLines(of run: MeasuredRun, command: String) -> [String] {
        if command == "lint" {
            guard let report = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                  let files = report["files"] as? [[String: Any]], let error = files.first?["error"] as? String else { return [] }
            return error.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return run.stderr.split(separator: "\n").filter { !$0.hasPrefix("note:") }.map(String.init)
    }

    @Test("a clear error naming the file and exit 2, or a decision — never a crash or hang", arguments: cases)
    func hostile(_ hostileCase: Case) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(hostileCase.format.fileName)
        try hostileCase.make(file)
        for command in Self.readingCommands {
            let run = try MeasuredRun.run(CLI.binary.path, [command.name, file.path] + command.options, timeout: Self.timeLimit)
            let label = "\(command.name) on \(hostileCase.testDescription): \(run.summary)"
            #expect(run.signal == nil, "crashed: \(label)")
            #expect(!run.timedOut, "hung: \(label)")
            if let memory = run.maxResidentMiB {
                #expect(memory < Self.memoryLimitMiB, "too much memory: \(label)")
            } else if OutsideTool.isCI {
                Issue.record("GNU time (/usr/bin/time) is missing, so memory is not measured; .ci/run installs it")
            }
            switch hostileCase.expectation {
            case .refused:
                #expect(run.status == 2, "\(label)")
                let lines = Self.errorLines(of: run, command: command.name)
                #expect(lines.count == 1, "one line: \(label)")
                #expect(lines.first?.contains(file.path + ":") == true, "the error must name the file: \(label)")
                #expect(!run.stderr.contains("Fatal error"), "\(label)")
            case .decided:
                #expect(run.status == 0 || run.status == 1, "\(label)")
            }
        }
    }
}
