import WizardUI

struct Screen: TerminalProgram {
    var field = TextFieldState("acme-corporation/deployment-pipeline", visibleWidth: 60)
    var list = ListState(count: 200, visibleRows: 20)
    var lines: [StyledText] = (0..<120).map { i in
        [Span("    "), Span("\"StringLike\"", style: .foreground(.jsonKey)), Span(": ", style: .foreground(.jsonPunctuation)),
         Span("\"repo:acme/app:ref:refs/heads/main-\(i)\"", style: .foreground(.jsonString)), Span(",", style: .foreground(.jsonPunctuation))]
    }
    var findings: [StyledText] = (0..<12).map { i in
        [Span("CRITICAL ", style: .foreground(.critical, .bold)), Span("Finding number \(i): any repository in any organisation can assume this role, because the subject condition is a bare wildcard 漢字.")]
    }
    var scroll = ScrollState()
    var minimumSize: Size { Size(width: 80, height: 24) }
    mutating func update(_ event: ProgramEvent<Never>) -> [Effect<Never>] {
        if case .key(let k) = event { field.handle(k); list.handle(k) }
        return []
    }
    func render(into frame: inout Frame) {
        let rows = frame.bounds.rows([.fixed(1), .fixed(1), .fill, .fixed(1)])
        frame.draw(StyledText("Step 1 of 5 · GitHub", style: .foreground(.accent, .bold)), in: rows[0], alignment: .center)
        field.render(into: &frame, in: rows[1].inset(left: 10), style: .underline, focused: true)
        let cols = rows[2].columns([.fixed(40), .fill, .fill])
        let left = frame.drawBox(cols[0], style: .foreground(.muted), title: "Steps")
        list.render(into: &frame, in: left) { StyledText("item \($0)") }
        let mid = frame.drawBox(cols[1], style: .foreground(.accent), title: "Policy")
        ScrollView.render(lines, offset: scroll.offset, into: &frame, in: mid)
        let right = frame.drawBox(cols[2], title: "Findings")
        var y = right.y
        for f in findings where y < right.maxY {
            y += frame.drawWrapped(f, in: Rect(x: right.x, y: y, width: right.width, height: right.maxY - y), continuationIndent: 2)
        }
        frame.draw(StyledText("Tab next field · ? help · Ctrl-S write", style: .foreground(.muted)), in: rows[3])
    }
}

let clock = ContinuousClock()
var driver = ProgramDriver(program: Screen(), size: Size(width: 200, height: 60))
let keys: [Key] = [.left, .right, .character("x"), .backspace, .down, .up]
for i in 0..<200 { driver.send(keys[i % keys.count]) }
let n = 3000
let start = clock.now
for i in 0..<n { driver.send(keys[i % keys.count]) }
let elapsed = clock.now - start
let perKey = elapsed / n
print("200x60: update+render per key: \(perKey)")
let firstStart = clock.now
let fresh = ProgramDriver(program: Screen(), size: Size(width: 200, height: 60))
print("first frame: \(clock.now - firstStart) (\(fresh.frame.size))")
