import Dispatch

/// Runs two independent computations at the same time and returns both results.
///
/// The wizard's update computes the findings, the "who can get in" table and the policy preview from the
/// same policy on every keystroke; none needs another's result, so the table and the preview are worked
/// out on a second core while the analysis runs. Both closures are pure: they share nothing mutable.
enum BothAtOnce {
    static func run<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Results<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            // Each iteration writes its own slot, once; concurrentPerform returns after both.
            if index == 0 { results.first = first() } else { results.second = second() }
        }
        return (results.first!, results.second!)
    }

    /// Two slots, each written by exactly one iteration before `concurrentPerform` returns.
    private final class Results<A, B>: @unchecked Sendable {
        var first: A?
        var second: B?
    }
}
