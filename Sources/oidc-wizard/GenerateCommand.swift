import ArgumentParser
import Foundation
import OIDCWizardCore

/// `oidc-wizard generate`: the wizard's result without the wizard — flags in, files and next steps out.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a trust policy and a workflow for GitHub Actions → AWS, without questions.",
        discussion: """
        Writes DIR/trust-policy.json (the IAM role's trust policy) and DIR/.github/workflows/aws-oidc.yml \
        (a workflow that assumes the role and prints the identity it got), then prints the AWS CLI commands \
        that create the OIDC provider and the role.

        Who may assume the role is the heart of it. Each rule adds one subject the policy lets in, for every \
        --repo: --branch (pushes to that branch), --tag, --environment (jobs that name that environment), \
        --pull-request, or --any-ref (every run: avoid for roles that can change anything). With no rule, \
        only the branch main is trusted. '*' and '?' are wildcards: '*' also matches '/', so 'release/*' \
        lets in release/a/b too.

        The region decides the partition: cn-* regions use arn:aws-cn and the audience sts.amazonaws.com.cn, \
        us-gov-* regions arn:aws-us-gov, eusc-* regions arn:aws-eusc.

        Existing files are never replaced without --force. Invalid input exits 2 with one line naming the \
        option, the value and the rule; warnings go to stderr.

        Examples:
          # Pushes to main of one repository:
          oidc-wizard generate --repo WtfJoke/aws-gh-oidc --branch main \\
              --account-id 589918074230 --role-name aws-gh-oidc --region eu-central-1

          # Deployments through the protected environment prod, printed instead of written:
          oidc-wizard generate --repo acme/app --environment prod \\
              --account-id 123456789012 --role-name deploy --region us-east-1 --print

          # Release tags, immutable subject (owner and repository ids), China:
          oidc-wizard generate --repo acme@1234/app@5678 --tag 'v*' \\
              --account-id 123456789012 --role-name release --region cn-north-1 --out infra
        """
    )

    @OptionGroup var setup: SetupOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("The directory to write into (created if missing).", valueName: "dir"))
    var outputDirectory = "."

    @Flag(name: .customLong("print"), help: "Print the trust policy JSON to stdout and write nothing.")
    var printOnly = false

    @Flag(name: .customLong("force"), help: "Replace files that exist already.")
    var force = false

    @Flag(name: .customLong("allow-other-owners"),
          help: "Write a policy even though a wildcard in an owner lets other GitHub accounts in (dangerous).")
    var allowOtherOwners = false

    func run() throws {
        let draft = setup.draft
        let resolution = draft.resolve()
        if let error = resolution.errors.first {
            Self.standardError("error: " + SetupOptions.message(for: error, flavorKind: draft.flavorKind))
            throw ExitCode(2)
        }
        guard let setup = resolution.setup else { throw ExitCode(2) }
        if setup.opensToOtherOwners, !allowOtherOwners {
            let issue = resolution.warnings.first { if case .repository = $0.field { true } else { false } }
            let detail = issue.map { SetupOptions.message(for: $0, flavorKind: draft.flavorKind) } ?? "--repo: a wildcard in the owner lets other GitHub accounts in."
            Self.standardError("error: \(detail) Pass --allow-other-owners only if you really mean that.")
            throw ExitCode(2)
        }
        for warning in resolution.warnings {
            Self.standardError("warning: " + SetupOptions.message(for: warning, flavorKind: draft.flavorKind))
        }

        if printOnly {
            print(TrustPolicyGenerator.policy(for: setup).jsonText, terminator: "")
            return
        }

        let writer = AtomicFileWriter(directory: outputDirectory)
        let plan = GeneratedFiles.plan(for: setup)
        let written: [String]
        do {
            written = try writer.write(plan, force: force)
        } catch {
            Self.standardError("error: \(error.description)")
            throw ExitCode(2)
        }
        for path in written { print("Wrote \(path)") }
        print("")
        print("Next steps (run them with AWS credentials for account \(setup.accountID)):")
        print("")
        let policyPath = writer.path(of: plan.files[0])
        print(NextSteps.text(for: setup, policyPath: policyPath), terminator: "")
        print("")
        print("Then commit \(GeneratedFiles.workflowPath) to \(setup.commitTargets) and run it.")
    }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
