/// Text attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// How a cell looks: semantic foreground/background roles plus attributes. Three bytes, so frames stay flat and cheap.
///
/// In a cell, a `nil` role means the terminal's default colour. When text is drawn over cells, its style is a *patch*
/// (see `patched(with:)`): a `nil` role keeps what the cell already has, so a selection background drawn first survives
/// the text drawn on top of it.
public struct Style: Hashable, Sendable {
    public var foreground: ColorRole?
    public var background: ColorRole?
    public var attributes: TextAttributes

    public init(foreground: ColorRole? = nil, background: ColorRole? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Default colours, no attributes.
    public static let plain = Style()

    public static func foreground(_ role: ColorRole, _ attributes: TextAttributes = []) -> Style {
        Style(foreground: role, attributes: attributes)
    }

    public static func background(_ role: ColorRole, _ attributes: TextAttributes = []) -> Style {
        Style(background: role, attributes: attributes)
    }

    public static let bold = Style(attributes: .bold)
    public static let reverse = Style(attributes: .reverse)
    public static let underline = Style(attributes: .underline)
    public static let dim = Style(attributes: .dim)

    public func bold() -> Style { adding(.bold) }
    public func underline() -> Style { adding(.underline) }
    public func reverse() -> Style { adding(.reverse) }
    public func dim() -> Style { adding(.dim) }

    public func adding(_ more: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(more)
        return copy
    }

    /// This style with `other` laid on top: roles set in `other` win, attributes accumulate.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground ?? foreground,
            background: other.background ?? background,
            attributes: attributes.union(other.attributes)
        )
    }

    /// The style in one word, as a cell keeps it: the foreground role's raw value in bits 0–7 and the background's in
    /// bits 8–15 (0xFF for the terminal's default), the attributes in bits 16–23.
    var packed: UInt32 {
        UInt32(foreground?.rawValue ?? 0xFF) | UInt32(background?.rawValue ?? 0xFF) << 8 | UInt32(attributes.rawValue) << 16
    }

    init(packed: UInt32) {
        let foreground = UInt8(truncatingIfNeeded: packed), background = UInt8(truncatingIfNeeded: packed >> 8)
        self.init(foreground: foreground == 0xFF ? nil : ColorRole(rawValue: foreground),
                  background: background == 0xFF ? nil : ColorRole(rawValue: background),
                  attributes: TextAttributes(rawValue: UInt8(truncatingIfNeeded: packed >> 16)))
    }

    /// `patched(with:)` on packed styles, worked out once for a style laid over many cells: the result is
    /// `packed & keep | set` — the bits of a role the patch leaves unset are kept, and attributes accumulate.
    struct Patch {
        let keep: UInt32
        let set: UInt32

        init(_ style: Style) {
            keep = (style.foreground == nil ? 0xFF : 0) | (style.background == nil ? 0xFF00 : 0) | 0xFF_0000
            set = style.packed & ~keep | UInt32(style.attributes.rawValue) << 16
        }

        @inline(__always)
        func apply(to packed: UInt32) -> UInt32 { packed & keep | set }
    }

    /// The same meaning without colour, for `NO_COLOR` and monochrome terminals: roles become attributes.
    public var monochrome: Style {
        var attributes = self.attributes
        if let fg = foreground { attributes.formUnion(Style.monochromeAttributes(foreground: fg)) }
        if let bg = background { attributes.formUnion(Style.monochromeAttributes(background: bg)) }
        return Style(attributes: attributes)
    }

    static func monochromeAttributes(foreground role: ColorRole) -> TextAttributes {
        switch role {
        case .accent, .high, .denied, .jsonKey: return .bold
        case .critical: return [.bold, .reverse]
        case .error: return [.bold, .underline]
        case .medium: return .underline
        case .muted, .jsonPunctuation: return .dim
        case .selection: return .reverse
        case .low, .info, .ok, .jsonString, .jsonNumber: return []
        }
    }

    static func monochromeAttributes(background role: ColorRole) -> TextAttributes {
        // Any coloured background marks something (a selection, a banner): reverse video keeps it visible.
        switch role {
        case .muted: return []
        default: return .reverse
        }
    }
}
