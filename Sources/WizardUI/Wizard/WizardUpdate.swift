import OIDCWizardCore

/// Keys to state changes and commands. Never does I/O: the file system is reached only through `WizardCommand`s.
///
/// The keys (also in the key bar and in `Resources/help/keys.md`):
/// - Tab / Shift-Tab: next / previous field; past the last field of a step, on to the next step.
/// - Enter: next field; in a list, adds what was typed; on the write step, writes.
/// - Esc: closes help or a question; otherwise back one step (on step 1: quit, asking first).
/// - F1 (always) or `?` (except in fields where `?` is a wildcard): help for the focused field; in help, Tab selects
///   a "See also" link, Enter opens it, Backspace goes back (see `HelpOverlay`).
/// - F2 / F3 / F4 (or Ctrl-T to cycle): show the policy, the findings, or who can get in; PgUp/PgDn scroll it.
/// - Ctrl-N / Ctrl-P: expand the next / previous finding; Ctrl-G applies its fix.
/// - Ctrl-S: jump to the write step. Ctrl-C: quit (asks first when nothing was written).
extension WizardState {
    public mutating func update(_ event: ProgramEvent<WizardMessage>) -> [Effect<WizardCommand>] {
        switch event {
        case .resized(let newSize):
            size = newSize
            // Widths only: the height split does not change them.
            let layout = WizardLayout(size: newSize, formRows: 0)
            for id in texts.keys { texts[id]?.visibleWidth = layout.valueWidth }
            for id in lists.keys { lists[id]?.input.visibleWidth = layout.valueWidth - 2 }
            // Rows held at another width say nothing about this one.
            formRowsHold = nil
            return []
        case .message(let message):
            return receive(message)
        case .key(let key):
            // A message answers the key before it: it shows until the next key, which may answer with its own.
            // (A message left up went stale: "no fix to apply" after the finding was gone, a narrowing hint after
            // the list was narrowed.) Keys inside help or a question leave it.
            if dialog == nil, help == nil { status = nil }
            let effects = handle(key)
            recompute()
            settleForm()
            return effects
        }
    }

    // MARK: Messages

    mutating func receive(_ message: WizardMessage) -> [Effect<WizardCommand>] {
        switch message {
        case .inspected(let directory, let existing):
            if directory == outputDirectory { existingFiles = existing }
        case .written(let paths) where edit != nil:
            edit?.workflowWritten = paths.first
            existingFiles = outputPlan?.files.map(\.relativePath)
            status = StatusMessage(kind: .success, text: editDoneText())
        case .written(let paths):
            if let setup = derived.setup {
                written = WrittenFiles(paths: paths, setup: setup, policyPath: derived.policyPath)
            }
            existingFiles = derived.plan?.files.map(\.relativePath)
            status = StatusMessage(kind: .success, text: "Wrote \(paths.count) files. Enter or Ctrl-C quits and prints the next steps.")
        case .writeFailed(let reason):
            status = StatusMessage(kind: .error, text: edit?.saved == nil ? reason : "Saved \(edit?.saved?.written ?? ""), but the workflow was not written: " + reason)
            if let plan = outputPlan { return [.perform(.inspectOutput(directory: outputDirectory, plan: plan))] }
        case .saved(let result):
            edit?.saved = result
            status = StatusMessage(kind: .success, text: editDoneText())
            // The workflow follows only a save that went through.
            if let pending = edit?.pendingWorkflow {
                edit?.pendingWorkflow = nil
                return [.perform(pending)]
            }
        case .saveFailed(let reason):
            // Changed on disk, an older backup, an unwritable directory: said as it is, nothing overwritten.
            edit?.pendingWorkflow = nil
            status = StatusMessage(kind: .error, text: reason)
        }
        return []
    }

    /// "Saved FILE (the old version is in FILE.bak). Wrote .github/workflows/… ." after an edit's write step.
    func editDoneText() -> String {
        var parts: [String] = []
        if let result = edit?.saved {
            var text = "Saved \(result.written)" + (result.backup.map { " (the old version is in \($0))" } ?? "") + "."
            if result.applyCommand != nil { text += " Apply it with the AWS command shown." }
            parts.append(text)
        }
        if let workflow = edit?.workflowWritten { parts.append("Wrote \(workflow).") }
        return (parts + ["Enter or Ctrl-C quits."]).joined(separator: " ")
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> [Effect<WizardCommand>] {
        if dialog != nil { return handleDialog(key) }
        if help != nil { return handleHelp(key) }
        switch key {
        case .interrupt:
            return requestQuit()
        case .function(1):
            openHelp()
            return []
        case .character("?") where !typesQuestionMark:
            openHelp()
            return []
        case .ctrl("s"):
            return go(to: .write)
        case .function(let n) where (2...4).contains(n):
            panel = PanelTab(rawValue: n - 2) ?? .policy
            return []
        case .ctrl("t"):
            panel = PanelTab(rawValue: (panel.rawValue + 1) % PanelTab.allCases.count) ?? .policy
            return []
        case .pageUp, .pageDown:
            if step == .review { scrollReview(key) } else { scrollPanel(key) }
            return []
        case .ctrl("n"), .ctrl("p"):
            selectFinding(forward: key == .ctrl("n"))
            return []
        case .ctrl("g"):
            return applySelectedFix()
        case .escape:
            if let previous = step.previous { return go(to: previous) }
            return requestQuit()
        case .tab:
            return moveFocus(forward: true)
        case .backTab:
            return moveFocus(forward: false)
        default:
            break
        }
        switch step {
        case .review:
            if key == .enter { return go(to: .write) }
            scrollReview(key)
            return []
        case .write where key == .enter:
            if hasWritten { return [.quit(exitCode: Wizard.exitWritten)] }
            return requestWrite(riskAccepted: false)
        case .write where edit != nil && hasWritten:
            return [.bell]
        case .write where edit != nil:
            // Editing: where the policy goes, the workflow toggle and its directory.
            return editFocusedField(key)
        default:
            if let reason = edit?.readOnlyReason {
                status = StatusMessage(kind: .error, text: reason)
                return [.bell]
            }
            return editFocusedField(key)
        }
    }

    /// `?` is typed, not help, in fields where it is a legal wildcard.
    var typesQuestionMark: Bool {
        step != .review && focus.spec.acceptsQuestionMark && FieldSpec.fields(of: step).contains(focus)
    }

    // MARK: Fields

    mutating func editFocusedField(_ key: Key) -> [Effect<WizardCommand>] {
        let spec = focus.spec
        switch spec.kind {
        case .text:
            if focus == .region, !derived.regionSuggestions.isEmpty {
                switch key {
                case .up:
                    regionChoice = max(0, regionChoice - 1)
                    return []
                case .down:
                    regionChoice = min(derived.regionSuggestions.count - 1, regionChoice + 1)
                    return []
                case .enter:
                    // Takes the suggestion and moves on, as Enter does in every other field.
                    texts[.region]?.text = derived.regionSuggestions[min(regionChoice, derived.regionSuggestions.count - 1)]
                    regionChoice = 0
                    return moveFocus(forward: true)
                default:
                    break
                }
            }
            if key == .enter { return moveFocus(forward: true) }
            let before = texts[focus]?.text
            guard texts[focus]?.handle(key) == true else { return [.bell] }
            if focus == .region { regionChoice = 0 }
            if focus == .outputDirectory, texts[focus]?.text != before { return inspectOutput() }
            return []
        case .list:
            switch lists[focus]?.handle(key) ?? .ignored {
            case .edited, .moved: return []
            case .ignored:
                if key == .enter { return moveFocus(forward: true) }
                return [.bell]
            }
        case .choice where focus == .saveTarget:
            switch key {
            case .right, .left, .character(" "):
                edit?.options.patchTemplate.toggle()
                return []
            case .enter: return moveFocus(forward: true)
            default: return [.bell]
            }
        case .choice:
            let all = SetupDraft.FlavorKind.allCases
            let index = all.firstIndex(of: flavorKind) ?? 0
            switch key {
            case .right, .character(" "): flavorKind = all[(index + 1) % all.count]
            case .left: flavorKind = all[(index + all.count - 1) % all.count]
            case .enter: return moveFocus(forward: true)
            default: return [.bell]
            }
            return []
        case .toggle:
            switch key {
            case .character(" "), .left, .right:
                switch focus {
                case .pullRequests: pullRequests.toggle()
                case .writeWorkflow:
                    edit?.writeWorkflow.toggle()
                    if edit?.writeWorkflow == true { return inspectOutput() }
                default: anyContext.toggle()
                }
                return []
            case .enter: return moveFocus(forward: true)
            default: return [.bell]
            }
        }
    }

    /// Tab order: the step's visible fields; past the ends, the neighbouring step.
    mutating func moveFocus(forward: Bool) -> [Effect<WizardCommand>] {
        let fields = visibleFields(of: step)
        leaveField()
        guard let index = fields.firstIndex(of: focus), step != .review else {
            if let target = forward ? step.next : step.previous { return go(to: target, enterAtEnd: !forward) }
            return [.bell]
        }
        let next = index + (forward ? 1 : -1)
        if fields.indices.contains(next) {
            focus = fields[next]
            return []
        }
        if let target = forward ? step.next : step.previous { return go(to: target, enterAtEnd: !forward) }
        return [.bell]
    }

    /// Commits a list's pending entry and forgets its selection when the cursor leaves it.
    mutating func leaveField() {
        lists[focus]?.commitInput()
        lists[focus]?.deselect()
    }

    /// Goes to a step, focusing where the user last was there (or its first field, or its last when going back).
    mutating func go(to target: WizardStep, enterAtEnd: Bool = false) -> [Effect<WizardCommand>] {
        leaveField()
        lastFocus[step] = focus
        step = target
        let fields = visibleFields(of: target)
        if let remembered = lastFocus[target], fields.contains(remembered), !enterAtEnd {
            focus = remembered
        } else if let field = enterAtEnd ? fields.last : fields.first {
            focus = field
        }
        recompute()
        guard target == .write else { return [] }
        if edit != nil {
            // The policy cannot change on the write step: whether it can be patched in is decided once here.
            edit?.checkPatch()
            return edit?.writeWorkflow == true ? inspectOutput() : []
        }
        return inspectOutput()
    }

    mutating func inspectOutput() -> [Effect<WizardCommand>] {
        recompute()
        guard let plan = outputPlan else {
            existingFiles = nil
            return []
        }
        return [.perform(.inspectOutput(directory: outputDirectory, plan: plan))]
    }

    /// After a key: remembers the form's height while the focus stays in one field, so the split between form and
    /// panel holds still as the user types (an issue line that comes and goes under the field, or an entry
    /// removed, would otherwise move the panel on every keystroke; moving to another field lets it follow again),
    /// and where the form is scrolled, so the next scroll starts from there.
    mutating func settleForm() {
        guard step != .review else {
            formRowsHold = nil
            formScroll = 0
            return
        }
        let rows = WizardForm.rows(state: self, layout: WizardLayout(size: size, formRows: 0), glyphs: .unicode)
        if let hold = formRowsHold, hold.step == step, hold.focus == focus {
            formRowsHold?.rows = max(hold.rows, rows.count)
        } else {
            formRowsHold = FormRowsHold(step: step, focus: focus, rows: rows.count)
        }
        let height = WizardLayout(size: size, formRows: max(rows.count, heldFormRows)).form.height
        formScroll = WizardForm.scrollOffset(rows, height: height, previous: formScroll)
    }

    // MARK: Panels and findings

    /// The layout the screen is drawn with now (the splits follow the form and the panels, so it depends on the state).
    var layout: WizardLayout { WizardScreen(state: self, size: size, glyphs: .unicode).layout }

    /// The first line shown in a panel: where the user scrolled it, or for the policy, what matters most.
    /// `policy`: the policy panel as measured for the panel's content width, when `panel` is the policy.
    func panelOffset(_ panel: PanelTab, visibleRows: Int, policy: WizardContent.PolicyPanel?) -> Int {
        if let scroll = panelScroll[panel] { return scroll.offset }
        guard panel == .policy, let policy else { return 0 }
        return WizardContent.defaultPolicyOffset(state: self, panel: policy, visibleRows: visibleRows)
    }

    mutating func scrollPanel(_ key: Key) {
        // One screen for the layout and, side by side, the panel's lines it has measured already.
        let screen = WizardScreen(state: self, size: size, glyphs: .unicode)
        let content = screen.layout.content(for: panel)
        let (lines, policy) = screen.panel(panel, state: self, in: content, glyphs: .unicode)
        var scroll = ScrollState(offset: panelOffset(panel, visibleRows: content.height, policy: policy))
        scroll.handle(key, lineCount: lines.count, visibleRows: content.height)
        panelScroll[panel] = scroll
    }

    mutating func scrollReview(_ key: Key) {
        let layout = self.layout
        let count = WizardContent.reviewLines(state: self, width: layout.reviewContent.width, glyphs: .unicode).count
        reviewScroll.handle(key, lineCount: count, visibleRows: layout.reviewContent.height)
    }

    mutating func selectFinding(forward: Bool) {
        guard !derived.findings.isEmpty else {
            status = StatusMessage(kind: .info, text: derived.policy == nil ? "Findings appear once the setup is complete." : "No findings to expand.")
            return
        }
        let count = derived.findings.count
        if let current = selectedFinding {
            selectedFinding = forward ? (current + 1) % count : (current + count - 1) % count
        } else {
            selectedFinding = forward ? 0 : count - 1
        }
        panel = .findings
        // Keep the expanded finding in view.
        let layout = self.layout
        let content = layout.content(for: .findings)
        let lines = WizardContent.findingLines(state: self, width: content.width, glyphs: .unicode)
        if let start = WizardContent.findingStartLine(state: self, width: content.width) {
            var scroll = panelScroll[.findings] ?? ScrollState()
            scroll.scroll(to: start, lineCount: lines.count, visibleRows: content.height)
            panelScroll[.findings] = scroll
        }
    }

    /// The fix of the expanded finding, if the setup can be changed to apply it.
    public var selectedFix: SetupFix? {
        guard let index = selectedFinding, derived.findings.indices.contains(index) else { return nil }
        return SetupFix.derive(for: derived.findings[index], state: self)
    }

    mutating func applySelectedFix() -> [Effect<WizardCommand>] {
        if let reason = edit?.readOnlyReason {
            status = StatusMessage(kind: .error, text: reason)
            return [.bell]
        }
        guard let fix = selectedFix else {
            status = StatusMessage(kind: .info, text: selectedFinding == nil
                ? "Press Ctrl-N to expand a finding first."
                : "This finding has no fix the wizard can apply; its fix text says what to change.")
            return [.bell]
        }
        leaveField()
        switch fix {
        case .askForOwner:
            step = .github
            focus = .owner
            texts[.owner]?.text = ""
            status = StatusMessage(kind: .info, text: "Type the real owner: the account or organisation that owns the repository.")
        case .askForRepository(let entry):
            step = .github
            focus = .repositories
            lists[.repositories]?.beginEditing(entry)
            status = StatusMessage(kind: .info, text: "Type the repository's real name instead of the wildcard.")
        case .turnOffAnyContext:
            anyContext = false
            if values(.branches).isEmpty, values(.tags).isEmpty, values(.environments).isEmpty, !pullRequests {
                lists[.branches]?.setItems([SetupDraft.defaultBranch])
            }
            step = .access
            focus = .anyContext
            status = StatusMessage(kind: .success, text: "\"Any context\" is off: only the listed rules are trusted.")
        case .turnOffPullRequests:
            pullRequests = false
            step = .access
            focus = .pullRequests
            status = StatusMessage(kind: .success, text: "Pull request runs are no longer trusted.")
        case .focus(let field):
            step = field.spec.step
            focus = field
            status = StatusMessage(kind: .info, text: "Narrow \(field.spec.label) to the names you really use.")
        }
        selectedFinding = nil
        return []
    }

    // MARK: Help

    mutating func openHelp() {
        let topic: String
        switch step {
        case .review: topic = panel == .scenarios ? "scenarios" : "findings"
        default: topic = focus.spec.helpTopic(flavor: flavorKind)
        }
        help = HelpOverlay(topicID: HelpLibrary.topic(topic) == nil ? "keys" : topic)
    }

    mutating func handleHelp(_ key: Key) -> [Effect<WizardCommand>] {
        if key == .interrupt {
            help = nil
            return requestQuit()
        }
        // The help box does not depend on the form: widths and the box only.
        let layout = WizardLayout(size: size, formRows: 0)
        switch help?.handle(key, width: layout.helpTextWidth, visibleRows: layout.helpContent.height) {
        case .close, nil: help = nil
        case .ignored: return [.bell]
        case .handled: break
        }
        return []
    }

    // MARK: Quitting and writing

    /// Whether this run wrote something (the wizard's files; an edit's save or workflow).
    var hasWritten: Bool { written != nil || edit?.saved != nil || edit?.workflowWritten != nil }

    mutating func requestQuit() -> [Effect<WizardCommand>] {
        if hasWritten { return [.quit(exitCode: Wizard.exitWritten)] }
        // Looking at a policy without changing it loses nothing: no question.
        if let edit, !edit.session.hasChanges { return [.quit(exitCode: Wizard.exitNothingWritten)] }
        dialog = .confirmQuit
        return []
    }

    /// The risks that need a second, explicit yes before writing: every critical finding, and a wildcard owner.
    public var criticalRisks: [String] {
        var risks = derived.findings.filter { $0.severity == .critical }.map(\.message)
        if let setup = derived.setup, setup.opensToOtherOwners, risks.isEmpty {
            risks.append("A wildcard in the owner lets repositories of other GitHub accounts assume the role — anyone can create such an account.")
        }
        return risks
    }

    mutating func requestWrite(riskAccepted: Bool) -> [Effect<WizardCommand>] {
        if edit != nil { return requestSave(riskAccepted: riskAccepted) }
        guard derived.setup != nil, derived.plan != nil else {
            let first = derived.resolution.errors.first?.rule ?? "The setup is incomplete."
            status = StatusMessage(kind: .error, text: "Cannot write yet: \(first)")
            return [.bell]
        }
        let risks = criticalRisks
        if !riskAccepted, !risks.isEmpty {
            dialog = .confirmRisk(risks)
            return []
        }
        if let existing = existingFiles, !existing.isEmpty {
            dialog = .confirmReplace(existing)
            return []
        }
        return write(force: false)
    }

    /// Edit mode: saves the edited policy with the write-back rules (in place after a backup, patched into a
    /// template, or next to a role dump with the AWS command), and on request the workflow file exactly as
    /// `generate` writes it — after the save went through, never replacing a file without a yes. Nothing
    /// changed and no workflow asked for ⇒ nothing is written; a critical risk asks first.
    mutating func requestSave(riskAccepted: Bool, replaceAccepted: Bool = false) -> [Effect<WizardCommand>] {
        guard let edit else { return [] }
        guard let policy = edit.session.currentPolicy else {
            let first = edit.session.after.issues.first { $0.severity == .error }?.rule ?? "the fields do not describe a valid policy."
            status = StatusMessage(kind: .error, text: "Cannot save yet: \(first)")
            return [.bell]
        }
        let savesPolicy = edit.session.hasChanges
        guard savesPolicy || edit.writeWorkflow else {
            status = StatusMessage(kind: .info, text: "Nothing changed, so nothing was saved. Esc goes back to the fields; Ctrl-C quits.")
            return [.bell]
        }
        var workflow: WizardCommand?
        if edit.writeWorkflow {
            guard let plan = outputPlan, !plan.files.isEmpty else {
                let first = derived.resolution.errors.first?.rule ?? "the setup is incomplete."
                status = StatusMessage(kind: .error, text: "Cannot write the workflow yet: \(first)")
                return [.bell]
            }
            workflow = .writeFiles(directory: outputDirectory, plan: plan, force: replaceAccepted)
        }
        if savesPolicy, edit.patchesTemplate, let reason = edit.patchRefusal {
            status = StatusMessage(kind: .error, text: "Cannot patch the template: \(reason). Left/Right on \"Save to\" chooses the side file.")
            return [.bell]
        }
        let risks = criticalRisks
        if savesPolicy, !riskAccepted, !risks.isEmpty {
            dialog = .confirmRisk(risks)
            return []
        }
        if workflow != nil, !replaceAccepted, let existing = existingFiles, !existing.isEmpty {
            dialog = .confirmReplace(existing)
            return []
        }
        guard savesPolicy else { return workflow.map { [.perform($0)] } ?? [] }
        self.edit?.pendingWorkflow = workflow
        var options = edit.options
        options.patchTemplate = edit.patchesTemplate
        return [.perform(.saveEdit(EditSave(policy: policy, roleIndex: edit.session.roleIndex,
                                            source: edit.session.source, options: options)))]
    }

    mutating func write(force: Bool) -> [Effect<WizardCommand>] {
        guard let plan = derived.plan else { return [] }
        return [.perform(.writeFiles(directory: outputDirectory, plan: plan, force: force))]
    }

    mutating func handleDialog(_ key: Key) -> [Effect<WizardCommand>] {
        guard let current = dialog else { return [] }
        let yes = key == .character("y") || key == .character("Y")
        let no = key == .character("n") || key == .character("N") || key == .escape
        switch current {
        case .confirmQuit:
            if yes || key == .interrupt { return [.quit(exitCode: Wizard.exitNothingWritten)] }
            if no { dialog = nil }
        case .confirmRisk:
            if yes {
                dialog = nil
                return requestWrite(riskAccepted: true)
            }
            if no || key == .interrupt {
                dialog = nil
                status = StatusMessage(kind: .info, text: "Nothing written. Ctrl-N shows the findings; Ctrl-G applies a fix.")
            }
        case .confirmReplace:
            if yes {
                dialog = nil
                if edit != nil { return requestSave(riskAccepted: true, replaceAccepted: true) }
                return write(force: true)
            }
            if no || key == .interrupt {
                dialog = nil
                status = StatusMessage(kind: .info, text: "Nothing written. Choose another directory, or press Enter again to replace.")
            }
        }
        return []
    }
}
