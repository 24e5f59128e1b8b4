/// `lint` for people: findings grouped by file and role, worst first, each with what is wrong, why it
/// matters and how to fix it, then one summary line. Colour only when asked (`colored`), which the
/// command decides from the terminal and `NO_COLOR`.
public enum TextLintReport {
    public static func render(_ report: LintReport, colored: Bool) -> String {
        let style = TextStyle(enabled: colored)
        var out = ""
        for file in report.files {
            out += style.bold(file.path) + "\n"
            if file.error != nil {
                // The reason is a diagnostic: the command says it on standard error, one line per file.
                out += "  " + style.severity(.critical, "ERROR") + "  could not be read (the reason is on standard error)\n\n"
                continue
            }
            if file.findings.isEmpty {
                out += "  no findings\n\n"
                continue
            }
            // Grouped by role in one pass, roles in order of first appearance: a listing of thousands of roles
            // would make a scan per role (or per finding) quadratic.
            var roles: [String?] = []
            var byRole: [String?: [LintedFinding]] = [:]
            for finding in file.findings {
                if byRole[finding.role] == nil { roles.append(finding.role) }
                byRole[finding.role, default: []].append(finding)
            }
            for role in roles {
                var indent = "  "
                if let role {
                    out += "  role " + style.bold(role) + "\n"
                    indent = "    "
                }
                let findings = (byRole[role] ?? [])
                    .enumerated().sorted { ($0.element.finding.severity, $1.offset) > ($1.element.finding.severity, $0.offset) }
                    .map(\.element)
                for item in findings {
                    out += entry(item, indent: indent, style: style)
                }
            }
            out += "\n"
        }
        out += summary(report)
        return out
    }

    static func entry(_ item: LintedFinding, indent: String, style: TextStyle) -> String {
        let f = item.finding
        var place = "line \(item.line)"
        if let statement = f.statement { place = "statement \(statement + 1), " + place }
        var out = indent + style.severity(f.severity, f.severity.label) + "  " + f.message + "\n"
        let more = indent + "    "
        out += more + style.dim("\(f.rule) (\(f.kind.rawValue)) at \(place): \(item.path)") + "\n"
        out += more + "Why: " + f.why + "\n"
        out += more + "Fix: " + f.fix + "\n"
        return out
    }

    /// "3 findings in 2 files: 1 critical, 2 high. 1 file could not be read."
    public static func summary(_ report: LintReport) -> String {
        let findings = report.allFindings
        let read = report.files.filter { $0.error == nil }.count
        let unreadable = report.files.count - read
        var line: String
        if findings.isEmpty {
            line = "No findings in \(plural(read, "file"))."
        } else {
            let counts = Severity.allCases.compactMap { severity -> String? in
                let n = findings.filter { $0.finding.severity == severity }.count
                return n == 0 ? nil : "\(n) \(severity.rawValue)"
            }
            let withFindings = report.files.filter { !$0.findings.isEmpty }.count
            line = "\(plural(findings.count, "finding")) in \(plural(withFindings, "file")): \(counts.joined(separator: ", "))."
        }
        if unreadable > 0 {
            line += " \(plural(unreadable, "file")) could not be read."
        }
        return line + "\n"
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
}

/// ANSI styling that disappears when colour is off, so the plain text is the same text.
struct TextStyle {
    var enabled: Bool

    func wrap(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap("1", text) }
    func dim(_ text: String) -> String { wrap("2", text) }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .critical: wrap("1;31", text)
        case .high: wrap("31", text)
        case .medium: wrap("33", text)
        case .low: wrap("36", text)
        case .info: wrap("34", text)
        }
    }
}
