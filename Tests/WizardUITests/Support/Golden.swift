import Foundation
import Testing
import WizardUI

/// Whole-screen golden files: `Tests/WizardUITests/__Snapshots__/<name>.txt` holds the frame's size, its text and
/// (optionally) a mask of its foreground roles. A missing or different file fails the test; run the tests with
/// `RECORD_SNAPSHOTS=1` to (re)write the files, then read the diff before committing them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    }

    /// The golden text of a frame: a size line, the screen, and — with `styles` — the foreground-role mask.
    static func render(_ frame: Frame, styles: Bool) -> String {
        var text = "size \(frame.size.width)x\(frame.size.height)\n"
        text += FrameSnapshot.lines(frame).map { $0 + "\n" }.joined()
        if styles {
            text += "-- foreground roles (see FrameSnapshot.foregroundSymbol) --\n"
            text += FrameSnapshot.styleMask(frame).map { $0 + "\n" }.joined()
        }
        return text
    }

    static func assertFrame(_ frame: Frame, matches name: String, styles: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = render(frame, styles: styles)
        let file = directory.appendingPathComponent("\(name).txt")
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not record golden file \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file at \(file.path); run with RECORD_SNAPSHOTS=1 to record it.\n\(actual)", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("""
                frame differs from \(file.lastPathComponent) (re-record with RECORD_SNAPSHOTS=1 if the change is intended)
                --- expected
                \(expected)--- actual
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }
}
