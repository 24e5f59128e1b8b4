import Foundation
import OIDCWizardCore

/// `lint`, `explain` and `fix` on policies far past IAM's size quota (hostile, generated, or a dump of many
/// roles pasted into one document): each must grow in step with the policy, never with its square. Two sizes
/// of each shape, so the ratio shows it: ten times the size should take about ten times as long.
enum LargeInputBenchmark {
    static let provider = AnalysisBenchmark.provider
    static let prefix = AnalysisBenchmark.prefix

    /// `count` statements, each with a wildcard under StringEquals (a finding with an autofix apiece).
    static func statements(_ count: Int) -> String {
        let statement = { (index: Int) in
            #"{"Effect":"Allow","Principal":{"Federated":"\#(provider)"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"\#(prefix):aud":"sts.amazonaws.com","\#(prefix):sub":"repo:acme/app\#(index):ref:refs/heads/*"}}}"#
        }
        return #"{"Version":"2012-10-17","Statement":[\#n"# + (0..<count).map(statement).joined(separator: ",\n") + "]}"
    }

    /// One statement whose `sub` lists `count` values.
    static func values(_ count: Int) -> String {
        let list = (0..<count).map { #""repo:acme/app\#($0):*""# }.joined(separator: ",\n")
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\#(provider)"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"\#(prefix):aud":"sts.amazonaws.com"},"StringLike":{"\#(prefix):sub":[\#n"# + list + "]}}}]}"
    }

    /// A CloudFormation template in YAML with `count` roles, each trusting a whole organisation.
    static func template(_ count: Int) -> String {
        "Resources:\n" + (0..<count).map { index in
            """
              Role\(index):
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Federated: \(provider)}
                        Action: sts:AssumeRoleWithWebIdentity
                        Condition: {StringLike: {"\(prefix):sub": "repo:acme/*"}}
            """
        }.joined(separator: "\n") + "\n"
    }

    static func milliseconds(_ work: () -> Void) -> Double {
        let start = clock.now
        work()
        return microseconds(clock.now - start) / 1_000
    }

    static func run() {
        print("")
        print("large inputs (one run each; ten times the size should take about ten times as long)")
        for (shape, make, sizes) in [("statements", statements, [100, 1_000]), ("sub values", values, [2_000, 20_000])] {
            for size in sizes {
                guard let source = try? PolicyInput.read(data: Data(make(size).utf8), name: "large.json").first else { continue }
                let lint = milliseconds { _ = PolicyAnalyzer.analyze(source.policy, context: AnalysisContext(readerNotes: source.notes)) }
                let table = milliseconds { _ = ScenarioBuilder.scenarios(for: source.policy, intent: nil) }
                var outcome: PolicyFixer.Outcome?
                let fix = milliseconds { outcome = PolicyFixer.fix(source.policy, notes: source.notes) }
                let diff = milliseconds { _ = PolicyDiff(before: source.policy.jsonText, after: outcome!.policy.jsonText).unified() }
                let label = "\(size) \(shape):".padding(toLength: 20, withPad: " ", startingAt: 0)
                print("  \(label) lint \(format(lint)) ms, explain's table \(format(table)) ms, fix \(format(fix)) ms, its diff \(format(diff)) ms")
            }
        }
        // lint on a template: reading it, every role's findings, and each finding's line in the YAML.
        for size in [100, 1_000] {
            let text = template(size)
            let lint = milliseconds {
                guard let sources = try? PolicyInput.read(data: Data(text.utf8), name: "template.yaml") else { return }
                _ = LintRun.findings(in: sources, text: text, isYAML: true)
            }
            let label = "\(size) YAML roles:".padding(toLength: 20, withPad: " ", startingAt: 0)
            print("  \(label) lint with lines \(format(lint)) ms")
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
