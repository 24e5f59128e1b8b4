import OIDCWizardCore
import Testing
@testable import WizardUI

/// A newcomer sees the policy, its warnings and who can get in from the first repository on — before the AWS
/// step — with placeholder AWS values that are named on screen and never written.
@Suite("Wizard preview before the AWS step")
struct WizardPlaceholderPreviewTests {
    @Test("owner and repository are enough for a live preview with named placeholders")
    func previewWithPlaceholders() {
        var driver = WizardDriving.start(size: WizardDriving.large)
        driver.type("acme")
        driver.send(.tab)
        driver.type("app")
        let derived = driver.state.derived
        #expect(derived.setup == nil, "nothing to write yet: the AWS step is empty")
        #expect(derived.placeholders == ["account id 111122223333", "region us-east-1", "role name github-actions"])
        #expect(derived.policy?.jsonText.contains("repo:acme/app:ref:refs/heads/main") == true)
        #expect(derived.plan == nil && derived.nextSteps.isEmpty, "placeholders never reach files or commands")
        #expect(!derived.scenarios.isEmpty)
        #expect(driver.screen.contains("Policy (placeholder AWS values)"), "the panel title says so even when scrolled")
        let panel = WizardContent.policyLines(state: driver.state, width: 60).map(\.plainText).joined(separator: " ")
        #expect(panel.hasPrefix("Preview with placeholders until step 3 (AWS): account id 111122223333"))
    }

    @Test("a wildcard owner shows its critical finding already on step 1")
    func wildcardOwnerOnStepOne() {
        var driver = WizardDriving.start(size: WizardDriving.large)
        driver.type("*")
        driver.send(.tab)
        driver.type("app")
        #expect(driver.state.derived.worstSeverity == .critical)
        #expect(driver.state.derived.scenarios.contains { $0.isSurprise && $0.allowed })
    }

    @Test("an AWS value still being typed keeps its value and its error; the preview stands in for it, and says so")
    func invalidValueKeepsThePreview() {
        var draft = SetupDraft(repositories: ["acme/app"], region: "eu-central-1", roleName: "deploy")
        draft.accountID = "12345"
        let driver = WizardDriving.start(draft, size: WizardDriving.large)
        #expect(driver.state.derived.draft.accountID == "12345", "the field keeps what was typed")
        #expect(driver.state.derived.fieldIssues[.accountID]?.isEmpty == false, "and shows what is wrong with it")
        #expect(driver.state.derived.setup == nil, "nothing can be written with it")
        #expect(driver.state.derived.policy != nil, "the policy, findings and table stay while the number is typed")
        #expect(driver.state.derived.placeholders == ["account id 111122223333 (until yours is valid)"])
        #expect(driver.screen.contains("placeholder AWS values"), "the panel says the values stand in")
        // An invalid value outside the AWS step still blocks the preview: there is nothing to stand in for it.
        let badBranch = WizardDriving.start(SetupDraft(repositories: ["acme/app"], branches: ["a..b"]), size: WizardDriving.large)
        #expect(badBranch.state.derived.policy == nil)
    }
}
