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
            with the aws iam update-assume-role-policy command that applies it (a provider the template names by Ref or \
            ${AWS::AccountId} is written out only once the account id and region are known: --account-id and --region, \
            or step 3). A CloudFormation template in JSON \
            can instead be patched in place (choose it on the write step, or pass --patch-template): only the \
            role's AssumeRolePolicyDocument changes, indented like the template, after a backup TEMPLATE.bak; \
            values the template builds with Ref, Fn::GetAtt or Fn::Sub (the OIDC provider, parameters) are \
            written back as they were. When that cannot be done safely (YAML, Fn::If, an edit that would \
            hard-code a parameter's default), the write step says why and the side file remains.

            The write step can also write the workflow file .github/workflows/aws-oidc.yml from the edited \
            fields, exactly as generate does (--workflow turns it on); it needs the region (--region or step 3) \
            and never replaces an existing file without asking.

            Examples:
              oidc-wizard edit trust-policy.json
              oidc-wizard edit roles.json --role deploy --region eu-central-1 --workflow
              oidc-wizard edit cfn.json --patch-template

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

    @Flag(name: .customLong("patch-template"), help: "Preselect patching a CloudFormation JSON template in place (after TEMPLATE.bak) instead of writing <role>.trust-policy.json.")
    var patchTemplate = false

    @Flag(help: "Preselect also writing .github/workflows/aws-oidc.yml (into the current directory) from the edited fields.")
    var workflow = false

    @Option(name: .customLong("account-id"),
            help: ArgumentHelp("The role's 12-digit AWS account id, as if typed in step 3: for a template that leaves it to CloudFormation (${AWS::AccountId}), so the provider can be written out.", valueName: "ID"))
    var accountID = ""

    func run() throws {
        let source: EditSource
        do {
            source = try EditSource.open(path: file)
        } catch {
            Self.say("oidc-wizard edit: \(error)")
            throw ExitCode(2)
        }
        if !accountID.isEmpty, let violation = NameRules.accountID(accountID).first {
            Self.say("oidc-wizard edit: --account-id '\(SetupOptions.printable(accountID))': \(violation.rule)")
            throw ExitCode(2)
        }
        if patchTemplate, source.kind != .cloudFormationJSON {
            Self.say("oidc-wizard edit: --patch-template is for CloudFormation templates in JSON; \(file) is \(source.kind.description).")
            throw ExitCode(2)
        }
        let options = WriteBack.Options(backup: !noBackup, overwriteBackup: overwriteBackup, patchTemplate: patchTemplate)
        // Checked before the screen opens, so a wrong --role is said on a normal terminal.
        let preset = try presetRoleIndex(in: source)
        let result: RunResult<Wizard>
        do {
            let session = try TerminalSession.open()
            defer { session.close() }
            // Several roles and no --role: the picker first, on the same screen.
            guard let index = try preset ?? session.run(RolePicker(source: source)).program.chosen else { throw ExitCode(RolePicker.exitNotChosen) }
            let context = EditContext(session: EditSession(source: source, roleIndex: index, region: region, accountID: accountID), options: options,
                                      writeWorkflow: workflow)
            result = try session.run(Wizard(edit: context), perform: WizardFileSystem.perform)
        } catch let error as TerminalUnavailable {
            // Still say which roles there are: the next command needs one of them.
            if role == nil, source.policies.count > 1 { Self.say(rolesLine(source)) }
            Self.say("oidc-wizard edit: needs a terminal, but \(error.reason). Without one, `oidc-wizard lint \(file)` shows the findings and `oidc-wizard fix \(file)` applies the fixes.")
            throw ExitCode(TerminalUnavailable.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Self.say("oidc-wizard edit: \(error)")
            throw ExitCode(2)
        }
        let edit = result.program.state.edit
        if let saved = edit?.saved {
            print("Saved \(saved.written)" + (saved.backup.map { " (the file as it was is in \($0))" } ?? ""))
            if let command = saved.applyCommand {
                print(edit?.patchesTemplate == true ? "Deploy the stack to apply it (with AWS credentials):" : "Apply it to the role (with AWS credentials):")
                print("  \(command)")
            }
        }
        if let workflow = edit?.workflowWritten { print("Wrote \(workflow)") }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// `--role` or the only role; nil when the file holds several and the picker is to choose.
    func presetRoleIndex(in source: EditSource) throws -> Int? {
        if let role {
            guard let index = source.index(ofRole: role) else {
                Self.say("oidc-wizard edit: \(file): there is no role \"\(role)\"; the file holds \(source.roleNames.map { "\"\($0)\"" }.joined(separator: ", ")).")
                throw ExitCode(2)
            }
            return index
        }
        return source.policies.count > 1 ? nil : 0
    }

    /// "roles.json holds 2 roles: deploy (worst finding: HIGH), ci (no findings). Choose one with --role NAME."
    func rolesLine(_ source: EditSource) -> String {
        let listed = RolePicker(source: source).entries.map { entry in
            "\(entry.name) (\(entry.worst.map { "worst finding: \($0.label)" } ?? "no findings"))"
        }
        return "oidc-wizard edit: \(file) holds \(source.policies.count) roles: \(listed.joined(separator: ", ")). Choose one with --role NAME."
    }

    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
