/// Where everything goes for a screen size. One function of the size, used by `update` (to size text fields and
/// page scrolling) and by `render`, so both always agree.
///
/// Below 120 columns the form sits on top and the three panels share one box below it, switched with F2/F3/F4 (or
/// Ctrl-T); from 120 columns the form is on the left and all three panels are stacked on the right. The minimum is
/// 80×24; below it the driver shows the too-small screen.
///
/// Stacked, the split follows the form: it gets the rows it needs (`formRows`) and the panel the rest, but the panel
/// keeps at least `minimumPanelHeight` (or two fifths of the body on a taller screen), so the policy, its findings
/// and who can get in stay readable while a long list is edited; a form taller than its share scrolls, keeping the
/// focused field in view (see `WizardView.drawForm`). A fixed share would waste rows under a short form (the AWS
/// step) and cut a long one (many branches). Side by side, the three panel boxes share the right-hand column the
/// same way, by the lines each holds (see `stackHeights`).
public struct WizardLayout: Hashable, Sendable {
    public static let minimumSize = Size(width: 80, height: 24)
    /// From this width the panels are all visible beside the form.
    public static let wideWidth = 120
    /// Columns before a field's value: the focus pointer, the label, a gap.
    public static let labelColumns = 19
    /// The least the stacked panel box gets (borders included): a few policy lines or one expanded finding.
    public static let minimumPanelHeight = 9

    public let size: Size
    public let isWide: Bool
    public let stepBar: Rect
    public let status: Rect
    public let keyBar: Rect
    /// Between the step bar and the status line.
    public let body: Rect
    public let form: Rect
    /// The panel boxes (borders included): all three when wide, one box for the active tab otherwise.
    public let panelBoxes: [PanelTab: Rect]
    public let tabbedPanelBox: Rect?

    /// `formRows` is how many rows the form of the current step would fill; only the stacked layout uses it, since
    /// beside the panels the form has the whole height. `panelLines` is how many lines each panel holds; side by
    /// side the three boxes share the column by it (see `stackHeights`), without it by fixed shares. `WizardScreen`
    /// measures both for a state.
    public init(size: Size, formRows: Int, panelLines: [PanelTab: Int] = [:]) {
        self.size = size
        let whole = Rect(size: size)
        let (top, rest) = whole.split(top: 1)
        let (middle, bottom) = rest.split(bottom: 2)
        stepBar = top
        body = middle
        status = bottom.row(0)
        keyBar = bottom.row(1)
        isWide = size.width >= Self.wideWidth
        if isWide {
            let formWidth = max(52, min(72, size.width * 42 / 100))
            let (left, right) = middle.split(left: formWidth)
            form = left.inset(right: 1)
            let boxes: [Rect]
            if panelLines.count == PanelTab.allCases.count {
                let needs = PanelTab.allCases.map { (panelLines[$0] ?? 0) + 2 }
                boxes = right.rows(Self.stackHeights(total: right.height, needs: needs).map { .fixed($0) })
            } else {
                boxes = right.rows(zip(Self.panelWeights, Self.panelMinimums).map { .flexible(weight: $0, minimum: $1) })
            }
            panelBoxes = [.policy: boxes[0], .findings: boxes[1], .scenarios: boxes[2]]
            tabbedPanelBox = nil
        } else {
            let panelMinimum = max(Self.minimumPanelHeight, middle.height * 2 / 5)
            let formHeight = min(max(1, formRows), max(0, middle.height - panelMinimum))
            let (upper, lower) = middle.split(top: formHeight)
            form = upper
            tabbedPanelBox = lower
            panelBoxes = [:]
        }
    }

    /// Side by side, the panel boxes' least heights (borders included) and their shares of any room beyond that:
    /// the policy, its findings, who can get in.
    static let panelMinimums = [6, 5, 5]
    static let panelWeights = [2, 1, 1]

    /// Heights for the three stacked boxes that follow their content: each gets its minimum, then the room left
    /// goes by weight to the boxes whose content does not fit yet, never more than a box needs. What is left when
    /// every box fits goes to the policy, the panel that grows as rules are added. Too little room for the minimums
    /// shrinks them from the last. A fixed share would leave a short findings list in an empty box while the
    /// table of who can get in is cut.
    static func stackHeights(total: Int, needs: [Int]) -> [Int] {
        var heights = panelMinimums
        var room = total - heights.reduce(0, +)
        guard room >= 0 else {
            var short = -room
            for index in heights.indices.reversed() where short > 0 {
                let cut = min(short, heights[index] - 1)
                heights[index] -= cut
                short -= cut
            }
            return heights
        }
        while room > 0 {
            let hungry = heights.indices.filter { heights[$0] < needs[$0] }
            guard !hungry.isEmpty else { break }
            let weight = hungry.map { panelWeights[$0] }.reduce(0, +)
            var given = 0
            for index in hungry {
                let share = max(1, room * panelWeights[index] / weight)
                let add = min(share, needs[index] - heights[index], room - given)
                heights[index] += add
                given += add
            }
            guard given > 0 else { break }
            room -= given
        }
        heights[0] += room
        return heights
    }

    /// The box a panel is drawn in (the shared box for every tab when narrow).
    public func box(for panel: PanelTab) -> Rect { panelBoxes[panel] ?? tabbedPanelBox ?? .zero }

    /// The panel's content area: inside its border, less the gutter the policy uses for finding marks.
    public func content(for panel: PanelTab) -> Rect { box(for: panel).inset(by: 1) }

    /// Where a field's value is drawn, and how wide it may be.
    public var valueX: Int { form.x + Self.labelColumns }
    public var valueWidth: Int { max(8, form.maxX - valueX) }

    /// The review step uses the whole body.
    public var reviewBox: Rect { body }
    public var reviewContent: Rect { body.inset(by: 1) }

    /// The help box: most of the screen, at most 84 columns wide for readable lines.
    public var helpBox: Rect {
        let width = min(84, size.width - 4)
        let height = size.height - 4
        return Rect(x: (size.width - width) / 2, y: 2, width: width, height: height)
    }

    /// Text area inside the help box, leaving one column of margin and a footer row.
    public var helpContent: Rect { helpBox.inset(top: 1, left: 2, bottom: 2, right: 1) }

    /// The width help text is wrapped to: the content less its last column, where the scroll bar goes, so a full
    /// line never loses its last character to the bar.
    public var helpTextWidth: Int { max(1, helpContent.width - 1) }

    public func dialogBox(lines: Int) -> Rect {
        let width = min(72, size.width - 6)
        let height = min(size.height - 2, lines + 4)
        return Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height)
    }

    public var dialogTextWidth: Int { min(72, size.width - 6) - 4 }
}
