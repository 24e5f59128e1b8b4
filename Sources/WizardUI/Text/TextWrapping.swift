/// Word wrapping of styled text to a column width, measured with `CharacterWidth`.
public enum TextWrapping {
    /// Breaks `text` into lines no wider than `width`.
    ///
    /// - Breaks at spaces; the spaces at a break are dropped. A word wider than a whole line is split between
    ///   characters (never inside a wide character).
    /// - `"\n"` starts a new line (blank lines are kept).
    /// - Lines after the first of each paragraph are indented by `continuationIndent` spaces (for hanging indents
    ///   such as "• first line / second line"), when that leaves room for text.
    /// - Styles follow their characters across breaks.
    public static func wrap(_ text: StyledText, width: Int, continuationIndent: Int = 0) -> [StyledText] {
        guard width > 0 else { return [] }
        var wrapper = Wrapper(width: width, indent: continuationIndent < width ? max(0, continuationIndent) : 0)
        for span in text.spans {
            for character in span.text {
                wrapper.add(character, style: span.style)
            }
        }
        return wrapper.finish()
    }

    /// Wraps a plain string in one style.
    public static func wrap(_ text: String, width: Int, style: Style = .plain, continuationIndent: Int = 0) -> [StyledText] {
        wrap(StyledText(text, style: style), width: width, continuationIndent: continuationIndent)
    }

    private struct Wrapper {
        let width: Int
        let indent: Int
        var lines: [StyledText] = []
        /// The current line, up to the last placed word.
        var line = StyledText()
        var lineWidth = 0
        /// Whether a word has been placed on the current line (an indent alone does not count).
        var hasWord = false
        /// Spaces after the last word, placed only if another word follows on the same line.
        var pendingSpaces: [Style] = []
        /// The word being read: characters with their style and width.
        var word: [(Character, Style, Int)] = []
        var wordWidth = 0

        init(width: Int, indent: Int) {
            self.width = width
            self.indent = indent
        }

        mutating func add(_ character: Character, style: Style) {
            let utf8 = character.utf8
            if utf8.count <= 2 {
                // Compare bytes, not Characters: this runs for every character wrapped.
                let first = utf8.first ?? 0
                if (utf8.count == 1 && first == 0x0A) || (utf8.count == 2 && first == 0x0D && utf8.last == 0x0A) {
                    flushWord()
                    endLine(continuesParagraph: false)
                    return
                }
                if utf8.count == 1 && first == 0x20 {
                    flushWord()
                    pendingSpaces.append(style)
                    return
                }
            }
            let (shown, w) = CharacterWidth.measure(character)
            word.append((shown, style, w))
            wordWidth += w
        }

        mutating func finish() -> [StyledText] {
            flushWord()
            lines.append(line)
            return lines
        }

        private mutating func flushWord() {
            guard !word.isEmpty else { return }
            defer {
                word.removeAll(keepingCapacity: true)
                wordWidth = 0
            }
            // Spaces before the word stay when it fits on this line (this keeps a paragraph's leading indentation).
            if lineWidth + pendingSpaces.count + wordWidth <= width {
                for style in pendingSpaces { line.append(" ", style: style) }
                lineWidth += pendingSpaces.count
                pendingSpaces.removeAll()
                place(word)
                return
            }
            pendingSpaces.removeAll()
            if hasWord { endLine(continuesParagraph: true) }
            if lineWidth + wordWidth <= width {
                place(word)
                return
            }
            // Wider than a whole line: split between characters.
            for item in word {
                if lineWidth + item.2 > width, hasWord { endLine(continuesParagraph: true) }
                place([item])
            }
        }

        private mutating func place(_ characters: [(Character, Style, Int)]) {
            // Append in runs of one style: one string append per run rather than per character.
            var run = ""
            var runStyle = characters.first?.1 ?? .plain
            for (character, style, w) in characters {
                if style != runStyle {
                    line.append(run, style: runStyle)
                    run = ""
                    runStyle = style
                }
                run.append(character)
                lineWidth += w
            }
            line.append(run, style: runStyle)
            hasWord = true
        }

        private mutating func endLine(continuesParagraph: Bool) {
            lines.append(line)
            pendingSpaces.removeAll()
            line = StyledText()
            lineWidth = 0
            hasWord = false
            if continuesParagraph, indent > 0 {
                line.append(String(repeating: " ", count: indent))
                lineWidth = indent
            }
        }
    }
}
