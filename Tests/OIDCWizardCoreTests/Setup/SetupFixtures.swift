@testable import OIDCWizardCore

/// A valid draft to vary in tests: the blog post's example.
func blogDraft(_ change: (inout SetupDraft) -> Void = { _ in }) -> SetupDraft {
    var draft = SetupDraft(repositories: ["WtfJoke/aws-gh-oidc"], branches: ["main"], region: "eu-central-1",
                           accountID: "589918074230", roleName: "aws-gh-oidc")
    change(&draft)
    return draft
}

extension SetupResolution {
    /// The first error's rule, if any.
    var firstErrorRule: String? { errors.first?.rule }
}
