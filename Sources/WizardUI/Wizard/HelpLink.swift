import OIDCWizardCore

/// A "See also" reference in a help topic as laid out in the help box: which topic it opens and where its name
/// stands (line of `HelpTopic.lines(width:)`, column, length), so the box can mark it and scroll to it.
public struct HelpLink: Hashable, Sendable {
    public var topicID: String
    public var line: Int
    public var column: Int
    public var length: Int

    /// The topic's links at `width`, in the order of its See also line. Found in the laid-out text rather than
    /// recomputed, so they sit exactly where the words are drawn however the line wrapped. The See also line is
    /// the topic's last paragraph (the help tests make sure every id on it is a topic and is found here).
    public static func links(of topic: HelpTopic, lines: [HelpLine]) -> [HelpLink] {
        let ids = topic.relatedTopicIDs
        guard !ids.isEmpty, let start = lines.lastIndex(where: { $0.kind == .text && $0.text.hasPrefix("See also:") }) else { return [] }
        var links: [HelpLink] = []
        var next = 0
        var index = start
        while index < lines.count, lines[index].kind == .text, next < ids.count {
            let text = Array(lines[index].text)
            var column = index == start ? "See also:".count : 0
            while column < text.count, next < ids.count {
                while column < text.count, text[column] == " " || text[column] == "," { column += 1 }
                var end = column
                while end < text.count, text[end] != " ", text[end] != "," { end += 1 }
                if end > column, String(text[column..<end]) == ids[next] {
                    links.append(HelpLink(topicID: ids[next], line: index, column: column, length: end - column))
                    next += 1
                }
                column = end
            }
            index += 1
        }
        return links
    }
}
