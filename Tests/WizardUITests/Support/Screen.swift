import WizardUI

/// Small helpers to read frames in expectations.
extension Frame {
    /// The frame as text lines, trailing spaces trimmed.
    var lines: [String] { FrameSnapshot.lines(self) }

    /// The text of row `y`, trailing spaces trimmed.
    func line(_ y: Int) -> String { FrameSnapshot.lines(self)[y] }
}
