import WizardUI

/// A tiny program built only from the public toolkit, to test the loop as the wizard will use it: a name field and a
/// list of regions, Tab between them, Enter on the list asks the app to "save" (a command answered by a message),
/// Esc quits cleanly, Ctrl-C quits as interrupted, and an unused key rings the bell.
struct DemoProgram: TerminalProgram {
    enum Command: Sendable, Equatable {
        case save(name: String, region: String)
    }

    enum Message: Sendable, Equatable {
        case saved(path: String)
        case failed(String)
    }

    enum Focus: Equatable { case name, regions }

    static let regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "sa-east-1"]

    var name = TextFieldState()
    var regionList = ListState(count: DemoProgram.regions.count)
    var focus = Focus.name
    var status: StyledText = StyledText("Tab switches fields, Enter saves, Esc quits", style: .foreground(.muted))
    var size = Size.zero

    var minimumSize: Size { Size(width: 30, height: 8) }

    /// The same layout in `update` (to size the widgets) and in `render` (to draw them).
    struct Layout {
        var title, nameLabel, nameField, list, status: Rect

        init(_ size: Size) {
            let parts = Rect(size: size).rows([.fixed(1), .fixed(1), .fill, .fixed(1)])
            title = parts[0]
            let nameRow = parts[1].split(left: 6)
            nameLabel = nameRow.left
            nameField = nameRow.rest
            list = parts[2].inset(top: 0, left: 0, bottom: 0, right: 0)
            status = parts[3]
        }
    }

    mutating func update(_ event: ProgramEvent<Message>) -> [Effect<Command>] {
        switch event {
        case .resized(let newSize):
            size = newSize
            let layout = Layout(newSize)
            name.visibleWidth = layout.nameField.width
            regionList.visibleRows = layout.list.height - 2
            return []
        case .message(.saved(let path)):
            status = StyledText("Saved to \(path)", style: .foreground(.ok))
            return []
        case .message(.failed(let reason)):
            status = StyledText(reason, style: .foreground(.error))
            return []
        case .key(.escape):
            return [.quit(exitCode: 0)]
        case .key(.ctrl("c")):
            return [.quit(exitCode: 130)]
        case .key(.tab), .key(.backTab):
            focus = focus == .name ? .regions : .name
            return []
        case .key(.enter) where focus == .regions:
            let region = DemoProgram.regions[regionList.selection]
            return [.perform(.save(name: name.text, region: region))]
        case .key(let key):
            let used = focus == .name ? name.handle(key) : regionList.handle(key)
            return used ? [] : [.bell]
        }
    }

    func render(into frame: inout Frame) {
        let layout = Layout(frame.size)
        frame.draw(StyledText("Demo", style: .foreground(.accent, .bold)), in: layout.title, alignment: .center)
        frame.draw(StyledText("Name:", style: focus == .name ? .bold : .plain), in: layout.nameLabel)
        name.render(into: &frame, in: layout.nameField, style: .underline, placeholder: StyledText("your name", style: .foreground(.muted)), focused: focus == .name)
        let inside = frame.drawBox(layout.list, style: .foreground(focus == .regions ? .accent : .muted), title: "Region")
        regionList.render(into: &frame, in: inside, focused: focus == .regions) { index in
            StyledText(DemoProgram.regions[index])
        }
        frame.draw(status, in: layout.status)
    }
}
