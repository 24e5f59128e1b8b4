import Dispatch

/// Lets go of a value on another core.
///
/// The wizard replaces its derived state (findings, table rows, preview lines: hundreds of strings and arrays) on
/// every keystroke; freeing the old one is work the next frame need not wait for, and the second core is idle while
/// the frame is drawn.
enum ReleaseElsewhere {
    private static let queue = DispatchQueue(label: "oidc-wizard.release", qos: .utility)

    static func release<T: Sendable>(_ value: consuming T) {
        let box = Box(value)
        queue.async { box.value = nil }
    }

    /// Holds the value until the queue drops it; only that queue touches it after `release` returns.
    private final class Box<T: Sendable>: @unchecked Sendable {
        var value: T?
        init(_ value: T) { self.value = value }
    }
}
