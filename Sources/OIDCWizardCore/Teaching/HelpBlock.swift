/// A piece of a help body, as the help box renders it: prose, a bullet, or an example block.
public enum HelpBlock: Hashable, Sendable {
    /// Consecutive prose lines joined into one paragraph.
    case paragraph(String)
    /// A `- ` item; continuation lines (not starting with `- `) are joined into it.
    case bullet(String)
    /// Lines indented by 4 spaces in the source, without that indentation, shown verbatim.
    case example([String])

    static let exampleIndent = "    "

    /// Parses light markup: blank lines separate blocks, `- ` starts a bullet, 4 leading spaces mark
    /// an example line. Inline `backticks` are left in place; they read well as plain text.
    static func parse(_ body: String) -> [HelpBlock] {
        var blocks: [HelpBlock] = []
        var prose: [String] = []
        var isBullet = false
        var example: [String] = []

        func flushProse() {
            guard !prose.isEmpty else { return }
            let text = prose.joined(separator: " ")
            blocks.append(isBullet ? .bullet(text) : .paragraph(text))
            prose = []
            isBullet = false
        }
        func flushExample() {
            guard !example.isEmpty else { return }
            blocks.append(.example(example))
            example = []
        }

        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix(exampleIndent) {
                flushProse()
                var text = String(line.dropFirst(exampleIndent.count))
                while text.last == " " { text.removeLast() }
                example.append(text)
            } else if line.trimmingSpaces().isEmpty {
                flushProse()
                flushExample()
            } else if line.hasPrefix("- ") {
                flushProse()
                flushExample()
                prose = [String(line.dropFirst(2)).trimmingSpaces()]
                isBullet = true
            } else {
                flushExample()
                prose.append(line.trimmingSpaces())
            }
        }
        flushProse()
        flushExample()
        return blocks
    }

    /// Lays the block out at `width` columns (ASCII text: one character, one column).
    public func lines(width: Int) -> [HelpLine] {
        switch self {
        case .paragraph(let text):
            return Self.wrap(text, width: width).map { HelpLine(.text, $0) }
        case .bullet(let text):
            let wrapped = Self.wrap(text, width: max(1, width - 2))
            return wrapped.enumerated().map { index, line in
                HelpLine(.bullet, (index == 0 ? "- " : "  ") + line)
            }
        case .example(let lines):
            return lines.map { HelpLine(.example, Self.exampleIndent + $0) }
        }
    }

    /// Greedy word wrap; a word longer than the width gets a line of its own rather than being cut,
    /// because the long words here are identifiers (ARNs, subjects) that must stay copyable.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// One laid-out line of a help topic, tagged so the view can style it (examples dimmed or boxed,
/// bullets with a glyph) without parsing again.
public struct HelpLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case text, bullet, example, blank }
    public let kind: Kind
    public let text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
