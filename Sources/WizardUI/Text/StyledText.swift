import OIDCWizardCore

/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Display width in columns.
    public var width: Int { CharacterWidth.of(text) }
}

/// A line (or paragraph, before wrapping) of differently styled spans, e.g. a severity word in red followed by plain
/// text. Build it with a string literal, an array literal of spans, `+`, or `append`.
public struct StyledText: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, style: Style = .plain) {
        self.spans = text.isEmpty ? [] : [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(arrayLiteral elements: Span...) {
        self.init(elements)
    }

    public static let empty = StyledText()

    /// Display width in columns.
    public var width: Int {
        var total = 0
        for span in spans { total += span.width }
        return total
    }

    /// Whether the text takes more than `columns` columns; stops measuring as soon as it does (a table row can hold a
    /// long reason of which only the start is shown).
    func isWider(than columns: Int) -> Bool {
        var total = 0
        for span in spans {
            // Printable ASCII counts one column a byte, read from the span's buffer: look at no more bytes than it
            // takes to pass `columns`.
            let look = columns - total + 1
            var text = span.text
            let counted = text.withUTF8 { UTF8Bytes.printableASCIIPrefix($0, upTo: look) }
            if counted == look { return true }
            total += counted == span.text.utf8.count ? counted : span.width
            if total > columns { return true }
        }
        return false
    }

    /// Total UTF-8 bytes: an upper bound of the width that costs nothing to compute.
    var utf8Count: Int {
        var total = 0
        for span in spans { total += span.text.utf8.count }
        return total
    }

    /// The text without styles.
    public var plainText: String {
        var result = ""
        for span in spans { result += span.text }
        return result
    }

    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    public mutating func append(_ text: String, style: Style = .plain) {
        guard !text.isEmpty else { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text, style: style))
        }
    }

    /// Appends `other`'s spans as they are (two neighbouring spans of one style draw the same as one, and joining
    /// their strings would copy them: lines are put together like this for every frame).
    public mutating func append(_ other: StyledText) {
        // Spans are almost never empty (the initialisers drop empty text): copy the array as a whole then.
        if other.spans.contains(where: { $0.text.isEmpty }) {
            spans.append(contentsOf: other.spans.filter { !$0.text.isEmpty })
        } else {
            spans.append(contentsOf: other.spans)
        }
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// The spans with empty ones dropped and neighbours of one style joined: what the text shows, however it was
    /// put together (equality and hashing go by this).
    var merged: [Span] {
        var result: [Span] = []
        for span in spans where !span.text.isEmpty {
            if let last = result.last, last.style == span.style {
                result[result.count - 1].text += span.text
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// Texts are equal when they show the same characters in the same styles, however their spans were split.
    public static func == (lhs: StyledText, rhs: StyledText) -> Bool { lhs.merged == rhs.merged }

    public func hash(into hasher: inout Hasher) { hasher.combine(merged) }

    /// The same text with `style` laid over every span (see `Style.patched(with:)`).
    public func patched(with style: Style) -> StyledText {
        StyledText(spans.map { Span($0.text, style: $0.style.patched(with: style)) })
    }
}
