import ArgumentParser
import Foundation
import OIDCWizardCore

/// `oidc-wizard fix FILE`: applies every fix that can be derived, prints the diff, and writes the result
/// (in place with a backup for a bare policy; `<role>.trust-policy.json` plus the AWS command otherwise).
struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Repair a trust policy's hazards that have a clear fix, and show what changed.",
        discussion: """
            Reads what lint reads: a trust policy, aws iam get-role/list-roles/get-account-authorization-details \
            output, or a CloudFormation template. It restores constraints lost to a repeated JSON key, replaces \
            wildcard repositories (repo:acme/*, repo:*) with the ones you name with --repo, moves wildcards from \
            StringEquals to StringLike, adds the missing audience, and applies every other derivable fix. The \
            diff goes to stdout; what was done and what is left go to stderr.

            Writing: a bare policy file is rewritten in place after a backup FILE.bak (an older, different \
            backup is never replaced without --overwrite-backup). If the file changed on disk meanwhile, nothing \
            is written. For role dumps and templates the policy goes to <role>.trust-policy.json next to the \
            input, with the aws iam update-assume-role-policy command that applies it. With --in-place a \
            CloudFormation template in JSON is patched instead, after a backup TEMPLATE.bak: only the fixed \
            roles' AssumeRolePolicyDocument values change, indented like the template, and values it builds with \
            Ref, Fn::GetAtt or Fn::Sub are written back as they were; when that cannot be done safely (Fn::If, \
            a fix that would hard-code a parameter's default), nothing is written and the reason is said.

            Examples:
              oidc-wizard fix trust-policy.json --dry-run
              oidc-wizard fix trust-policy.json --repo acme/app --repo acme/api
              oidc-wizard fix roles.json --role deploy --out deploy-trust.json
              oidc-wizard fix cfn.json --repo acme/app --in-place

            Exit status: 0 nothing at high or above remains; 1 findings at high or above remain; 2 the input \
            or the options could not be used, or nothing could be written.
            """
    )

    @Argument(help: ArgumentHelp("A trust policy, aws iam output or a CloudFormation template.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Write the fixed policy to this file instead (refuses to replace one without --force).", valueName: "FILE"))
    var out: String?

    @Option(name: .customLong("repo"), help: ArgumentHelp("A repository the role is for (repeatable); replaces wildcard repositories such as repo:acme/*.", valueName: "OWNER/REPO"))
    var repositories: [String] = []

    @Option(help: ArgumentHelp("Which role to fix when the file holds several (default: all).", valueName: "NAME"))
    var role: String?

    @Flag(name: .customLong("dry-run"), help: "Print the diff; write nothing.")
    var dryRun = false

    @Flag(name: .customLong("no-backup"), help: "Rewrite a policy file without keeping FILE.bak.")
    var noBackup = false

    @Flag(name: .customLong("overwrite-backup"), help: "Replace an existing, different FILE.bak.")
    var overwriteBackup = false

    @Flag(help: "Replace an existing <role>.trust-policy.json or --out file.")
    var force = false

    @Flag(name: .customLong("in-place"), help: "Patch a CloudFormation JSON template itself (after TEMPLATE.bak) instead of writing <role>.trust-policy.json.")
    var inPlace = false

    func validate() throws {
        if inPlace, out != nil {
            throw ValidationError("--in-place and --out exclude each other: patch the template, or write the policy to a file")
        }
        for repository in repositories {
            let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count != 2 || parts.contains(where: \.isEmpty) || repository.contains("*") || repository.contains("?") {
                throw ValidationError("--repo takes one exact repository as OWNER/REPO (e.g. acme/app), not \"\(repository)\"")
            }
        }
    }

    func run() throws {
        let source: EditSource
        do {
            source = try EditSource.open(path: file)
        } catch {
            Self.say("oidc-wizard fix: \(error)")
            throw ExitCode(2)
        }
        var indices = Array(source.policies.indices)
        if let role {
            guard let index = source.index(ofRole: role) else {
                Self.say("oidc-wizard fix: \(file): there is no role \"\(role)\"; the file holds \(source.roleNames.map { "\"\($0)\"" }.joined(separator: ", ")).")
                throw ExitCode(2)
            }
            indices = [index]
        } else if out != nil, indices.count > 1 {
            Self.say("oidc-wizard fix: \(file) holds \(indices.count) roles (\(source.roleNames.joined(separator: ", "))); choose one with --role NAME to write it to --out.")
            throw ExitCode(2)
        }

        if inPlace, source.kind != .cloudFormationJSON, source.kind != .barePolicy {
            Self.say("oidc-wizard fix: --in-place patches CloudFormation templates in JSON (a trust policy file is rewritten in place anyway); \(file) is \(source.kind.description).")
            throw ExitCode(2)
        }
        let patchesTemplate = inPlace && source.kind == .cloudFormationJSON
        var patches: [Int: TrustPolicy] = [:]
        var highRemains = false
        var writeFailed = false
        for index in indices {
            let policySource = source.policies[index]
            let name = policySource.roleName.map { "role \($0)" } ?? file
            let outcome = PolicyFixer.fix(policySource.policy, notes: policySource.notes, repositories: repositories)
            highRemains = highRemains || outcome.hasHighFindings
            let diff = PolicyDiff(before: policySource.policy.jsonText, after: outcome.policy.jsonText)
            let changed = outcome.policy != policySource.policy
            if diff.hasChanges {
                print(diff.unified(beforeName: "\(name) (as read)", afterName: "\(name) (fixed)"), terminator: "")
            }
            for step in outcome.steps { Self.say("fixed [\(step.rule)] \(step.description)") }
            for need in outcome.needsInput { Self.say("needs you: \(need)") }
            for finding in outcome.remaining where finding.severity >= .high {
                Self.say("left [\(finding.severity.label)] \(finding.rule): \(finding.message)")
            }
            guard changed else {
                Self.say("\(name): nothing to fix; nothing written.")
                continue
            }
            if dryRun {
                Self.say("\(name): dry run; nothing written.")
                continue
            }
            if patchesTemplate {
                // All roles go into the template in one write, after the loop.
                patches[index] = outcome.policy
                continue
            }
            let options = WriteBack.Options(backup: !noBackup, overwriteBackup: overwriteBackup, force: force, outPath: out)
            do {
                Self.report(try WriteBack.save(outcome.policy, roleIndex: index, of: source, options: options),
                            wrote: "wrote", apply: "apply it to the role with")
            } catch {
                Self.say("oidc-wizard fix: \(error)")
                writeFailed = true
            }
        }
        if !patches.isEmpty {
            do {
                let options = WriteBack.Options(backup: !noBackup, overwriteBackup: overwriteBackup, patchTemplate: true)
                Self.report(try WriteBack.patchTemplate(patches, of: source, options: options),
                            wrote: "patched", apply: "deploy the stack to apply it")
            } catch {
                Self.say("oidc-wizard fix: \(error)")
                writeFailed = true
            }
        }
        if writeFailed { throw ExitCode(2) }
        throw ExitCode(highRemains ? 1 : 0)
    }

    /// "wrote FILE (backup: FILE.bak)", then the command that applies it, if any.
    static func report(_ result: WriteBack.Result, wrote verb: String, apply: String) {
        say("\(verb) \(result.written)" + (result.backup.map { " (backup: \($0))" } ?? ""))
        if let command = result.applyCommand { say("\(apply):\n  \(command)") }
    }

    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
