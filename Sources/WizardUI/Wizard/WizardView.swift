import OIDCWizardCore

/// Draws the wizard: a pure function of the state and the frame (its size and glyphs).
public enum WizardView {
    public static func render(_ state: WizardState, into frame: inout Frame) {
        let glyphs = frame.glyphs
        let screen = WizardScreen(state: state, size: frame.size, glyphs: glyphs)
        let layout = screen.layout
        drawStepBar(state, layout: layout, into: &frame)
        if state.step == .review {
            drawReview(state, layout: layout, into: &frame)
        } else {
            drawForm(screen.formRows, previousOffset: state.formScroll, layout: layout, into: &frame)
            drawPanels(state, screen: screen, into: &frame)
        }
        drawStatus(state, layout: layout, into: &frame)
        drawKeyBar(state, layout: layout, into: &frame)
        if let help = state.help { drawHelp(help, layout: layout, into: &frame) }
        if let dialog = state.dialog { drawDialog(dialog, state: state, layout: layout, glyphs: glyphs, into: &frame) }
        if glyphs == .ascii { transliterate(&frame) }
        // The screen's lines (hundreds of strings and arrays) are freed on the second core, not before the frame
        // is shown (see `ReleaseElsewhere`).
        ReleaseElsewhere.release(consume screen)
    }

    /// Without a UTF-8 locale the terminal cannot show typographic punctuation from the texts (dashes, the middle
    /// dot, arrows): they become their ASCII look-alikes, anything else a `?`. Only runs in ASCII mode.
    static func transliterate(_ frame: inout Frame) {
        for index in frame.cells.indices {
            let cell = frame.cells[index]
            guard cell.width != 0, !(cell.character.isASCII) else { continue }
            let replacement: Character
            switch cell.character {
            case "—", "–", "·", "−": replacement = "-"
            case "‘", "’": replacement = "'"
            case "“", "”": replacement = "\""
            case "→": replacement = ">"
            case "←": replacement = "<"
            case "…": replacement = "."
            default: replacement = "?"
            }
            frame.cells[index] = Cell(replacement, style: cell.style, width: 1)
            if cell.width == 2, index + 1 < frame.cells.count {
                frame.cells[index + 1] = Cell(" ", style: frame.cells[index + 1].style, width: 1)
            }
        }
    }

    // MARK: Step bar

    static func drawStepBar(_ state: WizardState, layout: WizardLayout, into frame: inout Frame) {
        // The program's name only where it leaves room for the findings badge.
        var text = layout.size.width >= 100 ? StyledText(" oidc-wizard ", style: .foreground(.accent, .bold)) : StyledText()
        for step in WizardStep.allCases {
            text.append(step == .github ? " " : (frame.glyphs == .ascii ? " - " : " · "), style: .foreground(.muted))
            let label = "\(step.number) \(step.title)"
            if step == state.step {
                text.append(" " + label + " ", style: Style(foreground: .accent, attributes: [.bold, .reverse]))
            } else {
                text.append(label, style: step < state.step ? .plain : .foreground(.muted))
            }
        }
        frame.draw(text, in: layout.stepBar)
        // The worst finding, always in sight.
        if let worst = state.derived.worstSeverity {
            let count = state.derived.findings.count
            let word = StyledText(" \(worst.label) ", style: WizardContent.severityStyle(worst).reverse())
            let full = word + StyledText(" \(count) finding\(count == 1 ? "" : "s") ", style: .foreground(.muted))
            for badge in [full, word] where text.width + badge.width + 1 <= layout.stepBar.width {
                frame.draw(badge, in: layout.stepBar, alignment: .trailing)
                break
            }
        }
    }

    // MARK: Form

    static func drawForm(_ rows: [FormRow], previousOffset: Int, layout: WizardLayout, into frame: inout Frame) {
        let area = layout.form
        guard !area.isEmpty else { return }
        let offset = WizardForm.scrollOffset(rows, height: area.height, previous: previousOffset)
        let end = min(rows.count, offset + area.height)
        guard offset < end else { return }
        // A focused field taller than the form (a long list at 80×24) keeps its name in sight: while its first row
        // is scrolled away, its label goes on the top row, which would otherwise have none.
        let fieldStart = rows.firstIndex(where: \.isFocused)
        let stickyLabel = fieldStart.flatMap { $0 < offset && rows[offset].isFocused && rows[offset].label.isEmpty ? rows[$0].label : nil }
        for (line, row) in rows[offset..<end].enumerated() {
            let y = area.y + line
            if row.fullWidth {
                if case .text(let text) = row.content { frame.draw(text, in: Rect(x: area.x, y: y, width: area.width, height: 1)) }
                continue
            }
            frame.draw(line == 0 ? stickyLabel ?? row.label : row.label, in: Rect(x: area.x, y: y, width: WizardLayout.labelColumns - 1, height: 1))
            let valueRect = Rect(x: layout.valueX, y: y, width: max(0, area.maxX - layout.valueX), height: 1)
            if let highlight = row.highlight { frame.patchStyle(valueRect, with: highlight) }
            switch row.content {
            case .text(let text):
                frame.draw(text, in: valueRect)
            case .input(let field, let placeholder, let focused):
                field.render(into: &frame, in: valueRect, style: focused ? .underline : .plain, placeholder: placeholder, focused: focused)
            }
        }
        if offset > 0 {
            frame.put(frame.glyphs.arrowUp, at: Position(x: area.maxX - 1, y: area.y), style: .foreground(.muted))
        }
        if end < rows.count {
            frame.put(frame.glyphs.arrowDown, at: Position(x: area.maxX - 1, y: area.maxY - 1), style: .foreground(.muted))
        }
    }

    // MARK: Panels

    static func panelTitle(_ panel: PanelTab, state: WizardState) -> String {
        switch panel {
        case .policy: return state.derived.placeholders.isEmpty ? panel.title : "\(panel.title) (placeholder AWS values)"
        case .findings: return state.derived.policy == nil ? panel.title : "\(panel.title) (\(state.derived.findings.count))"
        case .scenarios: return panel.title
        }
    }

    static func drawPanels(_ state: WizardState, screen: WizardScreen, into frame: inout Frame) {
        let layout = screen.layout
        if layout.isWide {
            for panel in PanelTab.allCases {
                let active = panel == state.panel
                let style: Style = active ? .foreground(.accent) : .foreground(.muted)
                let title = StyledText("F\(panel.functionKey) ", style: .foreground(.muted)) + StyledText(panelTitle(panel, state: state), style: active ? .foreground(.accent, .bold) : .bold)
                let inner = frame.drawBox(layout.box(for: panel), style: style, title: title)
                drawPanelContent(panel, state: state, screen: screen, in: inner, into: &frame)
            }
        } else if let box = layout.tabbedPanelBox {
            var title = StyledText()
            for panel in PanelTab.allCases {
                if panel.rawValue > 0 { title.append(" " + String(frame.glyphs.vertical) + " ", style: .foreground(.muted)) }
                let label = "F\(panel.functionKey) " + panelTitle(panel, state: state)
                title.append(label, style: panel == state.panel ? Style(foreground: .accent, attributes: [.bold, .reverse]) : .foreground(.muted))
            }
            let inner = frame.drawBox(box, style: .foreground(.muted), title: title)
            drawPanelContent(state.panel, state: state, screen: screen, in: inner, into: &frame)
        }
    }

    /// Draws a panel's lines at its scroll offset.
    static func drawPanelContent(_ panel: PanelTab, state: WizardState, screen: WizardScreen, in rect: Rect, into frame: inout Frame) {
        let (lines, policy) = screen.panel(panel, state: state, in: rect, glyphs: frame.glyphs)
        ScrollView.render(lines, offset: state.panelOffset(panel, visibleRows: rect.height, policy: policy), into: &frame, in: rect)
    }

    // MARK: Review

    static func drawReview(_ state: WizardState, layout: WizardLayout, into frame: inout Frame) {
        let title = StyledText("Review", style: .foreground(.accent, .bold)) + StyledText("  Up/Down/PgUp/PgDn scroll", style: .foreground(.muted))
        let inner = frame.drawBox(layout.reviewBox, style: .foreground(.muted), title: title)
        let lines = WizardContent.reviewLines(state: state, width: inner.width - 1, glyphs: frame.glyphs)
        ScrollView.render(lines, offset: state.reviewScroll.offset, into: &frame, in: inner)
    }

    // MARK: Status and keys

    static func drawStatus(_ state: WizardState, layout: WizardLayout, into frame: inout Frame) {
        if let status = state.status {
            let style: Style
            switch status.kind {
            case .info: style = .foreground(.accent)
            case .success: style = .foreground(.ok, .bold)
            case .error: style = .foreground(.error, .bold)
            }
            let text = StyledText(" " + status.text, style: style)
            guard text.isWider(than: layout.status.width) else {
                frame.draw(text, in: layout.status)
                return
            }
            // A message longer than the line (why the fields are read-only, why a save cannot patch a template)
            // would lose its end, which is where it says what to do: it rises over the bottom of the screen
            // instead, under a rule, for as long as it shows.
            let lines = TextWrapping.wrap(text, width: layout.status.width, continuationIndent: 1)
            let rows = min(lines.count, Self.longStatusRows, max(1, layout.status.y - layout.body.y))
            let area = Rect(x: layout.status.x, y: layout.status.maxY - rows, width: layout.status.width, height: rows)
            frame.fill(area)
            if area.y > layout.body.y {
                frame.fill(Rect(x: area.x, y: area.y - 1, width: area.width, height: 1), style: .foreground(.muted), with: frame.glyphs.horizontal)
            }
            frame.draw(lines: Array(lines.prefix(rows)), in: area)
            return
        }
        frame.draw(StyledText(" " + hint(state), style: .foreground(.muted)), in: layout.status)
    }

    /// The most rows a long status message takes over the bottom of the screen (more is cut with an ellipsis).
    static let longStatusRows = 6

    /// What the focused field expects, in one line.
    static func hint(_ state: WizardState) -> String {
        switch state.step {
        case .review where state.edit != nil: return "Esc: back to the fields to edit. Enter: on to saving."
        case .write where state.edit?.saved != nil || state.edit?.workflowWritten != nil: return "Done. Enter or Ctrl-C quits."
        case .write where state.edit?.writeWorkflow == true: return "Enter saves the edited policy and writes the workflow file."
        case .write where state.edit != nil: return "Enter saves the edited policy; Space/Left/Right change a choice."
        case .review: return "The whole picture before writing. Enter or Tab: on to writing the files."
        case .write where state.written != nil: return "Done. Enter or Ctrl-C quits and prints the next steps."
        case .write: return "Type the directory to write into, then press Enter to write."
        default: break
        }
        switch state.focus.spec.kind {
        case .list:
            if state.list(state.focus)?.selection != nil { return "Enter edits the entry, Delete removes it, Down returns to the new-entry line." }
            return "Type an entry and press Enter to add it; Up selects an entry to edit or delete."
        case .choice: return "Left/Right chooses where your GitHub runs; Enter or Tab moves on."
        case .toggle: return "Space turns it on or off; Enter or Tab moves on."
        case .text:
            if state.focus == .region, !state.derived.regionSuggestions.isEmpty { return "Up/Down picks a suggestion, Enter takes it." }
            return "Type, then Enter or Tab for the next field."
        }
    }

    static func drawKeyBar(_ state: WizardState, layout: WizardLayout, into frame: inout Frame) {
        var keys: [(String, String)] = []
        let helpKey = state.typesQuestionMark ? "F1" : "?/F1"
        if let help = state.help {
            keys = [("Tab", "See also link"), ("Enter", help.selectedLink == nil ? "close" : "open link")]
            if help.previousTopicID != nil { keys.append(("Backspace", "back")) }
            keys += [("Esc", "close help"), ("Up/Down PgUp/PgDn", "scroll")]
        } else if state.dialog != nil {
            keys = [("y", "yes"), ("n/Esc", "no")]
        } else {
            switch state.step {
            case .review: keys = [("Enter", state.edit == nil ? "on to writing" : "on to saving"), ("Up/Down", "scroll"), ("Esc", "back"), (helpKey, "help")]
            case .write: keys = state.hasWritten ? [("Enter", "quit")] : [("Enter", state.edit == nil ? "write" : "save"), ("Esc", "back"), (helpKey, "help")]
            default: keys = [("Tab", "next"), ("Esc", state.step == .github ? "quit" : "back"), (helpKey, "help")]
            }
            if state.selectedFix != nil, state.step != .review { keys.append(("^G", "apply fix")) }
            if state.step != .review { keys.append(("F2-F4", "panels")) }
            if state.step != .write { keys.append(("^S", state.edit == nil ? "write" : "save")) }
            keys.append(("^C", "quit"))
            if state.step != .review {
                if !state.derived.findings.isEmpty { keys.append(("^N", "findings")) }
                keys.append(("PgUp/PgDn", "scroll panel"))
            }
        }
        // As many keys as fit, measured once each (not the whole bar again for every key).
        var spans = [Span(" ")]
        var used = 1
        for (key, action) in keys {
            let name = Span(key, style: .foreground(.accent, .bold))
            let what = Span(" " + action + "  ", style: .foreground(.muted))
            let width = name.width + what.width
            if used + width > layout.keyBar.width + 2 { break }
            spans += [name, what]
            used += width
        }
        frame.draw(StyledText(spans), in: layout.keyBar, overflow: .clip)
    }

    // MARK: Overlays

    static func drawHelp(_ help: HelpOverlay, layout: WizardLayout, into frame: inout Frame) {
        guard let topic = HelpLibrary.topic(help.topicID) else { return }
        let box = layout.helpBox
        frame.fill(box)
        frame.drawBox(box, style: .foreground(.accent), title: StyledText("Help: " + topic.title, style: .foreground(.accent, .bold)))
        let content = layout.helpContent
        let (helpLines, links) = HelpOverlay.layout(of: topic, width: layout.helpTextWidth)
        var lines = helpLines.map { line -> StyledText in
            switch line.kind {
            case .text: StyledText(line.text)
            case .bullet: StyledText(line.text)
            case .example: StyledText(line.text, style: .foreground(.jsonString))
            case .blank: .empty
            }
        }
        // The See also names are links: underlined, the selected one reversed.
        for line in Set(links.map(\.line)) {
            let text = Array(helpLines[line].text)
            var styled = StyledText()
            var column = 0
            for (index, link) in links.enumerated() where link.line == line {
                let style: Style = index == help.selectedLink
                    ? Style(foreground: .accent, attributes: [.bold, .reverse]) : .foreground(.accent, .underline)
                styled.append(String(text[column..<link.column]))
                styled.append(String(text[link.column..<(link.column + link.length)]), style: style)
                column = link.column + link.length
            }
            styled.append(String(text[column...]))
            lines[line] = styled
        }
        ScrollView.render(lines, offset: help.scroll.offset, into: &frame, in: content)
        let footer = Rect(x: content.x, y: box.maxY - 2, width: content.width, height: 1)
        frame.draw(keyList(helpKeys(help, links: links), width: footer.width), in: footer, overflow: .clip)
    }

    /// The help box's keys in reading order, each with its rank: when the footer is too narrow, the lowest-ranked
    /// (highest number) go first, so following a link, going back and closing always stay in sight.
    static func helpKeys(_ help: HelpOverlay, links: [HelpLink]) -> [(key: String, action: String, rank: Int)] {
        var keys: [(key: String, action: String, rank: Int)] = []
        if let index = help.selectedLink, links.indices.contains(index) {
            let title = HelpLibrary.topic(links[index].topicID)?.title ?? links[index].topicID
            keys.append(("Enter", "opens " + title, 0))
            keys.append(("Tab", "next link", 3))
        } else if !links.isEmpty {
            keys.append(("Tab", "See also links", 0))
        }
        if let previous = help.previousTopicID {
            keys.append(("Backspace", "back to " + (HelpLibrary.topic(previous)?.title ?? previous), 2))
        }
        keys.append(("Esc", "closes", 1))
        keys.append(("Up/Down", "scroll", 4))
        return keys
    }

    /// Keys and what they do as one line in reading order, leaving out the lowest-ranked that do not fit `width`.
    static func keyList(_ keys: [(key: String, action: String, rank: Int)], width: Int) -> StyledText {
        func item(_ entry: (key: String, action: String, rank: Int)) -> StyledText {
            StyledText(entry.key, style: .foreground(.accent, .bold)) + StyledText(" " + entry.action, style: .foreground(.muted))
        }
        var kept = Set<Int>()
        var used = 0
        for index in keys.indices.sorted(by: { keys[$0].rank < keys[$1].rank }) {
            let cost = item(keys[index]).width + (kept.isEmpty ? 0 : 2)
            if used + cost <= width {
                kept.insert(index)
                used += cost
            }
        }
        var text = StyledText()
        for index in keys.indices where kept.contains(index) {
            if text.width > 0 { text.append("  ") }
            text.append(item(keys[index]))
        }
        return text
    }

    static func drawDialog(_ dialog: WizardDialog, state: WizardState, layout: WizardLayout, glyphs: GlyphSet, into frame: inout Frame) {
        let width = layout.dialogTextWidth
        var paragraphs: [StyledText] = []
        let title: StyledText
        let border: Style
        switch dialog {
        case .confirmQuit:
            title = StyledText("Quit?", style: .foreground(.accent, .bold))
            border = .foreground(.accent)
            paragraphs = [StyledText(state.edit == nil
                ? "Nothing has been written yet. Quit anyway? What you typed will be lost."
                : "Your changes have not been saved. Quit anyway? The file stays as it was.")]
        case .confirmRisk(let risks):
            title = StyledText("CRITICAL risk", style: .foreground(.critical, .bold))
            border = .foreground(.critical, .bold)
            paragraphs = [StyledText("This trust policy has a critical hole:", style: .bold)]
            for risk in risks { paragraphs.append(StyledText(String(glyphs.bullet) + " ", style: .foreground(.critical, .bold)) + StyledText(risk)) }
            paragraphs.append(StyledText("Write it anyway? Press y only if you really mean to let them in.", style: .bold))
        case .confirmReplace(let files):
            title = StyledText("Replace files?", style: .foreground(.medium, .bold))
            border = .foreground(.medium)
            paragraphs = [StyledText("These files exist already:")]
            for file in files { paragraphs.append(StyledText("  " + AtomicFileWriter(directory: state.outputDirectory).path(of: OutputFile(relativePath: file, contents: "")))) }
            paragraphs.append(StyledText("Replace them? (The old contents are lost; each file is replaced atomically.)"))
        }
        var lines: [StyledText] = []
        for paragraph in paragraphs { lines += TextWrapping.wrap(paragraph, width: width, continuationIndent: 2) }
        lines.append(.empty)
        lines.append(StyledText("y", style: .foreground(.accent, .bold)) + StyledText(" yes    ") + StyledText("n", style: .foreground(.accent, .bold)) + StyledText(" or Esc: no"))
        let box = layout.dialogBox(lines: lines.count)
        frame.fill(box)
        let inner = frame.drawBox(box, style: border, title: title).inset(left: 1, right: 1)
        frame.draw(lines: lines, in: inner.inset(top: 1))
    }
}
