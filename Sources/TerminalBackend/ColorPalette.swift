import CNcursesw
import WizardUI

/// Maps semantic colour roles to ncurses colours and allocates colour pairs on first use.
///
/// Only the eight basic colours are used (every colour terminal has them), on the terminal's own background
/// (`use_default_colors`), so the wizard looks at home in light and dark themes alike.
struct ColorPalette {
    /// Pair numbers by (foreground, background) slot; slot 0 is the terminal default, role slots follow.
    private var pairs: [Int32]
    private var nextPair: Int32 = 1
    private let maximumPairs: Int32
    private static let slots = ColorRole.allCases.count + 1

    init(maximumPairs: Int32) {
        self.maximumPairs = maximumPairs
        self.pairs = [Int32](repeating: -1, count: ColorPalette.slots * ColorPalette.slots)
    }

    /// The ncurses colour for a role used as text colour, and attributes that complete it.
    static func foreground(_ role: ColorRole) -> (color: Int16, attributes: TextAttributes) {
        switch role {
        case .accent: return (Int16(COLOR_CYAN), .bold)
        case .muted: return (-1, .dim)
        case .critical: return (Int16(COLOR_RED), .bold)
        case .high: return (Int16(COLOR_RED), [])
        case .medium: return (Int16(COLOR_YELLOW), [])
        case .low: return (Int16(COLOR_BLUE), [])
        case .info: return (Int16(COLOR_CYAN), [])
        case .ok: return (Int16(COLOR_GREEN), [])
        case .denied: return (Int16(COLOR_RED), [])
        case .jsonKey: return (Int16(COLOR_BLUE), .bold)
        case .jsonString: return (Int16(COLOR_GREEN), [])
        case .jsonNumber: return (Int16(COLOR_MAGENTA), [])
        case .jsonPunctuation: return (-1, .dim)
        case .selection: return (Int16(COLOR_BLUE), [])
        case .error: return (Int16(COLOR_RED), .bold)
        }
    }

    /// The ncurses colour for a role used as a background.
    static func background(_ role: ColorRole) -> (color: Int16, attributes: TextAttributes) {
        switch role {
        case .selection, .accent, .info, .low, .jsonKey: return (Int16(COLOR_BLUE), [])
        case .critical, .high, .error, .denied: return (Int16(COLOR_RED), [])
        case .medium: return (Int16(COLOR_YELLOW), [])
        case .ok, .jsonString: return (Int16(COLOR_GREEN), [])
        case .jsonNumber: return (Int16(COLOR_MAGENTA), [])
        case .muted, .jsonPunctuation: return (-1, .reverse)
        }
    }

    /// The colour pair and extra attributes for a style; falls back to monochrome attributes when pairs run out.
    mutating func resolve(_ style: Style) -> (pair: Int32, attributes: TextAttributes) {
        var attributes = style.attributes
        var fgColor: Int16 = -1, bgColor: Int16 = -1
        if let fg = style.foreground {
            let mapped = ColorPalette.foreground(fg)
            fgColor = mapped.color
            attributes.formUnion(mapped.attributes)
        }
        if let bg = style.background {
            let mapped = ColorPalette.background(bg)
            bgColor = mapped.color
            attributes.formUnion(mapped.attributes)
        }
        if fgColor == -1, bgColor == -1 { return (0, attributes) }
        let fgSlot = style.foreground.map { Int($0.rawValue) + 1 } ?? 0
        let bgSlot = style.background.map { Int($0.rawValue) + 1 } ?? 0
        let index = fgSlot * ColorPalette.slots + bgSlot
        if pairs[index] < 0 {
            guard nextPair < maximumPairs, init_pair(Int16(nextPair), fgColor, bgColor) == OK else {
                return (0, attributes.union(style.monochrome.attributes))
            }
            pairs[index] = nextPair
            nextPair += 1
        }
        return (pairs[index], attributes)
    }
}
