import CThreadPlacement
import Dispatch
import Foundation
import Synchronization

/// One piece of work handed to the second thread, run exactly once by whichever thread claims it first.
final class Job: Sendable {
    let work: @Sendable () -> Void
    /// 0 while nobody has claimed the work, 1 once someone has.
    private let claim = Atomic<Int>(0)
    /// Signalled by the second thread when it has run the work.
    let done = DispatchSemaphore(value: 0)
    /// The CPU of the thread that handed the work over (-1 if unknown).
    let callerCPU = oidcw_current_cpu()

    init(_ work: @escaping @Sendable () -> Void) { self.work = work }

    /// Whether the calling thread claimed the work (and must run it).
    func take() -> Bool {
        claim.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged
    }
}

/// The thread the second halves run on: one, started on first use and kept for the life of the process.
final class SecondThread: @unchecked Sendable {
    /// Nil on a machine (or in a CPU set) with one usable CPU: there the second half runs on the caller's thread.
    static let shared: SecondThread? = oidcw_usable_cpu_count() == 1 ? nil : SecondThread()

    /// Guards `pending`, `occupied`, `leftovers`, `threadID` and `avoided`.
    private let lock = NSLock()
    /// This thread's kernel id, once it runs (0 before).
    private var threadID: Int32 = 0
    /// The CPU this thread is kept off (-1 when none).
    private var avoided: Int32 = -1
    /// The job handed over and not yet picked up.
    private var pending: Job?
    /// Whether a caller's job is in flight (handed over, not yet finished by its caller).
    private var occupied = false
    /// Values to free after the next job (see `ReleaseElsewhere`).
    private var leftovers: [Leftover] = []
    /// Leftovers are freed without waiting for a job once there are this many (keystrokes that run no job).
    private static let leftoverLimit = 4
    /// One signal per job handed over (and one when leftovers pile up).
    private let wake = DispatchSemaphore(value: 0)

    private init() {
        let firstCaller = oidcw_current_cpu()
        let thread = Thread { [self] in loop(avoiding: firstCaller) }
        thread.name = "oidc-wizard second core"
        thread.stackSize = 8 << 20  // as deep as the main thread's: the analysis may recurse through a policy
        thread.start()
    }

    /// Hands `job` over; false (nothing handed over) while another caller's job is in flight.
    func post(_ job: Job) -> Bool {
        lock.lock()
        guard !occupied else {
            lock.unlock()
            return false
        }
        occupied = true
        pending = job
        keepOff(job.callerCPU)
        lock.unlock()
        wake.signal()
        return true
    }

    /// Moves this (sleeping) thread off `cpu`, the CPU of the thread about to wake it, unless it is off it already.
    /// Called with `lock` held, before the wake-up: the scheduler wakes a thread on a CPU it may run on, so this
    /// decides where it wakes. The caller's CPU changes from one keystroke to the next (after an idle pause the
    /// scheduler resumes it wherever there is room), and a second thread woken on it either preempted the caller
    /// for its whole half or waited until the caller had done both halves: measured at a person's typing pace, one
    /// keystroke in two lost its parallelism that way while this thread moved itself only after each job.
    private func keepOff(_ cpu: Int32) {
        guard cpu >= 0, cpu != avoided, threadID > 0, oidcw_avoid_cpu(threadID, cpu) == 0 else { return }
        avoided = cpu
    }

    /// The caller has its result: the thread is free for the next caller.
    func finish(_ job: Job) {
        lock.lock()
        if pending === job { pending = nil }  // the caller ran it itself
        occupied = false
        // Values let go of while this job was in flight, after this thread had freed the last ones, would otherwise
        // wait for the next job: a pile of them is freed now.
        let pileUp = leftovers.count >= Self.leftoverLimit
        lock.unlock()
        if pileUp { wake.signal() }
    }

    /// Frees `leftover` after the next job, when this thread has finished its half and the caller is still on its
    /// own; at once (on this thread) if several pile up without a job.
    func releaseLater(_ leftover: Leftover) {
        lock.lock()
        leftovers.append(leftover)
        let pileUp = leftovers.count >= Self.leftoverLimit && !occupied
        if pileUp { keepOff(oidcw_current_cpu()) }
        lock.unlock()
        if pileUp { wake.signal() }
    }

    private func freeLeftovers() {
        lock.lock()
        let dropped = leftovers
        leftovers = []
        lock.unlock()
        _ = consume dropped  // freed here, outside the lock
    }

    private func loop(avoiding firstCaller: Int32) {
        lock.lock()
        threadID = oidcw_current_thread()
        keepOff(firstCaller)
        lock.unlock()
        while true {
            wake.wait()
            lock.lock()
            let job = pending
            pending = nil
            lock.unlock()
            guard let job else {
                freeLeftovers()  // its caller ran it already, or leftovers piled up
                continue
            }
            if job.take() {
                job.work()
                job.done.signal()
            }
            freeLeftovers()
        }
    }
}
