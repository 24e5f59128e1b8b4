import Dispatch

/// Runs two independent computations at the same time and returns both results.
///
/// The wizard's update computes the findings, the "who can get in" table and the policy preview from the
/// same policy on every keystroke; none needs another's result, so one runs on the calling thread while the
/// other runs on a second core. Both closures are pure: they share nothing mutable.
///
/// The second runs on a serial queue of its own rather than through `DispatchQueue.concurrentPerform`: measured
/// on Linux, `concurrentPerform(iterations: 2)` often ran both halves one after the other on the calling thread
/// (the pool's thread was not woken in time), while a queue of its own starts on the idle core within tens of
/// microseconds when the machine was idle before the keystroke, as it is between a person's keystrokes.
enum BothAtOnce {
    private static let secondCore = DispatchQueue(label: "oidc-wizard.second-core", qos: .userInteractive)

    /// `first` runs here, `second` on the second core (started first, so that it is under way while `first` runs).
    /// The second core is one serial queue: callers on several threads take turns on it, and `second` must not
    /// itself call `run` (it would wait for its own queue).
    static func run<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let slot = Slot<B>()
        secondCore.async {
            slot.value = second()
            slot.done.signal()
        }
        let a = first()
        slot.done.wait()
        return (a, slot.value!)
    }

    /// The second result, written once by the queue before it signals `done`; read only after `done`.
    private final class Slot<B>: @unchecked Sendable {
        var value: B?
        let done = DispatchSemaphore(value: 0)
    }
}
