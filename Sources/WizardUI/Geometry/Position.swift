/// A cell position on the screen: column `x` from the left, row `y` from the top, both zero-based.
public struct Position: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public static let zero = Position(x: 0, y: 0)

    public var description: String { "(\(x), \(y))" }
}
