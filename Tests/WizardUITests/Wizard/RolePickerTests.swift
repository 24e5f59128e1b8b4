import Foundation
import Testing
import OIDCWizardCore
@testable import WizardUI

@Suite("Role picker: a file with several roles")
struct RolePickerTests {
    static func source() throws -> EditSource {
        let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
        func policy(_ subject: String) -> String {
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"\(provider)\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"},\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"\(subject)\"}}}]}"
        }
        let listing = "{\"Roles\":[{\"RoleName\":\"deploy\",\"AssumeRolePolicyDocument\":\(policy("repo:acme/*:*"))},{\"RoleName\":\"ci\",\"AssumeRolePolicyDocument\":\(policy("repo:acme@1/app@2:ref:refs/heads/main"))}]}"
        return try EditSource(path: "roles.json", data: Data(listing.utf8))
    }

    @Test("Lists every role with its worst finding, as lint judges it")
    func lists() throws {
        let picker = RolePicker(source: try Self.source())
        #expect(picker.entries.map(\.name) == ["deploy", "ci"])
        #expect(picker.entries[0].worst == .high)
        #expect((picker.entries[1].worst ?? .info) < .high)
        let driver = ProgramDriver(program: picker, size: WizardDriving.small)
        let screen = FrameSnapshot.text(driver.frame)
        #expect(screen.contains("roles.json holds 2 roles"))
        #expect(screen.contains("deploy") && screen.contains("HIGH"))
    }

    @Test("Down and Enter choose the second role; Esc leaves without a choice")
    func chooses() throws {
        var driver = ProgramDriver(program: RolePicker(source: try Self.source()), size: WizardDriving.small)
        driver.send([.down, .enter])
        #expect(driver.program.chosen == 1)
        #expect(driver.exitCode == 0)
        var leaving = ProgramDriver(program: RolePicker(source: try Self.source()), size: WizardDriving.small)
        leaving.send([.down, .escape])
        #expect(leaving.program.chosen == nil)
        #expect(leaving.exitCode == RolePicker.exitNotChosen)
    }
}
