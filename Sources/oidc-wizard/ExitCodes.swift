import ArgumentParser
import Foundation

extension OIDCWizard {
    /// ArgumentParser exits 64 (EX_USAGE) on a usage error; this tool's contract is 2 for bad input
    /// (0 ok, 1 findings/deny, 2 bad input). Everything else is ArgumentParser's default behaviour.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // One line, like every other bad-input message of this tool.
                FileHandle.standardError.write(Data("error: \(message(for: error)) (see --help)\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
