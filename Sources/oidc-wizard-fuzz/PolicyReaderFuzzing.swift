import Foundation
import OIDCWizardCore

/// What the fuzzer checks for one input: the policy reader (every input format) must return or throw an
/// `InputError` — never crash, hang or exhaust memory; the hazard rules, the evaluator behind them, the
/// scenario table and the fixer must cope with whatever the reader lets through; and whatever the strict JSON parser accepts must
/// survive a round trip through the pretty printer unchanged (the writer is what `generate` and `edit`
/// use, so a value it cannot write back faithfully would corrupt a user's file).
enum PolicyReaderFuzzing {
    /// Every input is read twice, named as JSON and as YAML, because the name's extension decides which
    /// reader `PolicyInput` uses; seed files stay meaningful as they are.
    static func check(_ bytes: UnsafeRawBufferPointer) {
        let body = Data(bytes)
        for name in ["fuzz.json", "fuzz.yaml"] {
            do {
                let sources = try PolicyInput.read(data: body, name: name)
                for source in sources {
                    // What lint and explain do with a policy that was read: none of it may trap or hang.
                    _ = PolicyAnalyzer.analyze(source.policy, context: AnalysisContext(readerNotes: source.notes))
                    _ = ScenarioBuilder.scenarios(for: source.policy, intent: nil)
                    _ = PolicyFixer.fix(source.policy, notes: source.notes, repositories: ["acme/app"])
                    _ = source.policy.jsonText
                    _ = JSONWriter.prettyPrinted(source.document)
                }
            } catch {
                // An InputError is the expected outcome for most inputs; it must name the file.
                precondition(error.description.hasPrefix(name + ": "), "error without the file name: \(error)")
            }
        }
        checkJSONRoundTrip(Array(body))
    }

    static func checkJSONRoundTrip(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes: bytes) else { return }
        let text = JSONWriter.prettyPrinted(value)
        guard let again = try? JSONParser.parse(text) else {
            preconditionFailure("the pretty printer wrote JSON its own parser refuses:\n\(text)")
        }
        precondition(again == value, "the JSON round trip changed the value:\n\(text)")
    }
}
