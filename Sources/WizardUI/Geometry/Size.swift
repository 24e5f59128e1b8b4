/// A screen extent in cells: `width` columns by `height` rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Size(width: 0, height: 0)

    /// True when this size is at least `minimum` in both directions.
    public func fits(_ minimum: Size) -> Bool {
        width >= minimum.width && height >= minimum.height
    }

    public var description: String { "\(width)x\(height)" }
}
