/// What a colour *means*. Screens pick roles; the terminal backend decides the actual colours, and on a monochrome
/// terminal (or with `NO_COLOR`) turns each role into attributes (see `Style.monochrome`) so the meaning survives.
public enum ColorRole: UInt8, CaseIterable, Hashable, Sendable {
    /// Headings, focused borders, the current step.
    case accent
    /// Secondary text: hints, help footers, inactive borders.
    case muted
    /// Finding severities, strongest first.
    case critical, high, medium, low, info
    /// A scenario that is allowed / a check that passed.
    case ok
    /// A scenario that is denied.
    case denied
    /// Syntax colouring of JSON.
    case jsonKey, jsonString, jsonNumber, jsonPunctuation
    /// The selected row of a list (usually used as a background).
    case selection
    /// Invalid input and error messages.
    case error
}
