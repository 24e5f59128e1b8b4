/// One page of the wizard's built-in help (`?`/F1 on a field): what the concept is, why it matters,
/// an example, and what to choose if unsure. Written in `Resources/help/<id>.md` and compiled into the
/// binary (see `EmbeddedHelp`), so help works when the binary is copied alone onto another machine.
public struct HelpTopic: Hashable, Sendable, Identifiable {
    /// Stable id the wizard's fields refer to, e.g. `"immutable-ids"`; the Markdown file's base name.
    public let id: String
    /// Short title for the help box's frame, e.g. `"Immutable ids"`.
    public let title: String
    /// One sentence: the answer for someone who reads nothing else.
    public let summary: String
    /// The rest, in light markup: paragraphs, `- ` bullets, and example blocks indented by 4 spaces.
    /// Lines are not wrapped by hand; use `blocks` or `lines(width:)` to lay it out.
    public let body: String

    public init(id: String, title: String, summary: String, body: String) {
        self.id = id
        self.title = title
        self.summary = summary
        self.body = body
    }

    /// Reads the help file format: `# Title`, a one-sentence summary, a blank line, then the body.
    /// Returns nil when the text does not have that shape (the tests make sure every shipped file does).
    public init?(id: String, markdown: String) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4, lines[0].hasPrefix("# "), lines[2].isEmpty else { return nil }
        let title = lines[0].dropFirst(2).trimmingSpaces()
        let summary = lines[1].trimmingSpaces()
        var bodyLines = Array(lines[3...])
        while let last = bodyLines.last, last.trimmingSpaces().isEmpty { bodyLines.removeLast() }
        guard !title.isEmpty, !summary.isEmpty, !bodyLines.isEmpty else { return nil }
        self.init(id: id, title: title, summary: summary, body: bodyLines.joined(separator: "\n"))
    }

    /// The body as paragraphs, bullets and example blocks.
    public var blocks: [HelpBlock] { HelpBlock.parse(body) }

    /// The ids named on the body's `See also:` line, in order — topics a reader may want next.
    public var relatedTopicIDs: [String] {
        let prefix = "See also:"
        guard let line = body.split(separator: "\n").last(where: { $0.hasPrefix(prefix) }) else { return [] }
        return line.dropFirst(prefix.count).split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// The whole topic laid out for a box `width` columns wide: summary, blank line, then the body's
    /// blocks separated by blank lines. Prose wraps at word boundaries; example lines are kept whole
    /// (they are commands and policy fragments a reader copies), so the view clips or scrolls them.
    /// Help texts are ASCII (a test ensures it), so one character is one column.
    public func lines(width: Int) -> [HelpLine] {
        var out = HelpBlock.paragraph(summary).lines(width: width)
        for block in blocks {
            out.append(HelpLine(.blank, ""))
            out += block.lines(width: width)
        }
        return out
    }
}

