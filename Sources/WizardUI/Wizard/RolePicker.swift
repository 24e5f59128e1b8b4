import OIDCWizardCore

/// The first screen of `oidc-wizard edit` on a file with several roles: each role with its worst finding, the
/// worst first in sight of the user's choice. Up/Down choose, Enter opens the role in the wizard, Esc or Ctrl-C
/// leaves without editing anything.
public struct RolePicker: TerminalProgram {
    /// One role as listed: its name and what the analysis says about its trust policy.
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var worst: Severity?
        public var findingCount: Int

        public init(name: String, worst: Severity?, findingCount: Int) {
            self.name = name
            self.worst = worst
            self.findingCount = findingCount
        }
    }

    public let file: String
    public let entries: [Entry]
    public private(set) var list: ListState
    /// The index chosen with Enter (nil until then, and when the user left).
    public private(set) var chosen: Int?
    var size = Size(width: 80, height: 24)

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
        list = ListState(count: entries.count)
    }

    /// The entries of an opened file, analysed as `lint` would.
    public init(source: EditSource) {
        let entries = zip(source.roleNames, source.policies).map { name, policy in
            let review = PolicyReview(policy: policy.policy, notes: policy.notes, issues: [])
            return Entry(name: name, worst: review.worstSeverity, findingCount: review.findings.count)
        }
        self.init(file: source.path, entries: entries)
    }

    public var minimumSize: Size { WizardLayout.minimumSize }

    /// Exit code when the user leaves without choosing (as an interrupted command reports it).
    public static let exitNotChosen: Int32 = Wizard.exitNothingWritten

    var listRect: Rect { Rect(size: size).inset(top: 3, left: 2, bottom: 2, right: 2) }

    public mutating func update(_ event: ProgramEvent<Never>) -> [Effect<Never>] {
        switch event {
        case .resized(let newSize):
            size = newSize
            list.visibleRows = listRect.height
            return []
        case .key(let key):
            switch key {
            case .enter:
                chosen = list.selectedIndex
                return [.quit(exitCode: 0)]
            case .escape, .interrupt:
                return [.quit(exitCode: Self.exitNotChosen)]
            default:
                return list.handle(key) ? [] : [.bell]
            }
        }
    }

    public func render(into frame: inout Frame) {
        let area = Rect(size: frame.size)
        frame.draw(StyledText(" oidc-wizard edit", style: .foreground(.accent, .bold)), in: area.row(0))
        frame.draw(StyledText(" \(file) holds \(entries.count) roles. Choose the one to edit:"), in: area.row(1))
        let nameWidth = min(40, (entries.map(\.name.count).max() ?? 0) + 2)
        list.render(into: &frame, in: listRect) { index in
            let entry = entries[index]
            let name = entry.name + String(repeating: " ", count: max(1, nameWidth - entry.name.count))
            guard let worst = entry.worst else {
                return StyledText(name) + StyledText("no findings", style: .foreground(.ok))
            }
            // The severity word padded to the longest (CRITICAL), so the counts line up in a column.
            let padding = String(repeating: " ", count: max(2, 10 - worst.label.count))
            return StyledText(name) + StyledText(worst.label, style: WizardContent.severityStyle(worst))
                + StyledText(padding + "\(entry.findingCount) finding\(entry.findingCount == 1 ? "" : "s")", style: .foreground(.muted))
        }
        frame.draw(StyledText(" Up/Down choose  Enter edit  Esc leave", style: .foreground(.muted)), in: area.row(area.height - 1))
    }
}
