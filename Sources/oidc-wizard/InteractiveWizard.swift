import ArgumentParser
import Foundation
import OIDCWizardCore
import TerminalBackend
import WizardUI

/// `oidc-wizard` with no subcommand: the full-screen wizard. The screen is drawn on the terminal; once it closes,
/// what was written and the next steps go to stdout, as `generate` prints them.
enum InteractiveWizard {
    static func run(draft: SetupDraft, outputDirectory: String) throws {
        let result: RunResult<Wizard>
        do {
            // Files are written by `WizardFileSystem`, i.e. `AtomicFileWriter.write(_:force:)` on
            // `GeneratedFiles.plan(for:)` — the same path `generate` takes.
            result = try TerminalSession.run(Wizard(draft: draft, outputDirectory: outputDirectory),
                                             perform: WizardFileSystem.perform)
        } catch let error as TerminalUnavailable {
            Generate.standardError(error.description)
            throw ExitCode(TerminalUnavailable.exitCode)
        } catch {
            Generate.standardError("oidc-wizard: \(error)")
            throw ExitCode(2)
        }
        if let written = result.program.state.written {
            for path in written.paths { print("Wrote \(path)") }
            print("")
            print("Next steps (run them with AWS credentials for account \(written.setup.accountID)):")
            print("")
            print(NextSteps.text(for: written.setup, policyPath: written.policyPath), terminator: "")
            print("")
            print("Then commit \(GeneratedFiles.workflowPath) to \(written.setup.commitTargets) and run it.")
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
