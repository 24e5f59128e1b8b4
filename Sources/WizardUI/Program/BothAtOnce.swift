import Dispatch

/// Runs two independent computations at the same time and returns both results.
///
/// The wizard's update computes the findings, the "who can get in" table and the policy preview from the
/// same policy on every keystroke; none needs another's result, so one runs on the calling thread while the
/// other runs on a second core. Both closures are pure: they share nothing mutable.
///
/// What was measured on a 2-vCPU Linux VM, and why this is built the way it is:
/// - `DispatchQueue.concurrentPerform(iterations: 2)` often ran both halves one after the other on the calling
///   thread (the pool's thread was not woken in time).
/// - A dispatch queue of its own was better, but after an idle pause (as between a person's keystrokes) handing
///   the work over took ~450 µs in at least a quarter of the keystrokes, and both halves then ran one after the
///   other — most likely because the scheduler woke the thread on the caller's own CPU (a virtual CPU the host
///   has parked does not count as idle). The thread here therefore keeps off the CPU of the thread that hands it
///   work (tried first on the dispatch queue's thread: the handover then took 20–30 µs). It is moved when the work
///   is handed over, not after each job: the caller's CPU changes across idle pauses, and timed at typing pace the
///   thread had been left on the caller's CPU in about half of the keystrokes (see `SecondThread.keepOff`).
/// - Whoever finishes first takes the other half if the second thread has not started it yet, so a late or
///   busy second CPU costs no more than doing both halves here.
/// - Waking the second thread ahead of the work, while the caller resolves the setup, was measured slower at a
///   person's typing pace, and is not done.
/// - So was keeping it awake (spinning for its next job for 300 µs after each): no clear gain back to back, slower
///   at typing pace, most likely because a spinning virtual CPU takes host time from the caller's. A caller that
///   spins for the result instead of sleeping showed no clear gain either. Both threads sleep when idle.
enum BothAtOnce {
    /// `first` runs here, `second` on the second thread (handed over first, so that it is under way while `first`
    /// runs), or here after `first` when the second thread has not taken it by then.
    ///
    /// With one usable CPU, or while another caller's work occupies the second thread, both run here, one after
    /// the other; so `second` may itself call `run` (it runs both parts where it is).
    static func run<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let slot = Slot<B>()
        let job = Job { slot.value = second() }
        guard let core = SecondThread.shared, core.post(job) else {
            return (first(), second())
        }
        let a = first()
        if job.take() {
            job.work()  // the second thread has not started it: no point waiting for it to wake
        } else {
            job.done.wait()
        }
        core.finish(job)
        return (a, slot.value!)
    }

    /// The second result: written once by whoever ran the job, read by the caller only after that.
    private final class Slot<B>: @unchecked Sendable {
        var value: B?
    }
}
