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

    public private(set) var lines: [Line]

    public init(lines: [Line] = []) {
        self.lines = lines
    }

    /// Lays out `policy` and marks the lines the `findings` point at.
    public init(policy: TrustPolicy, findings: [Finding]) {
        self.init(policy: policy)
        mark(findings)
    }

    /// Lays out `policy`, unmarked.
    public init(policy: TrustPolicy) {
        self.init(policyJSON: policy.jsonValue)
    }

    /// Lays out a policy's `jsonValue`, unmarked.
    public init(policyJSON: JSONValue) {
        var builder = Builder()
        builder.lines.reserveCapacity(Self.lineCount(policyJSON))  // one allocation, not a copy at every doubling
        builder.write(policyJSON, path: .root, indent: 0, key: nil, last: true)
        self.init(lines: builder.lines)
    }

    /// How many lines the layout has for `value`: one per scalar and empty container, two (opening and closing) per
    /// other container.
    static func lineCount(_ value: JSONValue) -> Int {
        switch value {
        case .array(let items) where !items.isEmpty: items.reduce(2) { $0 + lineCount($1) }
        case .object(let members) where !members.isEmpty: members.reduce(2) { $0 + lineCount($1.value) }
        default: 1
        }
    }

    /// Marks the lines the `findings` point at with the most severe one's severity.
    mutating func mark(_ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        let paths = LinePaths(lines)
        for finding in findings {
            for index in paths.lines(matching: finding.path) {
                if lines[index].marker.map({ finding.severity > $0 }) ?? true { lines[index].marker = finding.severity }
            }
        }
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
        LinePaths(lines).lines(matching: path)
    }

    /// Every line's path, copied once into one buffer: the preview is marked on every keystroke, every finding
    /// against every line, and reading each path through its string cost more than comparing it.
    private struct LinePaths {
        var bytes: [UInt8] = []
        /// Where each line's path ends in `bytes` (it starts where the previous one ends).
        var ends: [Int] = []

        init(_ lines: [Line]) {
            ends.reserveCapacity(lines.count)
            bytes.reserveCapacity(lines.reduce(0) { $0 + $1.path.utf8.count })
            for line in lines {
                bytes.append(contentsOf: line.path.utf8)
                ends.append(bytes.count)
            }
        }

        func lines(matching path: String) -> [Int] {
            guard !path.isEmpty else { return [] }
            return withBytes(of: path) { path in
                bytes.withUnsafeBufferPointer { all in
                    var exact: [Int] = []
                    var best: (index: Int, length: Int)?
                    var start = 0
                    for (index, end) in ends.enumerated() {
                        switch relation(of: UnsafeBufferPointer(rebasing: all[start..<end]), to: path) {
                        case .inside: exact.append(index)
                        case .enclosing(let length) where length > (best?.length ?? 1): best = (index, length)
                        default: break
                        }
                        start = end
                    }
                    if !exact.isEmpty { return exact }
                    return best.map { [$0.index] } ?? []
                }
            }
        }
    }

    /// Whether `prefix` is `path` or one of its ancestors (cut at a `.` or `[` boundary).
    static func isPrefix(_ prefix: String, of path: String) -> Bool {
        let found = withBytes(of: prefix) { prefix in withBytes(of: path) { relation(of: $0, to: prefix) } }
        if case .inside = found { return true }
        return false
    }

    /// The text's UTF-8 buffer: its own storage when it has one (a native string, no copy), else a copy.
    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    private enum Relation {
        /// The line's path is the path or lies inside it.
        case inside
        /// The line's path is an ancestor of the path, this many bytes long.
        case enclosing(Int)
        case unrelated
    }

    /// How a line's path stands to a finding's, read once over both buffers: the preview is marked on every
    /// keystroke, every finding against every line, and the generic comparison of the UTF-8 views cost tens of
    /// instructions a byte.
    private static func relation(of line: UnsafeBufferPointer<UInt8>, to path: UnsafeBufferPointer<UInt8>) -> Relation {
        let shared = min(line.count, path.count)
        // Paths differ mostly near their ends (the index of a value in a list): look there first.
        if shared > 0, line[shared - 1] != path[shared - 1] { return .unrelated }
        guard UTF8Bytes.same(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(line)[..<shared]),
                             UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(path)[..<shared])) else { return .unrelated }
        if line.count == path.count { return .inside }
        let next = line.count > path.count ? line[shared] : path[shared]
        guard next == UInt8(ascii: ".") || next == UInt8(ascii: "[") else { return .unrelated }
        return line.count > path.count ? .inside : .enclosing(line.count)
    }

    /// Lays the document out as `JSONWriter` does, one line per scalar and per bracket. Each line's spans are put
    /// together in one array and each path is built once (this runs on every keystroke).
    private struct Builder {
        var lines: [Line] = []

        static let key = Style.foreground(.jsonKey)
        static let string = Style.foreground(.jsonString)
        static let number = Style.foreground(.jsonNumber)
        static let punctuation = Style.foreground(.jsonPunctuation)

        /// The indentation of each depth, made once.
        static let pads = (0..<16).map { Span(String(repeating: "  ", count: $0)) }
        static let colon = Span(": ", style: punctuation)
        static let comma = Span(",", style: punctuation)

        static func pad(_ indent: Int) -> Span {
            indent < pads.count ? pads[indent] : Span(String(repeating: "  ", count: indent))
        }

        /// `value` at `path`, as the member `key` of an object (nil in an array or at the top), followed by a comma
        /// unless it is the `last` of its container.
        mutating func write(_ value: JSONValue, path: JSONPath, indent: Int, key: String?, last: Bool) {
            var spans: [Span] = []
            spans.reserveCapacity(5)
            if indent > 0 { spans.append(Self.pad(indent)) }
            if let key {
                spans.append(Span(JSONWriter.quoted(key), style: Self.key))
                spans.append(Self.colon)
            }
            switch value {
            case .array(let items) where !items.isEmpty:
                spans.append(Span("[", style: Self.punctuation))
                lines.append(Line(text: StyledText(spans), path: path.text))
                for (i, item) in items.enumerated() {
                    write(item, path: path.index(i), indent: indent + 1, key: nil, last: i == items.count - 1)
                }
                close(last ? "]" : "],", path: path, indent: indent)
            case .object(let members) where !members.isEmpty:
                spans.append(Span("{", style: Self.punctuation))
                lines.append(Line(text: StyledText(spans), path: path.text))
                for (i, member) in members.enumerated() {
                    write(member.value, path: path.member(member.key), indent: indent + 1, key: member.key, last: i == members.count - 1)
                }
                close(last ? "}" : "},", path: path, indent: indent)
            default:
                let scalar = Self.scalar(value)
                if !scalar.text.isEmpty { spans.append(scalar) }
                if !last { spans.append(Self.comma) }
                lines.append(Line(text: StyledText(spans), path: path.text))
            }
        }

        /// The line closing a container: its bracket, and its comma if one follows.
        private mutating func close(_ bracket: String, path: JSONPath, indent: Int) {
            let closing = Span(bracket, style: Self.punctuation)
            lines.append(Line(text: StyledText(indent > 0 ? [Self.pad(indent), closing] : [closing]), path: path.text))
        }

        static func scalar(_ value: JSONValue) -> Span {
            switch value {
            case .null: Span("null", style: number)
            case .bool(let b): Span(b ? "true" : "false", style: number)
            case .number(let n): Span(n, style: number)
            case .string(let s): Span(JSONWriter.quoted(s), style: string)
            case .array: Span("[]", style: punctuation)
            case .object: Span("{}", style: punctuation)
            }
        }
    }
}
