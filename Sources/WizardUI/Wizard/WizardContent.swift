import OIDCWizardCore

/// The text of the panels and the review page, laid out for a width. Used by `render` to draw and by `update` to
/// know how far a page can scroll, so both count the same lines.
enum WizardContent {
    static let gutter = 2

    static func panelLines(_ panel: PanelTab, state: WizardState, width: Int, glyphs: GlyphSet) -> [StyledText] {
        switch panel {
        case .policy: policyLines(state: state, width: width)
        case .findings: findingLines(state: state, width: width, glyphs: glyphs)
        case .scenarios: scenarioLines(state: state, width: width, glyphs: glyphs, wrap: false)
        }
    }

    static func severityStyle(_ severity: Severity) -> Style {
        switch severity {
        case .critical: .foreground(.critical, .bold)
        case .high: .foreground(.high, .bold)
        case .medium: .foreground(.medium, .bold)
        case .low: .foreground(.low, .bold)
        case .info: .foreground(.info, .bold)
        }
    }

    /// The gutter of a line no finding points at.
    static let blankGutter = StyledText("  ")

    /// The letter in the policy gutter for a line a finding points at.
    static func gutterMark(_ severity: Severity) -> StyledText {
        StyledText(String(severity.label.first!) + " ", style: severityStyle(severity))
    }

    // MARK: Policy

    /// The policy with a two-column gutter marking the lines findings point at; before the setup is complete, what
    /// still blocks it.
    static func policyLines(state: WizardState, width: Int) -> [StyledText] {
        policyPanel(state: state, width: width).lines
    }

    /// The policy panel's lines, with the row where each preview line begins (after the placeholder note): the
    /// frame draws the lines and scrolls by the rows, measured once.
    static func policyPanel(state: WizardState, width: Int) -> PolicyPanel {
        guard state.derived.policy != nil else { return PolicyPanel(lines: blockingLines(state: state, width: width), starts: []) }
        let note = placeholderNote(state: state, width: width)
        let layout = policyLayout(state: state, width: width)
        return PolicyPanel(lines: note + layout.lines, starts: note.isEmpty ? layout.starts : layout.starts.map { $0 + note.count })
    }

    struct PolicyPanel: Sendable {
        var lines: [StyledText]
        /// `starts[i]`: the row where preview line `i` begins.
        var starts: [Int]
    }

    /// Until step 3 is filled in, the preview uses stand-in AWS values; say which, so nobody copies them.
    static func placeholderNote(state: WizardState, width: Int) -> [StyledText] {
        let placeholders = state.derived.placeholders
        guard !placeholders.isEmpty else { return [] }
        return TextWrapping.wrap("Preview with placeholders until step 3 (AWS): " + placeholders.joined(separator: ", ") + ".",
                                 width: width, style: .foreground(.muted))
    }

    /// The policy lines for a width: a line too long for it continues on the next row, indented under its value
    /// (a subject is never cut off). `starts[i]` is the row where preview line `i` begins.
    static func policyLayout(state: WizardState, width: Int) -> (lines: [StyledText], starts: [Int]) {
        var lines: [StyledText] = []
        var starts: [Int] = []
        let room = max(1, width - gutter)
        lines.reserveCapacity(state.derived.preview.lines.count)
        for line in state.derived.preview.lines {
            starts.append(lines.count)
            let mark = line.marker.map(gutterMark) ?? blankGutter
            if !line.text.isWider(than: room) {
                lines.append(mark + line.text)
            } else {
                lines += wrapped(line.text, room: room).map { mark + $0 }
            }
        }
        return (lines, starts)
    }

    /// A preview line too wide for `room` columns, as rows: each continuation indented under its value.
    private static func wrapped(_ text: StyledText, room: Int) -> [StyledText] {
        let indent = text.plainText.prefix { $0 == " " }.count + 4
        return TextWrapping.wrap(text, width: room, continuationIndent: indent)
    }

    static func blockingLines(state: WizardState, width: Int) -> [StyledText] {
        var lines = TextWrapping.wrap("The trust policy appears here as soon as these are filled in:", width: width, style: .foreground(.muted))
        // Editing: only what blocks the edited statement (a trust policy names no region, for one).
        let errors = state.edit.map { $0.session.after.issues.filter { $0.severity == .error } } ?? state.derived.resolution.errors
        for issue in errors {
            lines += TextWrapping.wrap(StyledText("- ", style: .foreground(.muted)) + StyledText(issue.rule), width: width, continuationIndent: 2)
        }
        return lines
    }

    /// Where the policy panel starts when the user has not scrolled it: if the whole policy does not fit, at the
    /// worst line a finding points at, else at the conditions — the part that decides who gets in.
    /// `panel` is the policy panel as measured for the width it is drawn in (`policyPanel(state:width:)`).
    static func defaultPolicyOffset(state: WizardState, panel: PolicyPanel, visibleRows: Int) -> Int {
        let preview = state.derived.preview.lines
        let (lineCount, starts) = (panel.lines.count, panel.starts)
        guard lineCount > visibleRows, !preview.isEmpty else { return 0 }
        let worst = preview.indices.filter { preview[$0].marker != nil }
            .max { (preview[$0].marker ?? .info, -$0) < (preview[$1].marker ?? .info, -$1) }
        let condition = preview.firstIndex { $0.path.hasSuffix(".Condition") }
        guard let target = worst ?? condition else { return 0 }
        let offset = min(max(0, starts[target] - 1), ScrollState.maximumOffset(lineCount: lineCount, visibleRows: visibleRows))
        // Near the end the offset can land inside a wrapped policy line (its first row shows only a tail such as
        // `rcontent.com"`): start at that line's first row instead, while the target stays whole in view.
        guard let lineStart = starts.last(where: { $0 <= offset }), lineStart < offset else { return offset }
        let targetEnd = (target + 1 < starts.count ? starts[target + 1] : lineCount) - 1
        return targetEnd < lineStart + visibleRows ? lineStart : offset
    }

    // MARK: Findings

    static func findingHeadline(_ finding: Finding) -> StyledText {
        StyledText(headlineSpans(finding))
    }

    /// The severity word padded to a column (the words are ASCII) and the message, after `pointer` if given: one
    /// array for the whole line (every finding's line is put together on every frame).
    private static func headlineSpans(_ finding: Finding, after pointer: Span? = nil) -> [Span] {
        var spans: [Span] = []
        spans.reserveCapacity(3)
        if let pointer { spans.append(pointer) }
        let word = finding.severity.label
        spans.append(Span(word + String(repeating: " ", count: max(1, 9 - word.utf8.count)), style: severityStyle(finding.severity)))
        spans.append(Span(finding.message))
        return spans
    }

    /// One line per finding; the expanded one (Ctrl-N/Ctrl-P) with its why, its fix and the fix Ctrl-G applies.
    static func findingLines(state: WizardState, width: Int, glyphs: GlyphSet) -> [StyledText] {
        let derived = state.derived
        guard derived.policy != nil else {
            return TextWrapping.wrap("Findings appear once the setup is complete.", width: width, style: .foreground(.muted))
        }
        guard !derived.findings.isEmpty else {
            return TextWrapping.wrap(StyledText(String(glyphs.check) + " ", style: .foreground(.ok, .bold))
                + StyledText("No findings: the policy lets in only the runs you listed.", style: .foreground(.ok)), width: width, continuationIndent: 2)
        }
        var lines: [StyledText] = []
        lines.reserveCapacity(derived.findings.count)
        let unselected = Span("  ", style: .foreground(.accent, .bold))
        for (index, finding) in derived.findings.enumerated() {
            let expanded = index == state.selectedFinding
            let pointer = expanded ? Span(String(glyphs.pointer) + " ", style: .foreground(.accent, .bold)) : unselected
            let line = StyledText(headlineSpans(finding, after: pointer))
            if expanded {
                lines += TextWrapping.wrap(line, width: width, continuationIndent: 11)
                lines += detail(finding, state: state, width: width)
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// Where the selected finding starts in `findingLines` (for scrolling it into view).
    static func findingStartLine(state: WizardState, width: Int) -> Int? {
        guard let selected = state.selectedFinding else { return nil }
        return selected
    }

    static func detail(_ finding: Finding, state: WizardState, width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        if let fix = SetupFix.derive(for: finding, state: state) {
            lines += TextWrapping.wrap(StyledText("Ctrl-G: ", style: .foreground(.accent, .bold)) + StyledText(fix.description, style: .foreground(.accent)),
                                       width: width - 4, continuationIndent: 8)
        }
        lines += TextWrapping.wrap(StyledText("Why: ", style: .bold) + StyledText(finding.why), width: width - 4, continuationIndent: 5)
        lines += TextWrapping.wrap(StyledText("Fix: ", style: .bold) + StyledText(finding.fix), width: width - 4, continuationIndent: 5)
        return lines.map { StyledText("    ") + $0 }
    }

    // MARK: Scenarios

    /// The "who can get in" table: allowed (check) or denied (cross), the run, and — denied or surprising — why:
    /// in a few words on one line each (`wrap` false, the live panel), or in full, wrapped (the review page).
    static func scenarioLines(state: WizardState, width: Int, glyphs: GlyphSet, wrap: Bool) -> [StyledText] {
        let derived = state.derived
        guard derived.policy != nil else {
            return TextWrapping.wrap("The table of who can and cannot assume the role appears once the setup is complete.", width: width, style: .foreground(.muted))
        }
        guard !derived.scenarios.isEmpty else {
            return TextWrapping.wrap("No scenarios to show.", width: width, style: .foreground(.muted))
        }
        var lines: [StyledText] = []
        lines.reserveCapacity(derived.scenarios.count)
        // The marks are the same for every row; each row's spans go into one array.
        let allowed = Span(String(glyphs.check) + " allowed ", style: .foreground(.ok, .bold))
        let denied = Span(String(glyphs.cross) + " denied  ", style: .foreground(.denied, .bold))
        let surprise = Span("! ", style: .foreground(.critical, .bold))
        let unsurprising = Span("  ")
        for row in derived.scenarios {
            var spans: [Span] = []
            spans.reserveCapacity(4)
            spans.append(row.isSurprise ? surprise : unsurprising)
            spans.append(row.allowed ? allowed : denied)
            spans.append(Span(row.label, style: row.isSurprise ? .bold : .plain))
            if !row.allowed || row.isSurprise || wrap {
                spans.append(Span(" - " + (wrap ? Self.shortened(row.reason) : row.briefReason), style: .foreground(.muted)))
            }
            let line = StyledText(spans)
            if wrap {
                lines += TextWrapping.wrap(line, width: width, continuationIndent: 12)
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// The most of a row's full reason the review page shows. A policy of a thousand statements gives a reason that
    /// names each statement that does not apply; wrapping all of it for every row on every frame froze the editor.
    static let maxReasonCharacters = 1_000

    /// `reason`, cut at a word before `maxReasonCharacters` with a pointer to the whole of it.
    static func shortened(_ reason: String) -> String {
        // Bytes first: a reason of fewer bytes has fewer characters, and counting bytes costs nothing.
        guard reason.utf8.count > maxReasonCharacters else { return reason }
        var cut = reason.prefix(maxReasonCharacters)
        guard cut.endIndex < reason.endIndex else { return reason }  // long in bytes, not in characters
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + " … (the whole reason: oidc-wizard simulate with this run's claims)"
    }

    // MARK: Review

    static func heading(_ text: String) -> StyledText { StyledText(text, style: .foreground(.accent, .bold)) }

    /// The review page: the full policy, every finding expanded, the whole scenario table, the AWS CLI next steps.
    static func reviewLines(state: WizardState, width: Int, glyphs: GlyphSet) -> [StyledText] {
        if let edit = state.edit { return editReviewLines(edit, state: state, width: width, glyphs: glyphs) }
        let derived = state.derived
        var lines: [StyledText] = []
        guard let setup = derived.setup else {
            lines.append(heading("Not ready yet"))
            lines += blockingLines(state: state, width: width)
            return lines
        }
        lines.append(heading("Trust policy") + StyledText("  (\(GeneratedFiles.trustPolicyPath), role \(setup.roleName) in \(setup.accountID))", style: .foreground(.muted)))
        lines += policyLines(state: state, width: width)
        lines.append(.empty)
        lines += findingAndScenarioLines(state: state, width: width, glyphs: glyphs)
        lines.append(.empty)
        lines.append(heading("Next steps") + StyledText("  (run with AWS credentials for account \(setup.accountID))", style: .foreground(.muted)))
        for (index, step) in derived.nextSteps.enumerated() {
            lines += TextWrapping.wrap(StyledText("\(index + 1). ", style: .bold) + StyledText(step.title, style: .bold), width: width, continuationIndent: 3)
            lines += TextWrapping.wrap(step.explanation, width: width - 3, style: .foreground(.muted)).map { StyledText("   ") + $0 }
            lines += TextWrapping.wrap(step.command, width: width - 5, continuationIndent: 2).map { StyledText("     ") + $0.patched(with: .foreground(.jsonString)) }
        }
        return lines
    }

    /// Every finding expanded, then the whole "who can get in" table.
    static func findingAndScenarioLines(state: WizardState, width: Int, glyphs: GlyphSet) -> [StyledText] {
        var lines: [StyledText] = []
        let findings = state.derived.findings
        lines.append(heading("Findings") + StyledText(findings.isEmpty ? "  none" : "  \(findings.count)", style: .foreground(.muted)))
        if findings.isEmpty {
            lines += findingLines(state: state, width: width, glyphs: glyphs)
        }
        for finding in findings {
            lines += TextWrapping.wrap(findingHeadline(finding), width: width, continuationIndent: 9)
            lines += TextWrapping.wrap(StyledText("Why: ", style: .bold) + StyledText(finding.why), width: width - 4, continuationIndent: 5).map { StyledText("    ") + $0 }
            lines += TextWrapping.wrap(StyledText("Fix: ", style: .bold) + StyledText(finding.fix), width: width - 4, continuationIndent: 5).map { StyledText("    ") + $0 }
        }
        lines.append(.empty)
        lines.append(heading("Who can get in"))
        lines += scenarioLines(state: state, width: width, glyphs: glyphs, wrap: true)
        return lines
    }

    // MARK: Editing

    /// The review page of an edit: what the edit changes (the policy diff and the runs whose decision changes),
    /// then the findings and who can get in, then the whole policy as it will be saved. Before any change, all
    /// of it describes the policy as it is.
    static func editReviewLines(_ edit: EditContext, state: WizardState, width: Int, glyphs: GlyphSet) -> [StyledText] {
        let session = edit.session
        var lines: [StyledText] = []
        lines += TextWrapping.wrap(heading("Editing ") + StyledText(edit.title, style: .bold), width: width, continuationIndent: 2)
        if let reason = edit.readOnlyReason {
            lines += TextWrapping.wrap(reason, width: width, style: .foreground(.medium))
        }
        lines.append(.empty)
        if session.hasChanges {
            let diff = session.policyDiff
            lines.append(heading("Changes to the policy") + StyledText("  +\(diff.addedCount) -\(diff.removedCount) lines", style: .foreground(.muted)))
            for line in diff.unified(beforeName: "as read", afterName: "edited").split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                let style: Style = line.hasPrefix("+") ? .foreground(.ok) : (line.hasPrefix("-") ? .foreground(.denied) : .foreground(.muted))
                lines += TextWrapping.wrap(StyledText(String(line), style: style), width: width, continuationIndent: 4)
            }
            lines.append(.empty)
            let changes = session.scenarioDiff?.changes ?? []
            lines.append(heading("Who can get in: what changes") + StyledText(changes.isEmpty ? "  nothing" : "  \(changes.count)", style: .foreground(.muted)))
            if changes.isEmpty {
                lines += TextWrapping.wrap("No run in the table is decided differently.", width: width, style: .foreground(.muted))
            }
            for change in changes {
                let opened = change.after.isAllowed
                let good = opened == (change.actor == .intended)
                let mark = StyledText(String(good ? glyphs.check : glyphs.cross) + " ", style: .foreground(good ? .ok : .critical, .bold))
                lines += TextWrapping.wrap(mark + StyledText(change.line), width: width, continuationIndent: 2)
            }
            lines.append(.empty)
        } else if session.currentPolicy != nil {
            lines += TextWrapping.wrap("The policy as it is. Esc goes back to the fields; the changes appear here as you edit.", width: width, style: .foreground(.muted))
            lines.append(.empty)
        }
        // What is wrong and who can get in first: that is what the user opened the file to see.
        lines += findingAndScenarioLines(state: state, width: width, glyphs: glyphs)
        lines.append(.empty)
        lines.append(heading(session.hasChanges ? "Trust policy, edited" : "Trust policy")
            + StyledText("  (muted statements are kept as they are)", style: .foreground(.muted)))
        lines += policyLines(state: state, width: width)
        return lines
    }
}
