import ArgumentParser
import OIDCWizardCore

/// `oidc-wizard` (or `oidc-wizard wizard`): the interactive wizard, pre-filled from the same options as `generate`.
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "The interactive wizard (the default): step by step, with a live policy preview, findings and help.",
        discussion: """
        Every `generate` option pre-fills it; --out sets where it writes. Keys: Tab/Shift-Tab move between \
        fields, Esc goes back, ? or F1 opens help, F2/F3/F4 switch panels, Ctrl-S jumps to writing, Ctrl-C quits. \
        Needs a terminal of at least 80x24; without one, use `oidc-wizard generate`.
        """
    )

    @OptionGroup var setup: SetupOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("The directory the wizard writes into (created if missing).", valueName: "dir"))
    var outputDirectory = "."

    func run() throws {
        try InteractiveWizard.run(draft: setup.draft, outputDirectory: outputDirectory)
    }
}
