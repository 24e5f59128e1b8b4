import ArgumentParser
import OIDCWizardCore

@main
struct OIDCWizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oidc-wizard",
        abstract: "Set up GitHub Actions → AWS access over OIDC with a trust policy that lets in only the workflows you mean.",
        discussion: """
        Without a subcommand, starts the interactive wizard in the terminal. Every `generate` option \
        pre-fills it (e.g. oidc-wizard --repo acme/app --account-id 123456789012 --region eu-central-1), \
        and --out sets where it writes. Without a terminal, use `oidc-wizard generate`.
        """,
        // The wizard is the default subcommand, so the root itself declares no options: a root `--out` would
        // also capture `generate --out`.
        subcommands: [WizardCommand.self, Generate.self, Simulate.self, Lint.self, Explain.self, Fix.self, Edit.self],
        defaultSubcommand: WizardCommand.self
    )
}
