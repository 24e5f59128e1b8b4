import OIDCWizardCore

/// The form's height while the focus stays in one field: the most rows it has needed there (see
/// `WizardState.settleForm`).
struct FormRowsHold: Hashable, Sendable {
    var step: WizardStep
    var focus: FieldID
    var rows: Int
}

extension WizardState {
    /// The rows held for the field that has focus now; 0 once the focus has moved on.
    var heldFormRows: Int {
        guard let hold = formRowsHold, hold.step == step, hold.focus == focus else { return 0 }
        return hold.rows
    }
}

/// The rows of a step's form: each field's label and value, a list's entries, and the issues under a field. Built
/// from the state for one render; the field with focus is kept in view.
struct FormRow: Sendable {
    enum Content: Sendable {
        case text(StyledText)
        /// An editable line: the text field, its placeholder, whether it has the cursor.
        case input(TextFieldState, placeholder: StyledText, focused: Bool)
    }

    var label: StyledText
    var content: Content
    /// Rows that belong to the focused field (kept visible when the form scrolls).
    var isFocused: Bool
    /// Drawn from the label column instead of the value column (headings and notes spanning the form).
    var fullWidth = false
    /// Laid over the value (the selected entry of a list).
    var highlight: Style?
    /// Where the user is inside the focused field: its input line or its selected entry. When the field is taller
    /// than the form, this row is the one kept in view.
    var isCursor = false
}

enum WizardForm {
    static func rows(state: WizardState, layout: WizardLayout, glyphs: GlyphSet) -> [FormRow] {
        var rows: [FormRow] = []
        for id in state.visibleFields(of: state.step) {
            rows += fieldRows(id, state: state, layout: layout, glyphs: glyphs)
        }
        if state.step == .write { rows += writeRows(state: state, layout: layout, glyphs: glyphs) }
        return rows
    }

    /// The first form row to show in `height` rows, moving as little as possible from `previous` (where the form
    /// was scrolled before the key): the whole focused field when it fits; otherwise the rows from its cursor (the
    /// selected entry, or the input line with the issues under it) stay in view, within the field. Without focus
    /// (the write step's notes), from the top.
    static func scrollOffset(_ rows: [FormRow], height: Int, previous: Int = 0) -> Int {
        guard height > 0, rows.count > height,
              let first = rows.firstIndex(where: \.isFocused), let last = rows.lastIndex(where: \.isFocused) else { return 0 }
        var offset = max(0, previous)
        func reveal(_ top: Int, _ bottom: Int) {
            if bottom >= offset + height { offset = bottom - height + 1 }
            if top < offset { offset = top }
        }
        if last - first + 1 <= height {
            reveal(first, last)
        } else {
            let cursor = rows[first...last].firstIndex(where: \.isCursor) ?? first
            // The input line brings the issues under it; a selected entry is one row.
            let cursorEnd = rows[cursor].highlight == nil ? min(last, cursor + height - 1) : cursor
            reveal(cursor, cursorEnd)
            offset = min(max(offset, first), last - height + 1)
        }
        return min(offset, rows.count - height)
    }

    static func label(_ id: FieldID, state: WizardState, focused: Bool, glyphs: GlyphSet) -> StyledText {
        let name = id == .flavorName ? state.flavorKind.nameLabel : id.spec.label
        let issues = state.fieldIssues(id)
        let hasError = issues.contains { $0.severity == .error && !$0.isMissing }
        let style: Style = focused ? .foreground(.accent, .bold) : (hasError ? .foreground(.error) : .plain)
        let pointer = StyledText(focused ? String(glyphs.pointer) + " " : "  ", style: .foreground(.accent, .bold))
        return pointer + StyledText(name, style: style)
    }

    static func fieldRows(_ id: FieldID, state: WizardState, layout: WizardLayout, glyphs: GlyphSet) -> [FormRow] {
        let focused = state.focus == id && state.step != .review
        let spec = id.spec
        let placeholderText = id == .flavorName ? state.flavorKind.namePlaceholder : (id == .audience ? audiencePlaceholder(state) : spec.placeholder)
        let placeholder = StyledText(placeholderText, style: .foreground(.muted))
        var rows: [FormRow] = []
        let issues = state.fieldIssues(id)
        let first = label(id, state: state, focused: focused, glyphs: glyphs)

        switch spec.kind {
        case .text:
            let field = state.textField(id) ?? TextFieldState()
            if focused {
                rows.append(FormRow(label: first, content: .input(field, placeholder: placeholder, focused: true), isFocused: true))
            } else {
                rows.append(FormRow(label: first, content: .text(field.isEmpty ? placeholder : StyledText(field.text)), isFocused: false))
            }
        case .list:
            let editor = state.list(id) ?? ListEditor()
            if focused {
                var labelUsed = false
                for (i, item) in editor.items.enumerated() {
                    let valueIndex = editor.editingIndex.map { i >= $0 ? i + 1 : i } ?? i
                    let entryIssue = issues.first { $0.entry == valueIndex && !$0.isMissing }
                    let bulletStyle: Style = entryIssue.map { issueStyle($0) } ?? .foreground(.muted)
                    let text = StyledText(String(glyphs.bullet) + " ", style: bulletStyle) + StyledText(item)
                    rows.append(FormRow(label: labelUsed ? .empty : first, content: .text(text), isFocused: true,
                                        highlight: editor.selection == i ? .background(.selection) : nil,
                                        isCursor: editor.selection == i))
                    labelUsed = true
                }
                let addHint = StyledText(editor.items.isEmpty ? placeholderText : "add another (Enter), or Tab to move on", style: .foreground(.muted))
                rows.append(FormRow(label: labelUsed ? .empty : first,
                                    content: .input(editor.input, placeholder: addHint, focused: editor.selection == nil), isFocused: true,
                                    isCursor: editor.selection == nil))
            } else {
                let values = editor.values
                rows.append(FormRow(label: first, content: .text(values.isEmpty ? StyledText(emptyListText(id), style: .foreground(.muted))
                                                                                 : StyledText(values.joined(separator: ", "))), isFocused: false))
            }
        case .choice:
            let label = id == .saveTarget ? saveTargetLabel(state) : state.flavorKind.choiceLabel
            let option = StyledText(label, style: focused ? .bold : .plain)
            let text = focused
                ? StyledText("< ", style: .foreground(.accent)) + option + StyledText(" >", style: .foreground(.accent)) + StyledText("  Left/Right to change", style: .foreground(.muted))
                : option
            rows.append(FormRow(label: first, content: .text(text), isFocused: focused))
        case .toggle:
            let on: Bool
            let description: String
            switch id {
            case .pullRequests:
                on = state.pullRequests
                description = "pull_request runs from the repository's own branches"
            case .writeWorkflow:
                on = state.edit?.writeWorkflow == true
                description = "also write the file"
            default:
                on = state.anyContext
                description = "every branch, tag, pull request and environment"
            }
            let box = StyledText(on ? "[x] " : "[ ] ", style: focused ? .foreground(.accent, .bold) : .plain)
            var text = box + StyledText(description, style: on ? .plain : .foreground(.muted))
            // The hint only where it fits whole: the status line says the same.
            if focused, text.width + 17 <= layout.valueWidth { text.append("  Space to change", style: .foreground(.muted)) }
            rows.append(FormRow(label: first, content: .text(text), isFocused: focused))
        }

        // Region: suggestions while typing, and what the region decides.
        if id == .region {
            if focused, !state.derived.regionSuggestions.isEmpty {
                let text = suggestionLine(state.derived.regionSuggestions, chosen: state.regionChoice,
                                          width: layout.valueWidth, glyphs: glyphs)
                rows.append(FormRow(label: StyledText("    Enter takes", style: .foreground(.muted)), content: .text(text), isFocused: true))
            }
            if case .known(let region) = RegionCatalog.lookup(state.text(.region)) {
                rows.append(FormRow(label: .empty, content: .text(StyledText("partition \(region.partition.rawValue) · audience \(region.partition.defaultAudience)", style: .foreground(.muted))), isFocused: focused))
            }
        }

        if id == .saveTarget, let reason = state.edit?.patchRefusal {
            // Why the template cannot take the edit, in one line (all of it under the focused field).
            let chosen = state.edit?.patchesTemplate == true
            let text = StyledText(chosen ? String(glyphs.cross) + " " : "", style: .foreground(.error, .bold))
                + StyledText("cannot patch: " + reason, style: chosen ? .plain : .foreground(.muted))
            let lines = focused ? TextWrapping.wrap(text, width: layout.valueWidth, continuationIndent: 2) : [text]
            for line in lines { rows.append(FormRow(label: .empty, content: .text(line), isFocused: focused)) }
        }
        if id == .writeWorkflow, state.edit?.writeWorkflow == true, state.outputPlan == nil {
            // The workflow needs the whole setup (a trust policy names no region, for one).
            let first = state.derived.resolution.errors.first?.rule ?? "the setup is incomplete."
            let text = StyledText("needed: ", style: .foreground(.error, .bold)) + StyledText(first)
            for line in focused ? TextWrapping.wrap(text, width: layout.valueWidth, continuationIndent: 2) : [text] {
                rows.append(FormRow(label: .empty, content: .text(line), isFocused: focused))
            }
        }

        // Issues: all of them, wrapped, under the focused field; the first real one, on one line, under the others.
        let width = layout.valueWidth
        let shown = focused ? issues : Array(issues.filter { !$0.isMissing }.prefix(1))
        for issue in shown {
            let prefix = issue.isMissing ? "needed: " : (issue.severity == .error ? String(glyphs.cross) + " " : "! ")
            var text = StyledText(prefix, style: issueStyle(issue))
            if let entry = issue.entry, id.spec.kind == .list, issues.contains(where: { $0.entry != issue.entry }) || entry > 0 {
                let values = state.values(id)
                if values.indices.contains(entry) { text.append(values[entry] + ": ", style: .bold) }
            }
            text.append(issue.rule, style: issue.isMissing ? .foreground(.muted) : .plain)
            if focused {
                for line in TextWrapping.wrap(text, width: width, continuationIndent: 2) {
                    rows.append(FormRow(label: .empty, content: .text(line), isFocused: true))
                }
            } else {
                rows.append(FormRow(label: .empty, content: .text(text), isFocused: false))
            }
        }
        return rows
    }

    /// The region suggestions on one line, starting late enough that the chosen one is whole in `width`
    /// (an ellipsis says some were skipped), so Up/Down never select a suggestion out of sight.
    static func suggestionLine(_ names: [String], chosen: Int, width: Int, glyphs: GlyphSet) -> StyledText {
        func line(from start: Int) -> (text: StyledText, chosenEnd: Int) {
            var text = start > 0 ? StyledText(String(glyphs.ellipsis) + " ", style: .foreground(.muted)) : StyledText()
            var chosenEnd = 0
            for i in start..<names.count {
                if i > start { text.append(" ") }
                text.append(names[i], style: i == chosen ? Style(foreground: .accent, attributes: [.bold, .reverse]) : .foreground(.muted))
                if i == chosen { chosenEnd = text.width }
            }
            return (text, chosenEnd)
        }
        var start = 0
        while start < chosen, line(from: start).chosenEnd > width { start += 1 }
        return line(from: start).text
    }

    static func issueStyle(_ issue: FieldIssue) -> Style {
        if issue.isMissing { return .foreground(.muted) }
        return issue.severity == .error ? .foreground(.error, .bold) : .foreground(.high, .bold)
    }

    /// The two places an edited CloudFormation JSON template's policy can go, short enough for the narrow form
    /// column (the full paths are under "Saves to").
    static func saveTargetLabel(_ state: WizardState) -> String {
        guard let edit = state.edit else { return "" }
        return edit.patchesTemplate ? "patch the template" : "side file"
    }

    static func emptyListText(_ id: FieldID) -> String {
        switch id {
        case .repositories: "none yet"
        case .branches, .tags, .environments: "none"
        default: "none (optional)"
        }
    }

    static func audiencePlaceholder(_ state: WizardState) -> String {
        switch RegionCatalog.lookup(state.text(.region)) {
        case .known(let region), .unknown(let region): "\(region.partition.defaultAudience) (the default for \(region.partition.rawValue))"
        default: "the partition's default (sts.amazonaws.com)"
        }
    }

    // MARK: Write step

    static func writeRows(state: WizardState, layout: WizardLayout, glyphs: GlyphSet) -> [FormRow] {
        var rows: [FormRow] = []
        func note(_ text: StyledText) { rows.append(FormRow(label: .empty, content: .text(text), isFocused: false, fullWidth: true)) }
        func wrapped(_ text: StyledText, indent: Int = 2) {
            for line in TextWrapping.wrap(text, width: layout.form.width - 2, continuationIndent: indent) { note(StyledText("  ") + line) }
        }
        note(.empty)
        if let edit = state.edit {
            editRows(edit, state: state, wrapped: wrapped, note: note, glyphs: glyphs)
            return rows
        }
        if let written = state.written {
            // Relative to the directory shown just above, so a long directory does not push the file names out of
            // sight; a path that still does not fit wraps rather than losing its end.
            let directory = state.outputDirectory.hasSuffix("/") ? state.outputDirectory : state.outputDirectory + "/"
            note(StyledText("  Written:", style: .foreground(.ok, .bold)) + StyledText(" into the directory above", style: .foreground(.muted)))
            for path in written.paths {
                let shown = path.hasPrefix(directory) && directory != "./" ? String(path.dropFirst(directory.count)) : path
                wrapped(StyledText("  " + String(glyphs.check) + " ", style: .foreground(.ok)) + StyledText(shown), indent: 6)
            }
            note(.empty)
            wrapped(StyledText("Next: create the OIDC provider and the role with the AWS CLI commands on the review step; they are printed again when you quit. Then commit \(GeneratedFiles.workflowPath) and run it."))
            return rows
        }
        guard let plan = state.derived.plan else {
            note(StyledText("  Nothing to write yet:", style: .foreground(.error, .bold)))
            for issue in state.derived.resolution.errors.prefix(4) { wrapped(StyledText("- " + issue.rule)) }
            return rows
        }
        note(StyledText("  Files", style: .bold))
        for file in plan.files {
            let exists = state.existingFiles?.contains(file.relativePath) == true
            var line = StyledText("    " + file.relativePath)
            line.append(exists ? "  exists - will ask before replacing" : (state.existingFiles == nil ? "" : "  new"),
                        style: exists ? .foreground(.medium, .bold) : .foreground(.ok))
            note(line)
        }
        note(.empty)
        if !state.criticalRisks.isEmpty {
            wrapped(StyledText("CRITICAL ", style: .foreground(.critical, .bold)) + StyledText("Writing asks you to confirm the risk by name first."))
        }
        wrapped(StyledText("Enter", style: .foreground(.accent, .bold)) + StyledText(" writes both files (atomically; existing ones only after you agree)."))
        return rows
    }

    /// Edit mode: where the save goes, whether there is anything to save, and afterwards what was written.
    static func editRows(_ edit: EditContext, state: WizardState, wrapped: (StyledText, Int) -> Void,
                         note: (StyledText) -> Void, glyphs: GlyphSet) {
        let session = edit.session
        if edit.saved != nil || edit.workflowWritten != nil {
            if let saved = edit.saved {
                note(StyledText("  Saved:", style: .foreground(.ok, .bold)))
                wrapped(StyledText("  " + String(glyphs.check) + " ", style: .foreground(.ok)) + StyledText(saved.written), 4)
                if let backup = saved.backup { wrapped(StyledText("  backup: ", style: .foreground(.muted)) + StyledText(backup), 4) }
            }
            if let workflow = edit.workflowWritten {
                note(StyledText("  Written:", style: .foreground(.ok, .bold)))
                wrapped(StyledText("  " + String(glyphs.check) + " ", style: .foreground(.ok)) + StyledText(workflow), 4)
            }
            if let command = edit.saved?.applyCommand {
                note(.empty)
                wrapped(StyledText(edit.patchesTemplate ? "Deploy the stack to apply it (with AWS credentials):" : "Apply it to the role (with AWS credentials):", style: .bold), 2)
                wrapped(StyledText(command, style: .foreground(.jsonString)), 4)
            }
            return
        }
        let destination = edit.destination
        note(StyledText("  Saves to", style: .bold))
        wrapped(StyledText("  " + destination.path), 4)
        if let backup = destination.backup {
            let what = edit.patchesTemplate ? "only the role's AssumeRolePolicyDocument changes, after keeping the template as it was in \(backup)" : "after keeping the file as it was in \(backup)"
            wrapped(StyledText(what + " (an older, different backup is never replaced silently)", style: .foreground(.muted)), 2)
        } else if !session.source.kind.rewritesInPlace, !edit.patchesTemplate {
            wrapped(StyledText("next to the input, with the aws iam update-assume-role-policy command that applies it", style: .foreground(.muted)), 2)
        }
        if edit.writeWorkflow, let plan = state.outputPlan {
            for file in plan.files {
                let exists = state.existingFiles?.contains(file.relativePath) == true
                var line = StyledText("  and writes ") + StyledText(AtomicFileWriter(directory: state.outputDirectory).path(of: file))
                line.append(exists ? "  exists - will ask before replacing" : (state.existingFiles == nil ? "" : "  new"),
                            style: exists ? .foreground(.medium, .bold) : .foreground(.ok))
                wrapped(line, 4)
            }
        }
        note(.empty)
        if session.currentPolicy == nil {
            note(StyledText("  Nothing to save yet:", style: .foreground(.error, .bold)))
            for issue in session.after.issues.filter({ $0.severity == .error }).prefix(4) { wrapped(StyledText("- " + issue.rule), 2) }
            return
        }
        if !session.hasChanges {
            wrapped(StyledText(edit.writeWorkflow ? "The policy is unchanged: Enter writes only the workflow file." : "Nothing changed yet: Esc goes back to the fields.", style: .foreground(.muted)), 2)
            return
        }
        if !state.criticalRisks.isEmpty {
            wrapped(StyledText("CRITICAL ", style: .foreground(.critical, .bold)) + StyledText("Saving asks you to confirm the risk by name first."), 2)
        }
        let what = edit.writeWorkflow ? " saves the edited policy, then writes the workflow" : " saves the edited policy"
        wrapped(StyledText("Enter", style: .foreground(.accent, .bold)) + StyledText(what + " (atomically; a change made on disk meanwhile stops it)."), 2)
    }
}
