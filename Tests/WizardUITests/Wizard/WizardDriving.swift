import Foundation
import TestScratch
import OIDCWizardCore
@testable import WizardUI

/// Helpers for driving the wizard with keys, as a person would.
enum WizardDriving {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)

    /// A complete setup on the command line: the wizard starts with a valid policy.
    static let completeDraft = SetupDraft(repositories: ["acme/app"], region: "eu-central-1",
                                          accountID: "123456789012", roleName: "deploy")

    static func start(_ draft: SetupDraft = SetupDraft(), size: Size = small, glyphs: GlyphSet = .unicode, out: String = ".") -> ProgramDriver<Wizard> {
        ProgramDriver(program: Wizard(draft: draft, outputDirectory: out), size: size, glyphs: glyphs)
    }

    /// A fresh empty directory for writing tests, removed when the tests end (see `Scratch`).
    static func temporaryDirectory() throws -> String {
        try Scratch.directory("wizard").path
    }
}

extension ProgramDriver where Program == Wizard {
    var state: WizardState { program.state }

    /// Every line of the screen joined, for "the screen shows …" expectations.
    var screen: String { FrameSnapshot.text(frame) }

    /// Sends keys, carrying out file commands for real (as the command line does).
    mutating func sendPerforming(_ keys: [Key]) {
        send(keys, perform: { WizardFileSystem.perform($0) })
    }
}
