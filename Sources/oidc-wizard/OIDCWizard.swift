import ArgumentParser
import OIDCWizardCore

@main
struct OIDCWizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oidc-wizard",
        abstract: "Set up GitHub Actions → AWS access over OIDC with a trust policy that lets in only the workflows you mean.",
        subcommands: [Generate.self, Simulate.self, Lint.self, Explain.self, Fix.self]
    )
}
