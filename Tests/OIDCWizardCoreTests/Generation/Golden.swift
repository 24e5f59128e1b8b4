import Foundation
import Testing

/// Golden files in `Tests/OIDCWizardCoreTests/Golden/`. `RECORD_GOLDEN=1 swift test` rewrites them; review
/// the diff before committing.
enum Golden {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "golden file \(name) differs; RECORD_GOLDEN=1 rewrites it", sourceLocation: sourceLocation)
    }
}
