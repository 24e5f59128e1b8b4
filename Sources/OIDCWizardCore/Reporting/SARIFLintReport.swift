/// `lint --format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (`github/codeql-action/upload-sarif`).
///
/// GitHub needs, per rule: an id, a name, short and full descriptions, help, `properties.tags` and — for
/// security findings, so the alert gets a Critical/High/Medium/Low badge — `properties.security-severity`;
/// per result: ruleId/ruleIndex, level, message, one physical location with a *relative* URI and a
/// start line ≥ 1, and `partialFingerprints` so an alert keeps its identity across runs.
/// Files that could not be read become tool execution notifications, not results.
public enum SARIFLintReport {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// What SARIF says about one rule.
    public struct RuleInfo: Hashable, Sendable {
        public var id: String
        public var title: String
        public var help: String
        public var severity: Severity
        public var kind: FindingKind

        public init(id: String, title: String, help: String, severity: Severity, kind: FindingKind) {
            self.id = id
            self.title = title
            self.help = help
            self.severity = severity
            self.kind = kind
        }
    }

    /// - Parameters:
    ///   - ruleInfo: the catalogue's description of a rule id; rules it does not know are described from
    ///     their first finding.
    ///   - version: the tool's version for `driver.version`.
    public static func value(_ report: LintReport, version: String? = nil,
                             ruleInfo: (String) -> RuleInfo? = { _ in nil }) -> JSONValue {
        // Rules in order of first appearance; the highest severity seen decides security-severity.
        var ruleOrder: [String] = []
        var infos: [String: RuleInfo] = [:]
        for item in report.allFindings {
            let f = item.finding
            if infos[f.rule] == nil {
                ruleOrder.append(f.rule)
                infos[f.rule] = ruleInfo(f.rule) ?? RuleInfo(id: f.rule, title: f.message, help: "\(f.why) \(f.fix)",
                                                             severity: f.severity, kind: f.kind)
            }
            if let info = infos[f.rule], f.severity > info.severity { infos[f.rule]?.severity = f.severity }
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleOrder.enumerated().map { ($1, $0) })

        // No `informationUri`: it is optional in SARIF 2.1.0, and the project has no public page to point at.
        var driver: [JSONMember] = [JSONMember("name", .string("oidc-wizard"))]
        if let version { driver.append(JSONMember("version", .string(version))) }
        driver.append(JSONMember("rules", .array(ruleOrder.map { rule(infos[$0]!) })))

        let results = report.files.flatMap { file in
            file.findings.map { result($0, file: file.path, ruleIndex: ruleIndex[$0.finding.rule]!) }
        }
        let notifications: [JSONValue] = report.files.compactMap { file in
            guard let error = file.error else { return nil }
            return .object([
                JSONMember("level", .string("error")),
                JSONMember("message", .object([JSONMember("text", .string(error))])),
                JSONMember("locations", .array([.object([
                    JSONMember("physicalLocation", .object([
                        JSONMember("artifactLocation", .object([JSONMember("uri", .string(uri(file.path)))])),
                    ])),
                ])])),
            ])
        }
        let invocation: JSONValue = .object([
            JSONMember("executionSuccessful", .bool(!report.hasUnreadableInput)),
            JSONMember("toolExecutionNotifications", .array(notifications)),
        ])
        let run: JSONValue = .object([
            JSONMember("tool", .object([JSONMember("driver", .object(driver))])),
            JSONMember("invocations", .array([invocation])),
            JSONMember("results", .array(results)),
        ])
        return .object([
            JSONMember("$schema", .string(schemaURI)),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([run])),
        ])
    }

    public static func render(_ report: LintReport, version: String? = nil,
                              ruleInfo: (String) -> RuleInfo? = { _ in nil }) -> String {
        JSONWriter.prettyPrinted(value(report, version: version, ruleInfo: ruleInfo))
    }

    /// error for critical/high (and every broken finding), warning for medium, note for low/info.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's bands: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
    public static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    static func rule(_ info: RuleInfo) -> JSONValue {
        var properties: [JSONMember] = [
            // The kind is a tag of its own; "security" (one of the kinds) is also the tag GitHub's code scanning
            // keys its security severity on, so it is listed once.
            JSONMember("tags", .array(["iam", "github-actions", "oidc", info.kind.rawValue].map(JSONValue.string))),
        ]
        if info.kind == .security {
            properties.append(JSONMember("security-severity", .string(securitySeverity(info.severity))))
        }
        properties.append(JSONMember("precision", .string("very-high")))
        return .object([
            JSONMember("id", .string(info.id)),
            JSONMember("name", .string(pascalCase(info.id))),
            JSONMember("shortDescription", .object([JSONMember("text", .string(info.title))])),
            JSONMember("fullDescription", .object([JSONMember("text", .string(info.help))])),
            JSONMember("help", .object([
                JSONMember("text", .string(info.help)),
                JSONMember("markdown", .string("**\(info.title)**\n\n\(info.help)\n\nRun `oidc-wizard explain POLICY` for a walk-through of the policy.")),
            ])),
            JSONMember("defaultConfiguration", .object([JSONMember("level", .string(level(info.severity)))])),
            JSONMember("properties", .object(properties)),
        ])
    }

    static func result(_ item: LintedFinding, file: String, ruleIndex: Int) -> JSONValue {
        let f = item.finding
        var text = f.message
        if let role = item.role { text = "Role \(role): " + text }
        text += " Fix: " + f.fix
        return .object([
            JSONMember("ruleId", .string(f.rule)),
            JSONMember("ruleIndex", .number(String(ruleIndex))),
            JSONMember("level", .string(level(f.severity))),
            JSONMember("message", .object([JSONMember("text", .string(text))])),
            JSONMember("locations", .array([.object([
                JSONMember("physicalLocation", .object([
                    JSONMember("artifactLocation", .object([JSONMember("uri", .string(uri(file)))])),
                    JSONMember("region", .object([JSONMember("startLine", .number(String(item.line)))])),
                ])),
                JSONMember("logicalLocations", .array([.object([
                    JSONMember("fullyQualifiedName", .string(item.path)),
                    JSONMember("kind", .string("member")),
                ])])),
            ])])),
            JSONMember("partialFingerprints", .object([
                JSONMember("oidcWizardFinding/v1", .string(fingerprint([f.rule, item.role ?? "", item.path]))),
            ])),
            JSONMember("properties", .object([
                JSONMember("severity", .string(f.severity.rawValue)),
                JSONMember("kind", .string(f.kind.rawValue)),
            ])),
        ])
    }

    /// A relative URI reference for a path as the user gave it: `./` dropped, backslashes turned into
    /// slashes, and everything but unreserved characters and `/` percent-encoded.
    public static func uri(_ path: String) -> String {
        var p = path.replacingOccurrences(of: "\\", with: "/")
        while p.hasPrefix("./") { p.removeFirst(2) }
        var out = ""
        for byte in p.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// FNV-1a 64-bit over the parts: stable across runs and platforms (unlike `Hasher`).
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `subject-matches-anyone` → `SubjectMatchesAnyone`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
