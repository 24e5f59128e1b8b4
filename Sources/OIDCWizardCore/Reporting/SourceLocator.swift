import Yams

/// Finds the line a JSON path points at in the file it came from, for SARIF regions and text reports.
///
/// The parsed `JSONValue` keeps no positions, so the locator re-reads the text with a small scanner that
/// tracks lines while walking the same structure. It never fails: when the exact path is not there (a
/// URL-encoded document inside `aws iam` output, a value CloudFormation resolution produced) it answers
/// the line of the deepest part of the path it found, and line 1 when it found nothing.
public enum SourceLocator {
    /// One step of a JSON path.
    public enum Step: Hashable, Sendable {
        case member(String)
        case index(Int)
    }

    /// The 1-based line of `path` in `text`; YAML when `isYAML`, else JSON.
    public static func line(of path: String, in text: String, isYAML: Bool = false) -> Int {
        guard let steps = steps(of: path) else { return 1 }
        if isYAML { return YAMLLineIndex(text).line(of: steps) }
        var scanner = JSONLineScanner(Array(text.utf8))
        return scanner.line(of: steps)
    }

    /// A locator for many paths in one text: the JSON is scanned once, each node's position is kept as
    /// it is passed, and later paths resume from their nearest known ancestor, so locating every finding
    /// of a huge policy stays linear in its size (one scan per finding would be quadratic).
    public static func locator(for text: String, isYAML: Bool = false) -> (String) -> Int {
        if isYAML {
            // Composed once (composing per finding made a template of a few hundred roles take minutes).
            let index = YAMLLineIndex(text)
            return { path in
                guard let steps = steps(of: path) else { return 1 }
                return index.line(of: steps)
            }
        }
        let index = JSONLineIndex(Array(text.utf8))
        return { path in
            guard let steps = steps(of: path) else { return 1 }
            return index.line(of: steps)
        }
    }

    /// Splits `$.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"][1]`; nil
    /// when the text is not a path in that notation.
    public static func steps(of path: String) -> [Step]? {
        var chars = Array(path.unicodeScalars)[...]
        guard chars.first == "$" else { return nil }
        chars = chars.dropFirst()
        var steps: [Step] = []
        while let first = chars.first {
            if first == "." {
                chars = chars.dropFirst()
                let name = chars.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                steps.append(.member(String(String.UnicodeScalarView(name))))
                chars = chars.dropFirst(name.count)
            } else if first == "[" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    chars = chars.dropFirst()
                    var name = String.UnicodeScalarView()
                    var closed = false
                    while let c = chars.first {
                        chars = chars.dropFirst()
                        if c == "\\", let next = chars.first { name.append(next); chars = chars.dropFirst(); continue }
                        if c == "\"" { closed = true; break }
                        name.append(c)
                    }
                    guard closed, chars.first == "]" else { return nil }
                    chars = chars.dropFirst()
                    steps.append(.member(String(name)))
                } else {
                    let digits = chars.prefix { ("0"..."9").contains($0) }
                    guard let index = Int(String(String.UnicodeScalarView(digits))), chars.dropFirst(digits.count).first == "]" else {
                        return nil
                    }
                    chars = chars.dropFirst(digits.count + 1)
                    steps.append(.index(index))
                }
            } else {
                return nil
            }
        }
        return steps
    }
}

/// The YAML composed once, for many paths; each mapping's members are looked up by name through a table built
/// the first time a path passes it (a template of thousands of resources would make a scan per finding quadratic).
private final class YAMLLineIndex {
    private let root: Node?
    /// The mappings passed so far, by their path: each member name's first key and value.
    private var members: [[SourceLocator.Step]: [String: (key: Node, value: Node)]] = [:]

    init(_ text: String) {
        root = try? Yams.compose(yaml: text)
    }

    /// The line of the value at `steps` (for a member, the line of its key); the deepest match found otherwise.
    func line(of steps: [SourceLocator.Step]) -> Int {
        guard let root else { return 1 }
        var node = root
        var prefix: [SourceLocator.Step] = []
        var line = root.mark?.line ?? 1
        for step in steps {
            switch (step, node) {
            case (.member(let name), .mapping(let mapping)):
                if members[prefix] == nil {
                    var table: [String: (key: Node, value: Node)] = [:]
                    for pair in mapping { if let key = pair.key.string, table[key] == nil { table[key] = (pair.key, pair.value) } }
                    members[prefix] = table
                }
                guard let pair = members[prefix]?[name] else { return line }
                line = pair.key.mark?.line ?? line
                node = pair.value
            case (.index(let index), .sequence(let sequence)) where sequence.indices.contains(index):
                node = sequence[index]
                line = node.mark?.line ?? line
            default:
                return line
            }
            prefix.append(step)
        }
        return max(line, 1)
    }
}

/// Remembers where each node a lookup passed starts, so the next lookup resumes from there.
private final class JSONLineIndex {
    private let bytes: [UInt8]
    /// Where the value at a path starts (offset and line), and for a member, the line of its key.
    private var starts: [[SourceLocator.Step]: (offset: Int, line: Int, keyLine: Int)] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var scanner = JSONLineScanner(bytes)
        scanner.skipSpace()
        starts[[]] = (scanner.offset, scanner.line, scanner.line)
    }

    func line(of steps: [SourceLocator.Step]) -> Int {
        var prefix: [SourceLocator.Step] = []
        var found = 1
        for step in steps {
            let here = starts[prefix]!
            if let known = starts[prefix + [step]] {
                found = known.keyLine
                prefix.append(step)
                continue
            }
            var scanner = JSONLineScanner(bytes)
            scanner.offset = here.offset
            scanner.line = here.line
            let parent = prefix
            switch step {
            case .member(let name):
                guard scanner.peek == UInt8(ascii: "{") else { return found }
                scanner.advance()
                var hit: Int?
                scanner.findMember(name) { key, keyLine, offset, line in
                    if self.starts[parent + [.member(key)]] == nil { self.starts[parent + [.member(key)]] = (offset, line, keyLine) }
                    if key == name { hit = keyLine }
                }
                guard let keyLine = hit else { return found }
                found = keyLine
            case .index(let index):
                // Resume from the nearest element already passed rather than from the array's start.
                var from = index - 1
                while from >= 0, starts[parent + [.index(from)]] == nil { from -= 1 }
                if from >= 0, let sibling = starts[parent + [.index(from)]] {
                    scanner.offset = sibling.offset
                    scanner.line = sibling.line
                } else {
                    guard scanner.peek == UInt8(ascii: "[") else { return found }
                    scanner.advance()
                    from = 0
                }
                var hit: Int?
                scanner.findElement(index, from: max(from, 0)) { position, offset, line in
                    if self.starts[parent + [.index(position)]] == nil { self.starts[parent + [.index(position)]] = (offset, line, line) }
                    if position == index { hit = line }
                }
                guard let line = hit else { return found }
                found = line
            }
            prefix.append(step)
        }
        return found
    }
}

/// A JSON scanner that only tracks structure and lines (the file was already parsed strictly).
private struct JSONLineScanner {
    let bytes: [UInt8]
    var offset = 0
    var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The line of the value at `steps` (for a member, the line of its key); the deepest match found otherwise.
    mutating func line(of steps: [SourceLocator.Step]) -> Int {
        var found = 1
        skipSpace()
        var depth = 0
        while depth < steps.count {
            switch steps[depth] {
            case .member(let name):
                guard peek == UInt8(ascii: "{") else { return found }
                advance()
                guard let keyLine = findMember(name) else { return found }
                found = keyLine
            case .index(let index):
                guard peek == UInt8(ascii: "[") else { return found }
                advance()
                guard findElement(index) else { return found }
                found = line
            }
            depth += 1
        }
        return found
    }

    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func advance() {
        if offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
            offset += 1
        }
    }

    mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    /// Inside an object: moves to the value of the first member named `name`; returns the key's line.
    /// `passing` hears of every member on the way (key, key line, and where its value starts).
    @discardableResult
    mutating func findMember(_ name: String, passing: (String, Int, Int, Int) -> Void = { _, _, _, _ in }) -> Int? {
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { return nil }
            let keyLine = line
            let key = readString()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { return nil }
            advance()
            skipSpace()
            passing(key, keyLine, offset, line)
            if key == name { return keyLine }
            skipValue()
            skipSpace()
            guard peek == UInt8(ascii: ",") else { return nil }
            advance()
        }
    }

    /// Inside an array: moves to element `index`. `passing` hears of every element on the way.
    @discardableResult
    mutating func findElement(_ index: Int, from start: Int = 0, passing: (Int, Int, Int) -> Void = { _, _, _ in }) -> Bool {
        var position = start
        while true {
            skipSpace()
            guard let b = peek, b != UInt8(ascii: "]") else { return false }
            passing(position, offset, line)
            if position == index { return true }
            skipValue()
            skipSpace()
            guard peek == UInt8(ascii: ",") else { return false }
            advance()
            position += 1
        }
    }

    /// Reads a string starting at its opening quote and returns it decoded (escapes resolved).
    mutating func readString() -> String {
        advance()
        var raw: [UInt8] = []
        while let b = peek, b != UInt8(ascii: "\"") {
            if b == UInt8(ascii: "\\") {
                advance()
                guard let escaped = peek else { break }
                switch escaped {
                case UInt8(ascii: "u"):
                    advance()
                    var hex = ""
                    for _ in 0..<4 { if let h = peek { hex.append(Character(Unicode.Scalar(h))); advance() } }
                    var code = UInt32(hex, radix: 16) ?? 0xFFFD
                    // A surrogate pair spells one scalar.
                    if (0xD800...0xDBFF).contains(code), peek == UInt8(ascii: "\\") {
                        advance(); advance()
                        var low = ""
                        for _ in 0..<4 { if let h = peek { low.append(Character(Unicode.Scalar(h))); advance() } }
                        let lowCode = UInt32(low, radix: 16) ?? 0
                        code = 0x10000 + ((code - 0xD800) << 10) + (lowCode &- 0xDC00)
                    }
                    raw += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                    continue
                case UInt8(ascii: "n"): raw.append(0x0A)
                case UInt8(ascii: "t"): raw.append(0x09)
                case UInt8(ascii: "r"): raw.append(0x0D)
                case UInt8(ascii: "b"): raw.append(0x08)
                case UInt8(ascii: "f"): raw.append(0x0C)
                default: raw.append(escaped)
                }
                advance()
            } else {
                raw.append(b)
                advance()
            }
        }
        advance()
        return String(decoding: raw, as: UTF8.self)
    }

    /// Skips one value of any kind (strings respected, nesting counted without recursion).
    mutating func skipValue() {
        var depth = 0
        repeat {
            skipSpace()
            guard let b = peek else { return }
            switch b {
            case UInt8(ascii: "\""): _ = readString()
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; advance()
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; advance()
            default:
                if depth == 0 {
                    while let c = peek, c != UInt8(ascii: ","), c != UInt8(ascii: "}"), c != UInt8(ascii: "]"),
                          c != 0x20, c != 0x0A, c != 0x0D, c != 0x09 { advance() }
                    return
                }
                advance()
            }
        } while depth > 0
    }
}
