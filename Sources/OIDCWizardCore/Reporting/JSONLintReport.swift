/// `lint --format json`: one deterministic document, keys in the contract's order —
/// `{"files":[{"path":P,"error":null|MSG,"findings":[{"rule":ID,"severity":S,"kind":K,"role":NAME|null,
/// "statement":N|null,"path":JSONPATH,"message":M,"why":W,"fix":F}]}]}`.
public enum JSONLintReport {
    public static func value(_ report: LintReport) -> JSONValue {
        .object([JSONMember("files", .array(report.files.map(file)))])
    }

    public static func render(_ report: LintReport) -> String {
        JSONWriter.prettyPrinted(value(report))
    }

    static func file(_ file: LintedFile) -> JSONValue {
        .object([
            JSONMember("path", .string(file.path)),
            JSONMember("error", file.error.map(JSONValue.string) ?? .null),
            JSONMember("findings", .array(file.findings.map(finding))),
        ])
    }

    static func finding(_ item: LintedFinding) -> JSONValue {
        let f = item.finding
        return .object([
            JSONMember("rule", .string(f.rule)),
            JSONMember("severity", .string(f.severity.rawValue)),
            JSONMember("kind", .string(f.kind.rawValue)),
            JSONMember("role", item.role.map(JSONValue.string) ?? .null),
            JSONMember("statement", f.statement.map { .number(String($0)) } ?? .null),
            JSONMember("path", .string(item.path)),
            JSONMember("message", .string(f.message)),
            JSONMember("why", .string(f.why)),
            JSONMember("fix", .string(f.fix)),
        ])
    }
}
