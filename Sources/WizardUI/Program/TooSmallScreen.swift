/// The screen shown instead of the program while the terminal is smaller than the program's minimum. It says how big
/// the terminal is, how big it must be, and how to get out; the program comes back as soon as the window is enlarged.
public enum TooSmallScreen {
    /// The exit code when the user quits from this screen with Ctrl-C (128 + SIGINT, as a shell reports an interrupt).
    public static let interruptExitCode: Int32 = 130

    public static func render(current: Size, minimum: Size, into frame: inout Frame) {
        let times = String(frame.glyphs.times)
        let paragraphs: [StyledText] = [
            StyledText("Terminal too small", style: .foreground(.error, .bold)),
            StyledText("This window is \(current.width)\(times)\(current.height); it needs at least \(minimum.width)\(times)\(minimum.height)."),
            StyledText("Enlarge the window, or press Ctrl-C to quit.", style: .foreground(.muted)),
        ]
        let area = frame.bounds.inset(top: 0, left: 1, bottom: 0, right: 1)
        guard !area.isEmpty else { return }
        let wrapped = paragraphs.map { TextWrapping.wrap($0, width: area.width) }
        // Blank lines between paragraphs only when everything fits with them; the way out matters more than air.
        let separated = wrapped.reduce(0) { $0 + $1.count } + paragraphs.count - 1 <= area.height
        var lines: [StyledText] = []
        for (i, paragraph) in wrapped.enumerated() {
            if i > 0, separated { lines.append(.empty) }
            lines += paragraph
        }
        // Centre the block; when even that does not fit, show its start (the heading and sizes matter most).
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < area.maxY {
            frame.draw(line, in: Rect(x: area.x, y: top + i, width: area.width, height: 1), alignment: .center, overflow: .clip)
        }
    }
}
