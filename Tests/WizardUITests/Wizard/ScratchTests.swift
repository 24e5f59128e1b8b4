import Testing
import OIDCWizardCore
@testable import WizardUI

@Test func scratchPrint() {
    var d = ProgramDriver(program: Wizard(), size: Size(width: 80, height: 24))
    print(FrameSnapshot.text(d.frame))
    d.type("acme")
    d.send(.tab)
    d.type("app\n")
    d.type("web")
    print(FrameSnapshot.text(d.frame))
    d.send([.tab, .tab, .tab, .tab])
    d.type("*")
    print(FrameSnapshot.text(d.frame))
    var w = ProgramDriver(program: Wizard(draft: SetupDraft(repositories: ["acme/app"], region: "eu-central-1", accountID: "123456789012", roleName: "deploy")), size: Size(width: 120, height: 40))
    print(FrameSnapshot.text(w.frame))
    w.send(.ctrl("s"))
    print(FrameSnapshot.text(w.frame))
}
