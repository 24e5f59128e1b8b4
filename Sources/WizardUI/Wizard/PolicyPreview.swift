import OIDCWizardCore

/// The trust policy as the preview shows it: pretty-printed exactly as the file will be written (same
/// `JSONWriter` layout), syntax-coloured, each line tagged with the JSON path it starts so that findings —
/// which name a path — can be marked in the gutter with their severity colour.
public struct PolicyPreview: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var text: StyledText
        /// The path of the value this line opens or holds (`$.Statement[0].Condition`), as `JSONPath` writes it.
        public var path: String
        /// The most severe finding pointing at this line, if any.
        public var marker: Severity?
    }

    /// Only the lines' markers and styles change after the layout, never their paths (so `opening` stays true).
    public private(set) var lines: [Line]
    /// The lines that open each path, in order: each value's lines are one run in document order, opened by a
    /// line with the value's own path. Worked out with the layout (off the main thread in the wizard), so marking
    /// compares no finding with every line.
    private var opening: [String: [Int]]

    public init(lines: [Line] = []) {
        self.lines = lines
        opening = Self.openingLines(lines)
    }

    private static func openingLines(_ lines: [Line]) -> [String: [Int]] {
        var opening: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() { opening[line.path, default: []].append(index) }
        return opening
    }

    /// Lays out `policy` and marks the lines the `findings` point at.
    public init(policy: TrustPolicy, findings: [Finding]) {
        self.init(policy: policy)
        mark(findings)
    }

    /// Lays out `policy`, unmarked.
    public init(policy: TrustPolicy) {
        var builder = Builder()
        builder.write(policy.jsonValue, path: .root, indent: 0, prefix: StyledText(), last: true)
        self.init(lines: builder.lines)
    }

    /// Marks the lines the `findings` point at with the most severe one's severity.
    mutating func mark(_ findings: [Finding]) {
        let opening = self.opening
        for finding in findings {
            for index in Self.lines(matching: finding.path, in: lines, opening: opening) {
                if lines[index].marker.map({ finding.severity > $0 }) ?? true { lines[index].marker = finding.severity }
            }
        }
    }

    /// `lines(matching:in:)` with the opening line of each path looked up in `opening`.
    static func lines(matching path: String, in lines: [Line], opening: [String: [Int]]) -> [Int] {
        guard !path.isEmpty else { return [] }
        guard let starts = opening[path] else { return Self.lines(matching: path, in: lines) }
        var exact: [Int] = []
        for start in starts where exact.last.map({ $0 < start }) ?? true {
            var index = start
            while index < lines.count, isPrefix(path, of: lines[index].path) {
                exact.append(index)
                index += 1
            }
        }
        return exact
    }

    /// Draws the given statements muted: they are kept verbatim and cannot be edited in the wizard.
    mutating func mute(statements: [Int], of policy: TrustPolicy) {
        let single = policy.statements.count == 1 && policy.statementWasObject
        let paths = statements.map { single ? "$.Statement" : "$.Statement[\($0)]" }
        for index in lines.indices where paths.contains(where: { Self.isPrefix($0, of: lines[index].path) }) {
            lines[index].text = lines[index].text.patched(with: .foreground(.muted))
        }
    }

    /// The lines a finding's path points at: the value itself (all its lines), or — when the path goes deeper
    /// than the layout (an element inside a one-line value) — the closest enclosing line.
    static func lines(matching path: String, in lines: [Line]) -> [Int] {
        guard !path.isEmpty else { return [] }
        var exact: [Int] = []
        var best: (index: Int, length: Int)?
        for (index, line) in lines.enumerated() {
            if isPrefix(path, of: line.path) {
                exact.append(index)
            } else if isPrefix(line.path, of: path), line.path.utf8.count > (best?.length ?? 1) {
                best = (index, line.path.utf8.count)
            }
        }
        if !exact.isEmpty { return exact }
        return best.map { [$0.index] } ?? []
    }

    /// Whether `prefix` is `path` or one of its ancestors (cut at a `.` or `[` boundary).
    static func isPrefix(_ prefix: String, of path: String) -> Bool {
        // Paths are compared byte by byte, on their buffers: the preview is marked on every keystroke, and the
        // generic comparison of the UTF-8 views cost tens of instructions a byte.
        var path = path, prefix = prefix  // `withUTF8` gives the buffer, making one only for bridged text
        return path.withUTF8 { path in
            prefix.withUTF8 { prefix in
                guard path.count >= prefix.count, path.starts(with: prefix) else { return false }
                guard path.count > prefix.count else { return true }
                let next = path[prefix.count]
                return next == UInt8(ascii: ".") || next == UInt8(ascii: "[")
            }
        }
    }

    private struct Builder {
        var lines: [Line] = []

        static let key = Style.foreground(.jsonKey)
        static let string = Style.foreground(.jsonString)
        static let number = Style.foreground(.jsonNumber)
        static let punctuation = Style.foreground(.jsonPunctuation)

        /// The indentation of each depth, made once (a policy is laid out on every keystroke).
        static let pads = (0..<16).map { String(repeating: "  ", count: $0) }
        static let comma = StyledText(",", style: punctuation)

        mutating func write(_ value: JSONValue, path: JSONPath, indent: Int, prefix: StyledText, last: Bool) {
            let pad = indent < Self.pads.count ? Self.pads[indent] : String(repeating: "  ", count: indent)
            let comma = last ? StyledText() : Self.comma
            var head = StyledText(pad) + prefix
            switch value {
            case .array(let items) where !items.isEmpty:
                head.append("[", style: Self.punctuation)
                lines.append(Line(text: head, path: path.text))
                for (i, item) in items.enumerated() {
                    write(item, path: path.index(i), indent: indent + 1, prefix: StyledText(), last: i == items.count - 1)
                }
                lines.append(Line(text: StyledText(pad) + StyledText("]", style: Self.punctuation) + comma, path: path.text))
            case .object(let members) where !members.isEmpty:
                head.append("{", style: Self.punctuation)
                lines.append(Line(text: head, path: path.text))
                for (i, member) in members.enumerated() {
                    let memberPrefix = StyledText(JSONWriter.quoted(member.key), style: Self.key) + StyledText(": ", style: Self.punctuation)
                    write(member.value, path: path.member(member.key), indent: indent + 1, prefix: memberPrefix, last: i == members.count - 1)
                }
                lines.append(Line(text: StyledText(pad) + StyledText("}", style: Self.punctuation) + comma, path: path.text))
            default:
                head.append(Self.scalar(value))
                lines.append(Line(text: head + comma, path: path.text))
            }
        }

        static func scalar(_ value: JSONValue) -> StyledText {
            switch value {
            case .null: StyledText("null", style: number)
            case .bool(let b): StyledText(b ? "true" : "false", style: number)
            case .number(let n): StyledText(n, style: number)
            case .string(let s): StyledText(JSONWriter.quoted(s), style: string)
            case .array: StyledText("[]", style: punctuation)
            case .object: StyledText("{}", style: punctuation)
            }
        }
    }
}
