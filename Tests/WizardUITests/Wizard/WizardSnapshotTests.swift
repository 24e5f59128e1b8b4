import Testing
import OIDCWizardCore
@testable import WizardUI

/// Whole screens as the user sees them, at the minimum size and at a roomy one. Golden files live in
/// `__Snapshots__/wizard-*.txt`; `RECORD_SNAPSHOTS=1` rewrites them (read the diff before committing).
@Suite("Wizard: whole screens")
struct WizardSnapshotTests {
    static let sizes: [(String, Size)] = [("80x24", WizardDriving.small), ("120x40", WizardDriving.large)]

    @Test("The start screen: focus on the owner, the steps, the panels waiting for a setup", arguments: [0, 1])
    func start(_ index: Int) {
        let (name, size) = Self.sizes[index]
        let driver = WizardDriving.start(size: size)
        Golden.assertFrame(driver.frame, matches: "wizard-start-\(name)", styles: true)
    }

    @Test("A wildcard owner: the policy that would result and its critical finding, marked in the gutter", arguments: [0, 1])
    func criticalFinding(_ index: Int) {
        let (name, size) = Self.sizes[index]
        var driver = WizardDriving.start(WizardDriving.completeDraft, size: size)
        driver.send(.ctrl("u"))
        driver.type("*")
        driver.send(.ctrl("n"))
        Golden.assertFrame(driver.frame, matches: "wizard-critical-\(name)", styles: true)
    }

    @Test("Help open over the form", arguments: [0, 1])
    func help(_ index: Int) {
        let (name, size) = Self.sizes[index]
        var driver = WizardDriving.start(size: size)
        driver.send(.function(1))
        Golden.assertFrame(driver.frame, matches: "wizard-help-\(name)")
    }

    @Test("The review step", arguments: [0, 1])
    func review(_ index: Int) {
        let (name, size) = Self.sizes[index]
        var driver = WizardDriving.start(WizardDriving.completeDraft, size: size)
        driver.send([.ctrl("s"), .escape])
        Golden.assertFrame(driver.frame, matches: "wizard-review-\(name)")
    }

    @Test("The write step asking to confirm a critical risk", arguments: [0, 1])
    func writeConfirmation(_ index: Int) {
        let (name, size) = Self.sizes[index]
        var draft = WizardDriving.completeDraft
        draft.repositories = ["acme*/app"]
        var driver = WizardDriving.start(draft, size: size, out: "infra")
        driver.send([.ctrl("s"), .enter]) { command in
            if case .inspectOutput(let directory, _) = command { return .inspected(directory: directory, existing: ["trust-policy.json"]) }
            return nil
        }
        Golden.assertFrame(driver.frame, matches: "wizard-write-confirm-\(name)", styles: true)
    }

    @Test("Below 80x24 the too-small screen says the minimum; the wizard comes back on resize")
    func tooSmall() {
        var driver = WizardDriving.start(size: Size(width: 60, height: 18))
        #expect(driver.isTooSmall)
        Golden.assertFrame(driver.frame, matches: "wizard-too-small-60x18")
        driver.resize(to: WizardDriving.small)
        #expect(!driver.isTooSmall)
        #expect(driver.state.focus == .owner)
    }

    @Test("Without a UTF-8 locale every glyph is ASCII, with words beside check and cross")
    func ascii() {
        var driver = WizardDriving.start(WizardDriving.completeDraft, size: WizardDriving.small, glyphs: .ascii)
        driver.send(.function(4))
        Golden.assertFrame(driver.frame, matches: "wizard-ascii-80x24")
        #expect(driver.frame.cells.allSatisfy { $0.character.isASCII })
    }

    @Test("Monochrome: every colour role the wizard uses still shows as an attribute where it matters")
    func monochrome() {
        var driver = WizardDriving.start(WizardDriving.completeDraft)
        driver.send(.ctrl("u"))
        driver.type("*")
        let critical = driver.frame.cells.first { $0.style.foreground == .critical }
        #expect(critical?.style.monochrome.attributes.contains(.reverse) == true)
    }
}
