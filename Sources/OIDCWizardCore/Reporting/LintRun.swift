import Foundation

/// Lints files: reads each (every role of a multi-role input), analyses every policy, and places each
/// finding in its file (JSON path within the file, line). A file that cannot be read is reported with
/// its error and the others are still linted.
public enum LintRun {
    public static func lint(paths: [String], intent: PolicyIntent? = nil) -> LintReport {
        LintReport(files: paths.map { lint(path: $0, intent: intent) })
    }

    public static func lint(path: String, intent: PolicyIntent? = nil) -> LintedFile {
        let sources: [PolicySource]
        do {
            sources = try PolicyInput.read(path: path)
        } catch {
            return LintedFile(path: path, error: error.description)
        }
        // The reader accepted the file, so it is small and valid; read it again only to find lines.
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lower = path.lowercased()
        let isYAML = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
        return LintedFile(path: path, findings: findings(in: sources, text: text, isYAML: isYAML, intent: intent))
    }

    /// The findings of already-read sources, placed in `text` (the file they came from).
    public static func findings(in sources: [PolicySource], text: String, isYAML: Bool,
                                intent: PolicyIntent? = nil) -> [LintedFinding] {
        let locate = SourceLocator.locator(for: text, isYAML: isYAML)
        return sources.flatMap { source in
            PolicyAnalyzer.analyze(source.policy, context: AnalysisContext(intent: intent, readerNotes: source.notes))
                .map { finding in
                    let path = LintedFinding.path(finding.path, under: source.location)
                    return LintedFinding(finding: finding, role: source.roleName, path: path,
                                         line: locate(path))
                }
        }
    }

    /// SARIF rule metadata from the rule catalogue.
    public static func sarifRuleInfo(_ id: String) -> SARIFLintReport.RuleInfo? {
        RuleCatalog.descriptor(for: id).map {
            SARIFLintReport.RuleInfo(id: $0.id, title: $0.title, help: $0.help, severity: $0.severity, kind: $0.kind)
        }
    }
}
