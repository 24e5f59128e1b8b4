import Foundation
import Yams

/// Reads YAML (CloudFormation templates) into the same `JSONValue` the JSON reader produces, turning
/// CloudFormation's short tags into their long form: `!Ref X` → `{"Ref": "X"}`, `!GetAtt A.B` →
/// `{"Fn::GetAtt": ["A", "B"]}`, `!Sub …` → `{"Fn::Sub": …}` and so on.
///
/// Guards against hostile YAML:
/// - nesting: libyaml is driven by a recursive composer in Yams, so the text is first checked for
///   absurd nesting (flow brackets, `- - - -` chains, deep indentation) and refused;
/// - the composer also runs on its own thread with a generous stack;
/// - alias bombs ("billion laughs"): aliases share nodes, but expanding them into a tree would not, so
///   conversion stops after `maxNodes` values, or once the text of the expanded values passes `maxText`
///   (ten aliases of a 3,000-character string, nested five deep, are 300 MB of text in 3 KB of YAML).
enum YAMLDocument {
    static let maxDepth = 512
    /// CloudFormation's own limit on a template's size (1 MB, for templates in S3).
    static let maxBytes = 1_000_000
    static let maxNodes = 1_000_000
    /// Twice what the template itself may hold: room for aliases that repeat a value or two.
    static let maxText = 2 * maxBytes

    /// What converting may still produce.
    private struct Budget {
        var nodes = maxNodes
        var text = maxText
    }

    static func parse(_ text: String) throws(InputError) -> JSONValue {
        try checkNesting(text)
        let box = ResultBox()
        let thread = Thread {
            box.result = Result { () throws(InputError) -> JSONValue in try compose(text) }
            box.done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        box.done.wait()
        return try box.result!.get()
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<JSONValue, InputError>?
        let done = DispatchSemaphore(value: 0)
    }

    private static func compose(_ text: String) throws(InputError) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(describe(error))
        } catch {
            throw InputError("the YAML could not be read: \(error).")
        }
        guard let node else { throw InputError("the file is empty.") }
        var budget = Budget()
        return try convert(node, depth: 0, budget: &budget)
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): the YAML is not valid: \(problem)."
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the YAML repeats the key \(duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping; keep only the one you mean."
        default:
            return "the YAML could not be read: \(error.description.split(separator: "\n").first ?? "")."
        }
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Budget) throws(InputError) -> JSONValue {
        budget.nodes -= 1
        guard budget.nodes >= 0 else {
            throw InputError("the YAML expands to more than \(maxNodes) values (aliases repeated inside aliases?); it is refused.")
        }
        if case .scalar(let scalar) = node { budget.text -= scalar.string.utf8.count }
        guard budget.text >= 0 else {
            throw InputError("the YAML expands to more than \(maxText) characters of text (aliases repeated inside aliases?); it is refused.")
        }
        guard depth < maxDepth else { throw InputError("the YAML is nested more than \(maxDepth) levels deep.") }
        let tag = node.tag.rawValue
        let value: JSONValue
        switch node {
        case .scalar(let scalar):
            value = convertScalar(scalar)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for child in sequence { items.append(try convert(child, depth: depth + 1, budget: &budget)) }
            value = .array(items)
        case .mapping(let mapping):
            var members: [JSONMember] = []
            for (key, child) in mapping {
                let name = key.scalar?.string ?? ""
                budget.text -= name.utf8.count  // a key can be an alias too
                members.append(JSONMember(name, try convert(child, depth: depth + 1, budget: &budget)))
            }
            value = .object(members)
        case .alias:
            // Yams resolves aliases while composing; a bare alias node here names nothing we can read.
            value = .null
        }
        return shortTag(tag, value)
    }

    private static func convertScalar(_ scalar: Node.Scalar) -> JSONValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        switch Tag.Name(rawValue: scalar.tag.rawValue) {
        case .null: return .null
        case .bool:
            switch scalar.string.lowercased() {
            case "true", "yes", "on", "y": return .bool(true)
            case "false", "no", "off", "n": return .bool(false)
            default: return .string(scalar.string)
            }
        case .int, .float:
            // Keep the text: JSON numbers are text to us anyway, and CloudFormation compares text.
            return (try? JSONParser.parse(scalar.string)).flatMap { if case .number = $0 { $0 } else { nil } }
                ?? .string(scalar.string)
        default:
            return .string(scalar.string)
        }
    }

    /// CloudFormation short tags → long form.
    private static func shortTag(_ tag: String, _ value: JSONValue) -> JSONValue {
        guard tag.hasPrefix("!"), tag.count > 1 else { return value }
        let name = String(tag.dropFirst())
        switch name {
        case "Ref", "Condition":
            return .object([JSONMember(name, value)])
        case "GetAtt":
            if case .string(let text) = value, let dot = text.firstIndex(of: ".") {
                return .object([JSONMember("Fn::GetAtt", .array([.string(String(text[..<dot])),
                                                                  .string(String(text[text.index(after: dot)...]))]))])
            }
            return .object([JSONMember("Fn::GetAtt", value)])
        default:
            return .object([JSONMember("Fn::\(name)", value)])
        }
    }

    /// Refuses text whose nesting could be absurd before handing it to the recursive composer. The
    /// estimate is an upper bound for the nesting of real templates: flow brackets outside quotes, plus
    /// per line the indentation and the number of block indicators (`- `, `? `, `: `) on it.
    ///
    /// It walks UTF-8 bytes, not Characters: every byte it looks at is ASCII, and no byte of a multi-byte
    /// UTF-8 sequence is, so the result is the same — and a 10 MB file takes milliseconds, not seconds.
    /// A line of nothing but spaces is blank, not indented: YAML ignores it, and so does this check.
    private static func checkNesting(_ text: String) throws(InputError) {
        var flowDepth = 0
        var line = 1
        var indent = 0
        var indicators = 0
        var inSingle = false, inDouble = false
        var previous = UInt8(ascii: " ")
        var atStart = true
        var inComment = false
        func endLine() throws(InputError) {
            let blank = atStart
            if flowDepth > maxDepth || (!blank && indent / 2 + indicators > maxDepth * 2) {
                throw InputError("line \(line): the YAML is nested more than \(maxDepth) levels deep; no real template is.")
            }
            line += 1
            indent = 0
            indicators = 0
            inSingle = false
            inDouble = false
            previous = UInt8(ascii: " ")
            atStart = true
            inComment = false
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                try endLine()
                continue
            }
            if inComment { continue }
            if atStart, byte == UInt8(ascii: " ") { indent += 1; previous = byte; continue }
            atStart = false
            if inDouble {
                if byte == UInt8(ascii: "\""), previous != UInt8(ascii: "\\") { inDouble = false }
            } else if inSingle {
                if byte == UInt8(ascii: "'") { inSingle = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inDouble = true
                case UInt8(ascii: "'"): inSingle = true
                case UInt8(ascii: "#") where previous == UInt8(ascii: " "): inComment = true
                case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
                case UInt8(ascii: " ") where previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: ":"):
                    indicators += 1
                default: break
                }
            }
            previous = byte
        }
        try endLine()
    }
}
