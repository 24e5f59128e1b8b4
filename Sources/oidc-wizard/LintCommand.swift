import ArgumentParser
import Foundation
import OIDCWizardCore

/// `oidc-wizard lint FILE...`: every hazard in every role of every file, as text, JSON or SARIF.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check trust policies for hazards: who else can assume the role, and what will never work.",
        discussion: """
            Each FILE may be a trust policy (JSON, also URL-encoded as the IAM API returns it), the output \
            of aws iam get-role, list-roles or get-account-authorization-details (every role is checked), \
            or a CloudFormation template in JSON or YAML (every AWS::IAM::Role). Every statement and every \
            value is judged with IAM's real rules, not just the first one.

            Severities: critical (anyone on GitHub can assume the role), high (far more workflows than \
            you meant, or the role is broken), medium, low, info.

            Examples:
              oidc-wizard lint trust-policy.json
              aws iam get-role --role-name deploy > role.json && oidc-wizard lint role.json
              oidc-wizard lint template.yaml --fail-on medium
              oidc-wizard lint policies/*.json --format sarif > results.sarif   # for GitHub code scanning

            Exit status: 0 no finding at or above --fail-on (default high); 1 at least one; 2 a file \
            could not be read (the other files are still reported) or the options are wrong.
            In --format json each finding's "path" is its JSON path within the file and "statement" the \
            0-based statement index.
            """
    )

    @Argument(help: ArgumentHelp("Policy files, aws iam output or CloudFormation templates.", valueName: "FILE"))
    var files: [String]

    @Option(help: "Output format: text, json or sarif.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a finding is at least this severe: critical, high, medium, low, info or never.", valueName: "SEVERITY"))
    var failOn: FailThreshold = .high

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE to lint, e.g. oidc-wizard lint trust-policy.json") }
    }

    func run() throws {
        let report = LintRun.lint(paths: files)
        // Why a file could not be read is a diagnostic: one line each on stderr, in every format (the report on stdout
        // still lists the file, and the machine formats carry the reason inside too).
        for file in report.files { if let error = file.error { FileHandle.standardError.write(Data("oidc-wizard lint: \(error)\n".utf8)) } }
        switch format {
        case .text:
            print(TextLintReport.render(report, colored: TerminalColor.enabled()), terminator: "")
        case .json:
            print(JSONLintReport.render(report), terminator: "")
        case .sarif:
            print(SARIFLintReport.render(report, ruleInfo: LintRun.sarifRuleInfo), terminator: "")
        }
        throw ExitCode(failOn.exitStatus(for: report))
    }
}

extension FailThreshold: ExpressibleByArgument {}
