import Foundation
import Testing
import OIDCWizardCore
@testable import WizardUI

/// `oidc-wizard edit template.json` on a role whose provider is a `Ref` (account and partition only known at
/// deploy time): the account field says the account is unknown for this role, a change that needs it cannot
/// be saved, and nothing made up is ever written.
@Suite("Wizard: editing a role whose account the policy does not name")
struct WizardEditUnknownAccountTests {
    /// From the review step to the GitHub flavour: Enterprise Cloud with the slug `acme`.
    static func chooseEnterpriseCloud(_ driver: inout ProgramDriver<Wizard>) {
        driver.send([.escape, .escape, .escape])
        driver.send([.tab, .tab, .tab, .tab, .right, .tab])
        driver.type("acme")
    }

    @Test("the account field says the account is unknown for this role: a warning as opened, an error once the flavour changes")
    func fieldIssue() throws {
        var (driver, _) = try WizardEditSavingTests.open(WizardEditSavingTests.template, name: "stack.json")
        #expect(driver.state.text(.accountID) == "${AWS::AccountId}")
        let opened = driver.state.fieldIssues(.accountID)
        #expect(opened.count == 1)
        #expect(opened.first?.severity == .warning)
        #expect(opened.first?.rule.contains("does not name the account") == true, "\(opened)")
        #expect(!opened.contains { $0.rule.contains("not a digit") }, "not shown as a mistyped id")

        Self.chooseEnterpriseCloud(&driver)
        #expect(driver.state.flavorKind == .enterpriseCloud)
        let changed = driver.state.fieldIssues(.accountID)
        #expect(changed.map(\.severity) == [.error])
        #expect(changed.first?.rule.contains("account is unknown") == true, "\(changed)")
        // On screen, at the field, on the AWS step.
        for _ in 0..<20 where driver.state.step != .aws { driver.send(.tab) }
        #expect(driver.state.focus == .accountID)
        #expect(driver.screen.contains("account is unknown"), "\(driver.screen)")
    }

    @Test("Saving a new flavour with the account unknown writes nothing and says what to type; typed, it saves the real account")
    func saveRefusedThenSaved() throws {
        var (driver, path) = try WizardEditSavingTests.open(WizardEditSavingTests.template, name: "stack.json")
        let directory = (path as NSString).deletingLastPathComponent
        let sideFile = directory + "/deploy.trust-policy.json"
        Self.chooseEnterpriseCloud(&driver)
        driver.sendPerforming([.ctrl("s"), .enter])
        #expect(driver.state.edit?.saved == nil)
        #expect(driver.state.status?.kind == .error)
        let status = driver.state.status?.text ?? ""
        #expect(status.hasPrefix("Cannot save yet: The account is unknown"), "\(status)")
        #expect(status.contains("step 3"))
        #expect(!FileManager.default.fileExists(atPath: sideFile), "nothing written")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == WizardEditSavingTests.template)

        // The patch is refused too (it cannot be saved at all), so patching writes nothing either.
        driver.sendPerforming([.right, .enter])
        #expect(driver.state.edit?.saved == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))

        // Step 3: the account, then the region (the template leaves the partition open too).
        driver.send([.left, .escape, .escape])
        #expect(driver.state.step == .aws)
        #expect(driver.state.focus == .accountID)
        driver.send(.ctrl("u"))
        driver.type("111122223333")
        #expect(driver.state.fieldIssues(.accountID).isEmpty)
        #expect(driver.state.fieldIssues(.region).contains { $0.severity == .error && $0.rule.contains("partition is unknown") }, "\(driver.state.fieldIssues(.region))")
        driver.send(.tab)
        #expect(driver.state.focus == .region)
        driver.type("eu-west-1")
        driver.sendPerforming([.ctrl("s"), .enter])
        let saved = try #require(driver.state.edit?.saved, "status: \(String(describing: driver.state.status))")
        #expect(saved.written == sideFile)
        let written = try String(contentsOfFile: sideFile, encoding: .utf8)
        #expect(written.contains("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com/acme"), "\(written)")
        #expect(!written.contains("123456789012"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == WizardEditSavingTests.template)
    }
}
