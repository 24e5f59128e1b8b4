import Foundation
import TestScratch
import Testing

/// Runs the real `oidc-wizard` binary that SwiftPM built next to the test bundle.
struct CLIResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The built binary: the test runner lives in the same products directory.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        // `swift test` may run `…/debug/oidc-wizardPackageTests.xctest` or a binary inside a bundle folder.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("oidc-wizard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/oidc-wizard")
    }

    /// Runs the binary with `arguments`, feeding `stdin`, in `directory`, with `environment` added to a
    /// minimal, predictable environment (no colour, no terminal). Times out after `timeout` seconds.
    @discardableResult
    static func run(_ arguments: [String], stdin: String = "", in directory: URL? = nil,
                    environment: [String: String] = [:], timeout: TimeInterval = 30) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "dumb"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot deadlock the child.
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        for (handle, box) in [(outPipe.fileHandleForReading, outBox), (errPipe.fileHandleForReading, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.set(handle.readDataToEndOfFile())
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw CLITimeout(arguments: arguments, seconds: timeout)
        }
        process.waitUntilExit()
        group.wait()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outBox.data, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// A fresh, empty temporary directory, removed when the tests end (see `Scratch`).
    static func temporaryDirectory() throws -> URL {
        try Scratch.directory("oidc-wizard-test")
    }
}

struct CLITimeout: Error, CustomStringConvertible {
    var arguments: [String]
    var seconds: TimeInterval
    var description: String { "oidc-wizard \(arguments.joined(separator: " ")) did not finish within \(seconds) s" }
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    var data: Data { lock.withLock { value } }
    func set(_ data: Data) { lock.withLock { value = data } }
}

/// Outside tools (actionlint, zizmor, …) are installed by `.ci/run`. Locally a missing tool skips the
/// check; under CI (`CI=true`) a missing tool is a failure, so CI can never pass by not checking.
enum OutsideTool {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static func path(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/local/bin", "/usr/bin", "\(NSHomeDirectory())/.local/bin"]
        for dir in dirs {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs an installed outside tool with stdout and stderr combined. Returns nil (and, under CI, records an
    /// issue) when the tool is not installed.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let path = path(name) else {
            if isCI { Issue.record("\(name) is not installed; .ci/run installs it") }
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
