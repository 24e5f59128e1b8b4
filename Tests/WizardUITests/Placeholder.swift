import Testing
@testable import WizardUI
