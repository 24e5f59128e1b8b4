import Foundation
import Testing

/// The fuzz target in its plain build (no sanitizer): it replays inputs through the same check libFuzzer
/// drives in `.ci/run`, so a crashing input the fuzzer finds can be kept as a regression file and re-run.
@Suite("The policy reader's fuzz check, replayed")
struct FuzzReplayTests {
    static var fuzzBinary: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("oidc-wizard-fuzz") }

    @Test("the example policies and a few hostile seeds pass the fuzz check without a crash")
    func replay() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seeds: [String: [UInt8]] = [
            "nested": Array(repeating: UInt8(ascii: "["), count: 100_000),
            "alias-bomb": Array("a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n".utf8),
            "invalid-utf8": [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D],
            "duplicate-keys": Array(#"{"Statement":[{"Effect":"Deny","Effect":"Allow","Principal":"*","Action":"*"}]}"#.utf8),
            "empty": [],
        ]
        for (name, bytes) in seeds { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/examples").path
        let run = try MeasuredRun.run(Self.fuzzBinary.path, [examples, dir.path], timeout: 120)
        #expect(run.status == 0, "\(run.summary)")
        let count = run.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        #expect(count >= seeds.count + 10, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("through the policy reader check; no crash.\n"), "\(run.stdout)")
    }
}
