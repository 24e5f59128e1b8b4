/// The screen arranged for a state: the layout, which depends on what the form and (side by side) the panels hold,
/// with the form rows and panel lines it was measured with, so drawing shows exactly what was measured. `update`
/// uses the same arrangement for scrolling, so both always agree.
struct WizardScreen: Sendable {
    let layout: WizardLayout
    let formRows: [FormRow]
    /// Side by side only: each panel's lines at its content width (stacked, the one panel box is drawn alone).
    let panelLines: [PanelTab: [StyledText]]
    /// Side by side only: the policy panel's lines (also in `panelLines`) with where each preview line begins, for
    /// its scroll offset.
    let policy: WizardContent.PolicyPanel?

    init(state: WizardState, size: Size, glyphs: GlyphSet) {
        // Widths do not depend on the heights being decided, so the rows and lines are measured once, with a
        // provisional layout.
        let provisional = WizardLayout(size: size, formRows: 0)
        guard state.step != .review else {
            // The review step has no form or panels: it uses the whole body.
            layout = provisional
            formRows = []
            panelLines = [:]
            policy = nil
            return
        }
        formRows = WizardForm.rows(state: state, layout: provisional, glyphs: glyphs)
        var lines: [PanelTab: [StyledText]] = [:]
        var policy: WizardContent.PolicyPanel?
        if provisional.isWide {
            for panel in PanelTab.allCases {
                let width = provisional.content(for: panel).width
                if panel == .policy {
                    policy = WizardContent.policyPanel(state: state, width: width)
                    lines[panel] = policy?.lines
                } else {
                    lines[panel] = WizardContent.panelLines(panel, state: state, width: width, glyphs: glyphs)
                }
            }
        }
        panelLines = lines
        self.policy = policy
        layout = WizardLayout(size: size, formRows: max(formRows.count, state.heldFormRows), panelLines: lines.mapValues(\.count))
    }

    /// A panel's lines for its `content` rectangle, measured already when side by side (else here), and for the
    /// policy where each preview line begins: what drawing a panel and scrolling it both need, from one place.
    /// Lines that do not all fit are wrapped again one column narrower, because the scroll bar takes the last
    /// column (`ScrollView`): wrapped for the whole width, every wrapped row would lose its last character there.
    func panel(_ panel: PanelTab, state: WizardState, in content: Rect, glyphs: GlyphSet) -> (lines: [StyledText], policy: WizardContent.PolicyPanel?) {
        let measured = lines(panel, state: state, width: content.width, glyphs: glyphs, measured: true)
        guard measured.lines.count > content.height, content.width > 1 else { return measured }
        return lines(panel, state: state, width: content.width - 1, glyphs: glyphs, measured: false)
    }

    private func lines(_ panel: PanelTab, state: WizardState, width: Int, glyphs: GlyphSet,
                       measured: Bool) -> (lines: [StyledText], policy: WizardContent.PolicyPanel?) {
        if panel == .policy {
            let policy = (measured ? self.policy : nil) ?? WizardContent.policyPanel(state: state, width: width)
            return (policy.lines, policy)
        }
        return ((measured ? panelLines[panel] : nil) ?? WizardContent.panelLines(panel, state: state, width: width, glyphs: glyphs), nil)
    }
}
