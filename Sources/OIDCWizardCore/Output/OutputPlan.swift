/// One file to write: a path relative to the output directory, and its full contents.
public struct OutputFile: Hashable, Sendable {
    public var relativePath: String
    public var contents: String

    public init(relativePath: String, contents: String) {
        self.relativePath = relativePath
        self.contents = contents
    }
}

/// The files one run produces, written together by `AtomicFileWriter`.
public struct OutputPlan: Hashable, Sendable {
    public var files: [OutputFile]

    public init(files: [OutputFile]) {
        self.files = files
    }
}

/// The files `generate` and the wizard write for a setup.
public enum GeneratedFiles {
    public static let trustPolicyPath = "trust-policy.json"
    public static let workflowPath = ".github/workflows/\(WorkflowGenerator.fileName)"

    public static func plan(for setup: Setup) -> OutputPlan {
        OutputPlan(files: [
            OutputFile(relativePath: trustPolicyPath, contents: TrustPolicyGenerator.policy(for: setup).jsonText),
            OutputFile(relativePath: workflowPath, contents: WorkflowGenerator.workflow(for: setup)),
        ])
    }
}
