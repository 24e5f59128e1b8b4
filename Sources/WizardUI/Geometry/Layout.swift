/// How much room one part of a split gets.
public enum Extent: Hashable, Sendable {
    /// Exactly this many cells (less when the whole does not fit: fixed parts shrink from the last one).
    case fixed(Int)
    /// A share of the room left after the fixed parts, proportional to `weight`, but at least `minimum` when possible.
    case flexible(weight: Int = 1, minimum: Int = 0)

    /// A flexible part with weight 1.
    public static let fill = Extent.flexible()
}

extension Rect {
    /// Stacks parts top to bottom; each result spans the full width.
    public func rows(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        Layout.distribute(height, extents, spacing: spacing).map { Rect(x: x, y: y + $0.start, width: width, height: $0.length) }
    }

    /// Places parts left to right; each result spans the full height.
    public func columns(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        Layout.distribute(width, extents, spacing: spacing).map { Rect(x: x + $0.start, y: y, width: $0.length, height: height) }
    }

    /// Cuts `count` rows off the top: `(top, rest)`.
    public func split(top count: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// Cuts `count` rows off the bottom: `(rest, bottom)`.
    public func split(bottom count: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: maxY - n, width: width, height: n))
    }

    /// Cuts `count` columns off the left: `(left, rest)`.
    public func split(left count: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, count), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// Cuts `count` columns off the right: `(rest, right)`.
    public func split(right count: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(0, count), width)
        return (Rect(x: x, y: y, width: width - n, height: height), Rect(x: maxX - n, y: y, width: n, height: height))
    }

    /// A rectangle of at most `size`, centred in this one.
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width), h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}

enum Layout {
    struct Segment: Equatable { var start: Int; var length: Int }

    /// Splits `total` cells among `extents`. Fixed parts are served first (shrinking from the last when short), then
    /// minimums of flexible parts, then the remainder by weight; rounding leftovers go to the earliest flexible parts
    /// so the parts always tile the whole length exactly when any part is flexible.
    static func distribute(_ total: Int, _ extents: [Extent], spacing: Int) -> [Segment] {
        guard !extents.isEmpty else { return [] }
        let gaps = max(0, spacing) * (extents.count - 1)
        var room = max(0, total - gaps)
        var lengths = [Int](repeating: 0, count: extents.count)

        for (i, e) in extents.enumerated() {
            if case .fixed(let n) = e {
                let take = min(max(0, n), room)
                lengths[i] = take
                room -= take
            }
        }
        for (i, e) in extents.enumerated() {
            if case .flexible(_, let minimum) = e {
                let take = min(max(0, minimum), room)
                lengths[i] = take
                room -= take
            }
        }
        let weights = extents.map { e -> Int in
            if case .flexible(let w, _) = e { return max(0, w) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0, room > 0 {
            var given = 0
            for i in extents.indices where weights[i] > 0 {
                let share = room * weights[i] / totalWeight
                lengths[i] += share
                given += share
            }
            var leftover = room - given
            for i in extents.indices where weights[i] > 0 && leftover > 0 {
                lengths[i] += 1
                leftover -= 1
            }
        }
        var start = 0
        var segments: [Segment] = []
        segments.reserveCapacity(extents.count)
        for length in lengths {
            segments.append(Segment(start: start, length: length))
            start += length + max(0, spacing)
        }
        return segments
    }
}
