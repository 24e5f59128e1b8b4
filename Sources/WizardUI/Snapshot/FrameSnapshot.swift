/// Turns a frame into plain text, for whole-screen snapshot tests and debugging.
public enum FrameSnapshot {
    /// One string per row. A wide character appears once (its continuation cell adds nothing), so each line reads as
    /// the terminal would show it. Trailing spaces are trimmed unless `trimTrailingSpaces` is false.
    public static func lines(_ frame: Frame, trimTrailingSpaces: Bool = true) -> [String] {
        var result: [String] = []
        result.reserveCapacity(frame.size.height)
        for y in 0..<frame.size.height {
            var line = ""
            for x in 0..<frame.size.width {
                let cell = frame[x, y]
                if !cell.isContinuation { line.append(cell.character) }
            }
            if trimTrailingSpaces {
                while line.last == " " { line.removeLast() }
            }
            result.append(line)
        }
        return result
    }

    /// The whole screen as one string, rows joined with newlines.
    public static func text(_ frame: Frame, trimTrailingSpaces: Bool = true) -> String {
        lines(frame, trimTrailingSpaces: trimTrailingSpaces).joined(separator: "\n")
    }

    /// One string per row with one symbol per *cell* (so columns line up with cell positions), chosen by `symbol`.
    /// The default shows the foreground role (see `foregroundSymbol`).
    public static func styleMask(_ frame: Frame, symbol: (Style) -> Character = FrameSnapshot.foregroundSymbol) -> [String] {
        (0..<frame.size.height).map { y in
            var line = ""
            for x in 0..<frame.size.width { line.append(symbol(frame[x, y].style)) }
            while line.last == "." { line.removeLast() }
            return line
        }
    }

    /// `.` for the default foreground; otherwise a letter per role: a accent, m muted, C critical, H high, M medium,
    /// L low, I info, o ok, d denied, k jsonKey, s jsonString, n jsonNumber, p jsonPunctuation, S selection, e error.
    /// A selection background without a foreground role shows as `#`.
    public static func foregroundSymbol(_ style: Style) -> Character {
        guard let role = style.foreground else { return style.background == .selection ? "#" : "." }
        return symbol(for: role)
    }

    /// The letter `foregroundSymbol` uses for a role.
    public static func symbol(for role: ColorRole) -> Character {
        switch role {
        case .accent: return "a"
        case .muted: return "m"
        case .critical: return "C"
        case .high: return "H"
        case .medium: return "M"
        case .low: return "L"
        case .info: return "I"
        case .ok: return "o"
        case .denied: return "d"
        case .jsonKey: return "k"
        case .jsonString: return "s"
        case .jsonNumber: return "n"
        case .jsonPunctuation: return "p"
        case .selection: return "S"
        case .error: return "e"
        }
    }

    /// Attributes per cell: `.` none, otherwise the first of b bold, r reverse, u underline, d dim.
    public static func attributeSymbol(_ style: Style) -> Character {
        let a = style.attributes
        if a.contains(.bold) { return "b" }
        if a.contains(.reverse) { return "r" }
        if a.contains(.underline) { return "u" }
        if a.contains(.dim) { return "d" }
        return "."
    }
}
