/// Lets go of a value on another core.
///
/// The wizard replaces its derived state (findings, table rows, preview lines: hundreds of strings and arrays) on
/// every keystroke; freeing the old one is work the next frame need not wait for. The second thread frees it
/// right after its half of the next keystroke's work, while the caller is still busy with the longer half (see
/// `BothAtOnce`): a dispatch queue for this was measured to cost the caller 20–70 µs per keystroke just to hand
/// the value over. With one usable CPU the value is freed here.
enum ReleaseElsewhere {
    static func release<T: Sendable>(_ value: consuming T) {
        guard let thread = SecondThread.shared else { return }  // `value` ends here
        thread.releaseLater(Leftover(value))
    }
}

/// A value kept only so that the second thread can drop it.
final class Leftover: Sendable {
    private let value: any Sendable
    init<T: Sendable>(_ value: consuming T) { self.value = value }
}
