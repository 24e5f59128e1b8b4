/// What `lint` found, file by file, ready for the text, JSON and SARIF renderers.
public struct LintReport: Hashable, Sendable {
    public var files: [LintedFile]

    public init(files: [LintedFile]) { self.files = files }

    public var allFindings: [LintedFinding] { files.flatMap(\.findings) }

    /// Whether some input could not be read (exit status 2).
    public var hasUnreadableInput: Bool { files.contains { $0.error != nil } }

    /// The worst severity found, or nil when there is no finding.
    public var worstSeverity: Severity? { allFindings.map(\.finding.severity).max() }
}

/// One input file: its findings over every role it holds, or why it could not be read.
public struct LintedFile: Hashable, Sendable {
    /// The path as the user gave it.
    public var path: String
    /// Why the file could not be read (a one-line message naming the file); nil when it was read.
    public var error: String?
    public var findings: [LintedFinding]

    public init(path: String, error: String? = nil, findings: [LintedFinding] = []) {
        self.path = path
        self.error = error
        self.findings = findings
    }
}

/// A finding placed in its file: which role, where in the file, and on which line.
public struct LintedFinding: Hashable, Sendable {
    public var finding: Finding
    /// The role the policy belongs to (aws iam output, CloudFormation), nil for a bare policy.
    public var role: String?
    /// The JSON path within the file, e.g. `$.Role.AssumeRolePolicyDocument.Statement[0]…` (for a bare
    /// policy the finding's own path).
    public var path: String
    /// 1-based line of `path` in the file.
    public var line: Int

    public init(finding: Finding, role: String?, path: String, line: Int = 1) {
        self.finding = finding
        self.role = role
        self.path = path
        self.line = max(line, 1)
    }

    /// Places a finding about the policy at `location` (a `PolicySource.location`) inside the file.
    public static func path(_ findingPath: String, under location: JSONPath) -> String {
        guard location.text != "$" else { return findingPath }
        guard findingPath.hasPrefix("$") else { return location.text }
        return location.text + findingPath.dropFirst()
    }
}

/// `--fail-on`: the least severe finding that makes `lint` exit 1.
public enum FailThreshold: String, Hashable, Sendable, CaseIterable {
    case critical, high, medium, low, info
    /// Never fail because of findings (unreadable input still exits 2).
    case never

    public var severity: Severity? { Severity(rawValue: rawValue) }

    /// Whether a finding of `severity` reaches the threshold.
    public func isReached(by severity: Severity) -> Bool {
        guard let threshold = self.severity else { return false }
        return severity >= threshold
    }

    /// The exit status for a report: 2 when an input could not be read, else 1 when a finding reaches
    /// the threshold, else 0.
    public func exitStatus(for report: LintReport) -> Int32 {
        if report.hasUnreadableInput { return 2 }
        return report.allFindings.contains { isReached(by: $0.finding.severity) } ? 1 : 0
    }
}
