import ArgumentParser
import Foundation
import OIDCWizardCore
import TerminalBackend
import WizardUI

/// `oidc-wizard edit FILE`: the wizard opened on an existing trust policy — its findings and who can get in
/// first, then the fields pre-filled from it, a diff as they change, and a save by the write-back rules.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open an existing trust policy in the wizard: see what is wrong, tighten it, save it back.",
        discussion: """
            Reads what lint reads: a trust policy, aws iam get-role/list-roles/get-account-authorization-details \
            output, or a CloudFormation template (choose the role with --role when it holds several). The wizard \
            opens on the review step with the findings and the "who can get in" table of the policy as it is; \
            Esc goes back to the fields. Statements the wizard does not model are kept verbatim.

            Saving: a bare policy file is rewritten in place after a backup FILE.bak (an older, different backup \
            is never replaced without --overwrite-backup); if the file changed on disk meanwhile, nothing is \
            written. For role dumps and templates the policy goes to <role>.trust-policy.json next to the input, \
            with the aws iam update-assume-role-policy command that applies it.

            Needs a terminal; without one, use `oidc-wizard lint FILE` or `oidc-wizard fix FILE`.
            """
    )

    @Argument(help: ArgumentHelp("A trust policy, aws iam output or a CloudFormation template.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Which role to edit when the file holds several.", valueName: "NAME"))
    var role: String?

    @Flag(name: .customLong("no-backup"), help: "Rewrite a policy file without keeping FILE.bak.")
    var noBackup = false

    @Flag(name: .customLong("overwrite-backup"), help: "Replace an existing, different FILE.bak.")
    var overwriteBackup = false

    @Option(help: ArgumentHelp("The AWS region for the workflow (a trust policy names none).", valueName: "REGION"))
    var region = ""

    func run() throws {
        let source: EditSource
        do {
            source = try EditSource.open(path: file)
        } catch {
            Self.say("oidc-wizard edit: \(error)")
            throw ExitCode(2)
        }
        let index = try roleIndex(in: source)
        let session = EditSession(source: source, roleIndex: index, region: region)
        let context = EditContext(session: session, options: WriteBack.Options(backup: !noBackup, overwriteBackup: overwriteBackup))
        let result: RunResult<Wizard>
        do {
            result = try TerminalSession.run(Wizard(edit: context), perform: WizardFileSystem.perform)
        } catch let error as TerminalUnavailable {
            Self.say("oidc-wizard edit: needs a terminal, but \(error.reason). Without one, `oidc-wizard lint \(file)` shows the findings and `oidc-wizard fix \(file)` applies the fixes.")
            throw ExitCode(TerminalUnavailable.exitCode)
        } catch {
            Self.say("oidc-wizard edit: \(error)")
            throw ExitCode(2)
        }
        if let saved = result.program.state.edit?.saved {
            print("Saved \(saved.written)" + (saved.backup.map { " (the file as it was is in \($0))" } ?? ""))
            if let command = saved.applyCommand {
                print("Apply it to the role (with AWS credentials):")
                print("  \(command)")
            }
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// `--role`, the only role, or (several and no `--role`) a message listing them with their worst finding.
    func roleIndex(in source: EditSource) throws -> Int {
        if let role {
            guard let index = source.index(ofRole: role) else {
                Self.say("oidc-wizard edit: \(file): there is no role \"\(role)\"; the file holds \(source.roleNames.map { "\"\($0)\"" }.joined(separator: ", ")).")
                throw ExitCode(2)
            }
            return index
        }
        guard source.policies.count > 1 else { return 0 }
        let listed = zip(source.roleNames, source.policies).map { name, policy in
            let worst = PolicyReview(policy: policy.policy, notes: policy.notes, issues: []).worstSeverity
            return "\(name) (\(worst.map { "worst finding: \($0.label)" } ?? "no findings"))"
        }
        Self.say("oidc-wizard edit: \(file) holds \(source.policies.count) roles: \(listed.joined(separator: ", ")). Choose one with --role NAME.")
        throw ExitCode(2)
    }

    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
