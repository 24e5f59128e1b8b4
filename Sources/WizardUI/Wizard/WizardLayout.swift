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
/// step) and cut a long one (many branches).
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

    /// `formRows` is how many rows the form of the current step would fill (see `WizardForm.layout`); only the
    /// stacked layout uses it, since beside the panels the form has the whole height.
    public init(size: Size, formRows: Int) {
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
            let boxes = right.rows([.flexible(weight: 2, minimum: 6), .flexible(weight: 1, minimum: 5), .flexible(weight: 1, minimum: 5)])
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
