import OIDCWizardCore

/// The help box over the screen: the topic shown, how far it is scrolled, which of its "See also" links is selected,
/// and the topics it was reached from, so a reader can follow a thread of concepts and come back.
///
/// Keys (also in the box's footer and the key bar): Tab / Shift-Tab select the next / previous link, Enter (or Right)
/// opens the selected one, Backspace (or Left, or `b`) goes back to the topic before, as it was left; Up/Down,
/// PgUp/PgDn, Home/End scroll; Esc, `?` or F1 close help, and so does Enter when no link is selected.
public struct HelpOverlay: Hashable, Sendable {
    /// One topic as the reader sees it (and, in the history, as they left it).
    public struct Page: Hashable, Sendable {
        public var topicID: String
        public var scroll = ScrollState()
        /// The selected link, by index into the topic's links; nil when none is.
        public var link: Int?
    }

    /// What a key did to the box.
    public enum Outcome: Hashable, Sendable {
        case handled
        /// Close the box.
        case close
        /// Not a key the box uses here (Tab without links, Backspace on the first topic): the screen rings the bell.
        case ignored
    }

    public private(set) var page: Page
    /// The topics followed from, most recent last.
    public private(set) var history: [Page] = []

    public init(topicID: String) {
        page = Page(topicID: topicID)
    }

    public var topicID: String { page.topicID }
    public var scroll: ScrollState { page.scroll }
    public var selectedLink: Int? { page.link }
    /// The topic Backspace goes back to.
    public var previousTopicID: String? { history.last?.topicID }

    /// The topic's lines at `width` and its links in them (one computation for keys and drawing, so they agree).
    public static func layout(of topic: HelpTopic, width: Int) -> (lines: [HelpLine], links: [HelpLink]) {
        let lines = topic.lines(width: width)
        return (lines, HelpLink.links(of: topic, lines: lines))
    }

    /// The id of the selected link's topic, if a link is selected.
    public func selectedTopicID(width: Int) -> String? {
        guard let index = page.link, let topic = HelpLibrary.topic(page.topicID) else { return nil }
        let links = Self.layout(of: topic, width: width).links
        return links.indices.contains(index) ? links[index].topicID : nil
    }

    /// Applies a key, with the text laid out `width` columns wide in `visibleRows` rows.
    public mutating func handle(_ key: Key, width: Int, visibleRows: Int) -> Outcome {
        guard let topic = HelpLibrary.topic(page.topicID) else { return .close }
        let (lines, links) = Self.layout(of: topic, width: width)
        switch key {
        case .escape, .function(1), .character("?"):
            return .close
        case .tab, .backTab:
            guard !links.isEmpty else { return .ignored }
            let count = links.count
            let forward = key == .tab
            let next = page.link.map { forward ? ($0 + 1) % count : ($0 + count - 1) % count } ?? (forward ? 0 : count - 1)
            page.link = next
            page.scroll.reveal(line: links[next].line, lineCount: lines.count, visibleRows: visibleRows)
            return .handled
        case .enter, .right:
            guard let index = page.link, links.indices.contains(index) else { return key == .enter ? .close : .ignored }
            open(links[index].topicID)
            return .handled
        case .backspace, .left, .wordLeft, .character("b"):
            guard let previous = history.popLast() else { return .ignored }
            page = previous
            return .handled
        default:
            guard page.scroll.handle(key, lineCount: lines.count, visibleRows: visibleRows) else { return .ignored }
            // A selected link scrolled out of sight is let go, so Enter never opens something the reader cannot see.
            if let index = page.link, links.indices.contains(index) {
                let line = links[index].line
                if line < page.scroll.offset || line >= page.scroll.offset + max(1, visibleRows) { page.link = nil }
            }
            return .handled
        }
    }

    /// Shows another topic; going back returns to this one as it is now (scroll and selected link).
    public mutating func open(_ topicID: String) {
        history.append(page)
        page = Page(topicID: topicID)
    }
}
