import ArgumentParser
import Foundation
import OIDCWizardCore

/// `oidc-wizard explain POLICY`: the policy in plain words, its findings, and who can assume the role.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Walk through a trust policy in plain words: what each condition means, what is wrong, and who can get in.",
        discussion: """
            For each statement: who may call (the principal), which action, and every condition in plain \
            words — e.g. "the subject must be exactly repo:acme/app:ref:refs/heads/main, which means: \
            pushes to main in acme/app". Then the findings (as lint reports them), and a table of workflow \
            runs — the ones the policy is meant for and an attacker's (another owner, a look-alike owner, \
            another repository, an unlisted branch, a tag, a pull request, …) — each decided with IAM's \
            real rules.

            POLICY may be a policy file, aws iam output or a CloudFormation template; every role in it is explained.

            Examples:
              oidc-wizard explain trust-policy.json
              aws iam get-role --role-name deploy | tee role.json >/dev/null; oidc-wizard explain role.json

            Exit status: 0 explained; 2 the file could not be read.
            """
    )

    @Argument(help: "The trust policy: a policy file, aws iam get-role/list-roles output, or a CloudFormation template.")
    var policy: String

    func run() throws {
        let sources: [PolicySource]
        do {
            sources = try PolicyInput.read(path: policy)
        } catch {
            FileHandle.standardError.write(Data("oidc-wizard explain: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let colored = TerminalColor.enabled()
        let texts = sources.map { source in
            PolicyExplanation.render(
                source, file: policy,
                findings: PolicyAnalyzer.analyze(source.policy, context: AnalysisContext(readerNotes: source.notes)),
                scenarios: ScenarioBuilder.scenarios(for: source.policy, intent: nil),
                colored: colored)
        }
        print(texts.joined(separator: "\n" + String(repeating: "-", count: 72) + "\n\n"), terminator: "")
    }
}
