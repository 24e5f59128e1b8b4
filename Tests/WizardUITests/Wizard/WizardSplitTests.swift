import Testing
import OIDCWizardCore
@testable import WizardUI

/// Stacked (below 120 columns), the form gets the rows it needs and the panel the rest, down to a minimum; a form
/// taller than its share scrolls inside, keeping the focused field in view.
@Suite("Wizard: the split between form and panel follows the form")
struct WizardSplitTests {
    static let branches = ["release/*", "hotfix/*", "staging", "feature/a", "feature/b", "feature/c", "dev", "qa", "perf", "canary", "beta", "nightly", "docs", "demo"]

    /// Step 2 with the branch list focused and `count` extra branches typed in.
    static func manyBranches(_ count: Int = branches.count, size: Size = WizardDriving.small) -> ProgramDriver<Wizard> {
        var driver = WizardDriving.start(WizardDriving.completeDraft, size: size)
        driver.send(Array(repeating: .tab, count: 5))
        driver.type(branches.prefix(count).map { $0 + "\n" }.joined())
        return driver
    }

    /// The rows of the form as drawn now.
    static func formRows(_ driver: ProgramDriver<Wizard>) -> [FormRow] {
        WizardScreen(state: driver.state, size: driver.size, glyphs: .unicode).formRows
    }

    @Test("A short form gets just its rows; the panel box starts right under it and takes the rest", arguments: [
        Size(width: 80, height: 24), Size(width: 100, height: 40),
    ])
    func shortForm(size: Size) {
        var driver = WizardDriving.start(WizardDriving.completeDraft, size: size)
        driver.send(Array(repeating: .tab, count: 14))
        #expect(driver.state.step == .aws)
        let layout = driver.state.layout
        let rows = Self.formRows(driver).count
        #expect(layout.form.height == rows, "no empty rows under the form")
        let box = layout.box(for: .policy)
        #expect(box.y == layout.form.maxY)
        #expect(box.maxY == layout.body.maxY)
        #expect(box.height > layout.body.height * 55 / 100, "the panel has more than the old fixed share")
    }

    @Test("A long list: the panel keeps its minimum, the form scrolls, the focused input line and the next field show")
    func longList() {
        let driver = Self.manyBranches()
        let layout = driver.state.layout
        #expect(layout.box(for: .policy).height == WizardLayout.minimumPanelHeight)
        #expect(layout.form.maxY == layout.box(for: .policy).y, "form and panel do not overlap")
        let rows = Self.formRows(driver)
        #expect(rows.count > layout.form.height)
        let screen = driver.frame.lines
        let form = screen[layout.form.y..<layout.form.maxY].joined(separator: "\n")
        #expect(form.contains("add another (Enter), or Tab to move on"), "the input line is in view")
        #expect(form.contains("• demo"), "the last entry is in view")
        #expect(!form.contains("• staging"), "the list's first entries scrolled away")
        #expect(screen[layout.form.y].contains("Branches"), "its label stays on the top row")
        #expect(screen[layout.form.y].hasSuffix(String(GlyphSet.unicode.arrowUp)), "an arrow says there is more above")
        #expect(screen[layout.form.maxY - 1].hasSuffix(String(GlyphSet.unicode.arrowDown)), "and more below")
    }

    @Test("Selecting an entry above the visible rows scrolls it into view")
    func selectedEntryStaysVisible() {
        var driver = Self.manyBranches()
        let count = driver.state.list(.branches)?.items.count ?? 0
        driver.send(Array(repeating: .up, count: count))
        #expect(driver.state.list(.branches)?.selection == 0)
        let layout = driver.state.layout
        let form = driver.frame.lines[layout.form.y..<layout.form.maxY]
        #expect(form.first?.contains("Branches         • main") == true, "the first entry, with the label, on top")
        driver.send(.down)
        #expect(driver.frame.lines[layout.form.y].contains("• main"), "moving down inside the view does not scroll it")
        driver.send(Array(repeating: .down, count: count))
        let bottom = driver.frame.lines[layout.form.maxY - 1]
        #expect(bottom.contains("add another (Enter)"), "back on the input line, the view follows it down")
    }

    @Test("The scroll offset: the whole focused field when it fits, else its cursor, moving as little as possible")
    func scrollOffset() {
        func row(_ focused: Bool, cursor: Bool = false, selected: Bool = false) -> FormRow {
            FormRow(label: .empty, content: .text(.empty), isFocused: focused,
                    highlight: selected ? .background(.selection) : nil, isCursor: cursor)
        }
        let above = Array(repeating: row(false), count: 6)
        let field = [row(true), row(true), row(true, cursor: true), row(true)]
        let below = Array(repeating: row(false), count: 6)
        #expect(WizardForm.scrollOffset(above + field + below, height: 30) == 0, "everything fits")
        #expect(WizardForm.scrollOffset(field + below, height: 5) == 0, "the field is already in view")
        #expect(WizardForm.scrollOffset(above + field + below, height: 5) == 5, "as low as needed to show the field")
        #expect(WizardForm.scrollOffset(above + field + below, height: 5, previous: 2) == 5)
        #expect(WizardForm.scrollOffset(above + field + below, height: 5, previous: 11) == 6, "as high as needed")
        #expect(WizardForm.scrollOffset(above + field + below, height: 3) == 7, "too tall: the input line and its issue")
        let top = [row(true, cursor: true)] + Array(repeating: row(true), count: 5)
        #expect(WizardForm.scrollOffset(above + top + below, height: 3, previous: 9) == 6, "too tall, cursor on top: from the cursor")
        // A long list with its fourth entry selected: the view moves only when the selection leaves it.
        let list = (0..<8).map { row(true, cursor: $0 == 4, selected: $0 == 4) }
        #expect(WizardForm.scrollOffset(above + list + below, height: 3, previous: 9) == 9, "still in view: no move")
        #expect(WizardForm.scrollOffset(above + list + below, height: 3, previous: 0) == 8, "from above: at the bottom")
        #expect(WizardForm.scrollOffset(above + list + below, height: 3, previous: 12) == 10, "from below: at the top")
        #expect(WizardForm.scrollOffset(above + below, height: 3, previous: 4) == 0, "no focus: from the top")
    }

    @Test("While typing in one field the split holds still; moving to another field lets it follow")
    func splitHoldsWhileTyping() {
        var driver = WizardDriving.start(WizardDriving.completeDraft)
        driver.send(Array(repeating: .tab, count: 13))
        #expect(driver.state.focus == .accountID)
        let before = driver.state.layout.form.height
        driver.send(.ctrl("u"))
        driver.type("12x")
        let invalid = driver.state.layout.form.height
        #expect(invalid > before, "the rule the field breaks is shown under it")
        driver.send([.backspace, .backspace, .backspace])
        driver.type("123456789012")
        #expect(Self.formRows(driver).count < invalid)
        #expect(driver.state.layout.form.height == invalid, "the panel did not jump back while typing")
        driver.send(.tab)
        #expect(driver.state.layout.form.height == Self.formRows(driver).count, "after Tab it follows the form again")
    }

    @Test("From 120 columns the form has the whole left column, however short", arguments: [0, 9])
    func wideKeepsColumns(_ extra: Int) {
        let driver = Self.manyBranches(extra, size: WizardDriving.large)
        let layout = driver.state.layout
        #expect(layout.isWide)
        #expect(layout.form.height == layout.body.height)
    }

    @Test("Side by side, the three boxes share the column by what they hold")
    func stackHeights() {
        // Everything fits: each box its need, the rest to the policy.
        #expect(WizardLayout.stackHeights(total: 37, needs: [20, 4, 12]) == [20, 5, 12])
        #expect(WizardLayout.stackHeights(total: 37, needs: [10, 4, 6]) == [26, 5, 6])
        // Nothing fits: the room beyond the minimums (6, 5, 5) by weight 2:1:1.
        #expect(WizardLayout.stackHeights(total: 37, needs: [60, 30, 30]) == [17, 10, 10])
        // A short findings list gives its rows to the table of who can get in.
        #expect(WizardLayout.stackHeights(total: 37, needs: [60, 4, 12]) == [20, 5, 12])
        // Below the minimums they shrink from the last, never to nothing.
        #expect(WizardLayout.stackHeights(total: 10, needs: [60, 30, 30]) == [6, 3, 1])
        for total in 16...80 {
            for needs in [[3, 3, 3], [40, 3, 12], [8, 30, 5], [100, 100, 100]] {
                let heights = WizardLayout.stackHeights(total: total, needs: needs)
                #expect(heights.reduce(0, +) == total, "the boxes tile the column at \(total) for \(needs)")
                #expect(zip(heights, WizardLayout.panelMinimums).allSatisfy { $0 >= $1 })
                for index in 1...2 { #expect(heights[index] <= max(needs[index], WizardLayout.panelMinimums[index])) }
            }
        }
    }

    @Test("At 120x40 the whole table of who can get in shows beside a short findings list")
    func wideTableWhole() {
        let driver = WizardDriving.start(WizardDriving.completeDraft, size: WizardDriving.large)
        let layout = driver.state.layout
        let content = layout.content(for: .scenarios)
        let lines = WizardContent.panelLines(.scenarios, state: driver.state, width: content.width, glyphs: .unicode)
        #expect(content.height == lines.count, "every row of the table, no empty rows")
        #expect(layout.box(for: .findings).height == WizardLayout.panelMinimums[1])
        #expect(layout.box(for: .policy).maxY == layout.box(for: .findings).y)
        #expect(layout.box(for: .scenarios).maxY == layout.body.maxY)
    }

    @Test("Step 2 with many branches at 80x24: the form scrolled to the focused list, the panel at its minimum")
    func manyEntriesSnapshot() {
        Golden.assertFrame(Self.manyBranches().frame, matches: "wizard-step2-many-80x24", styles: true)
    }

    @Test("A focused list taller than the form keeps its label on the top row while its first entries are scrolled away")
    func longListKeepsItsLabel() throws {
        let driver = Self.manyBranches()
        let rows = Self.formRows(driver)
        let focused = rows.firstIndex { $0.isFocused }
        let fieldStart = try #require(focused)
        let area = driver.state.layout.form
        let offset = WizardForm.scrollOffset(rows, height: area.height, previous: driver.state.formScroll)
        try #require(offset > fieldStart, "the list's first row is scrolled out of the form")
        let label = rows[fieldStart].label.plainText
        #expect(driver.frame.line(area.y).dropFirst(area.x).hasPrefix(label), "\(driver.frame.line(area.y))")
        #expect(driver.frame.lines.filter { $0.contains(label) }.count == 1, "shown once, on the top row")
    }

    @Test("Step 3 at 80x24: a short form, a tall panel")
    func awsStepSnapshot() {
        var driver = WizardDriving.start(WizardDriving.completeDraft)
        driver.send(Array(repeating: .tab, count: 14))
        Golden.assertFrame(driver.frame, matches: "wizard-step3-80x24", styles: true)
    }
}

/// Small things at 80x24 that were cut off.
@Suite("Wizard: nothing cut off at 80x24")
struct WizardNarrowScreenTests {
    @Test("Region suggestions: Up/Down to the last one keeps the chosen suggestion whole on the screen")
    func suggestionsFollowTheChoice() throws {
        var driver = WizardDriving.start(WizardDriving.completeDraft)
        driver.send(Array(repeating: .tab, count: 14))
        #expect(driver.state.focus == .region)
        driver.send(.ctrl("u"))
        driver.type("eu-")
        let names = driver.state.derived.regionSuggestions
        try #require(names.count > 4)
        let row = try #require(driver.frame.lines.firstIndex { $0.contains("Enter takes") })
        #expect(!driver.frame.line(row).contains(names.last!), "the last suggestion is out of sight at first")
        for index in 1..<names.count {
            driver.send(.down)
            #expect(driver.state.regionChoice == index)
            let line = driver.frame.line(row)
            #expect(line.contains(names[index] + " ") || line.hasSuffix(names[index]), "\(names[index]) is whole: \(line)")
        }
        #expect(driver.frame.line(row).contains(String(GlyphSet.unicode.ellipsis) + " "), "an ellipsis says some were skipped")
        driver.send(.enter)
        #expect(driver.state.text(.region) == names.last)
    }

    @Test("After writing, the files are listed relative to the directory, whole, and the status line fits")
    func writtenSummaryFits() throws {
        let directory = try WizardDriving.temporaryDirectory() + "/a-rather-long-directory-name-for-the-infrastructure"
        var driver = WizardDriving.start(WizardDriving.completeDraft, out: directory)
        driver.sendPerforming([.ctrl("s"), .enter])
        #expect(driver.state.written != nil)
        #expect(driver.screen.contains("✓ trust-policy.json"))
        #expect(driver.screen.contains("✓ .github/workflows/aws-oidc.yml"))
        let status = driver.frame.line(WizardDriving.small.height - 2)
        #expect(status.hasSuffix("prints the next steps."), "the status line is whole: \(status)")
    }
}
