import Foundation
import Synchronization
import Testing
import CThreadPlacement
@testable import WizardUI

@Suite("Two computations at once")
struct BothAtOnceTests {
    /// Counts how often a closure ran, from any thread.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        func add() { value.add(1, ordering: .relaxed) }
        var count: Int { value.load(ordering: .relaxed) }
    }

    @Test("returns both results, and runs each part exactly once, whoever ends up running the second")
    func bothResultsOnce() {
        let seconds = Counter()
        for i in 0..<500 {
            var firsts = 0
            let (a, b) = BothAtOnce.run({ firsts += 1; return i * 2 }, { seconds.add(); return "\(i)" })
            #expect(a == i * 2)
            #expect(b == "\(i)")
            #expect(firsts == 1)
        }
        #expect(seconds.count == 500)
    }

    @Test("the second part runs on another thread while the first is still busy (where there is a second thread)",
          .enabled(if: SecondThread.shared != nil, "one usable CPU: both parts run on the caller"))
    func secondRunsElsewhere() {
        var elsewhere = 0
        for _ in 0..<20 {
            let caller = pthread_self()
            // The first part is slow enough that the second thread always claims the second one first.
            let (_, ranOn) = BothAtOnce.run({ usleep(5_000) }, { pthread_self() })
            if pthread_equal(ranOn, caller) == 0 { elsewhere += 1 }
        }
        // Another suite's update may hold the second thread for a moment: then both parts run here, correctly.
        #expect(elsewhere > 0)
    }

    @Test("the second thread runs a job on another CPU than the one its caller handed it over from",
          .enabled(if: SecondThread.shared != nil && oidcw_current_cpu() >= 0, "one usable CPU, or no way to tell which"))
    func keepsOffTheCallersCPU() {
        final class Place: Sendable {
            let cpu = Atomic<Int32>(-2)
        }
        let core = SecondThread.shared!
        var checked = 0
        var attempts = 0
        while checked < 20, attempts < 5_000 {
            attempts += 1
            let ranOn = Place()
            let job = Job { ranOn.cpu.store(oidcw_current_cpu(), ordering: .relaxed) }
            // Another suite's job may be in flight (for a millisecond or so): then try again a little later.
            guard core.post(job) else {
                usleep(1_000)
                continue
            }
            job.done.wait()
            core.finish(job)
            checked += 1
            #expect(ranOn.cpu.load(ordering: .relaxed) >= 0)
            #expect(ranOn.cpu.load(ordering: .relaxed) != job.callerCPU)
        }
        #expect(checked > 0)
    }

    @Test("a second part that itself runs two parts, and callers on many threads at once, all get their own results")
    func nestedAndConcurrentCallers() async {
        let results = await withTaskGroup(of: (Int, Int, Int).self) { group in
            for i in 0..<64 {
                group.addTask {
                    let (a, (b, c)) = BothAtOnce.run({ i }, { BothAtOnce.run({ i + 1 }, { i + 2 }) })
                    return (a, b, c)
                }
            }
            var all: [(Int, Int, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        for (a, b, c) in results {
            #expect(b == a + 1 && c == a + 2)
        }
    }

    /// Sets its flag when freed.
    final class Tracked: Sendable {
        let freed: Counter
        init(_ freed: Counter) { self.freed = freed }
        deinit { freed.add() }
    }

    @Test("a value let go of elsewhere is freed once the second thread has done its next half, or when several pile up")
    func releasedValuesAreFreed() async throws {
        let freed = Counter()
        ReleaseElsewhere.release(Tracked(freed))
        // Another suite's job may be in flight, and may have freed what it had before this value came: then
        // this run's two parts both run here and a later run's half on the second thread frees it.
        for _ in 0..<200 where freed.count < 1 {
            _ = BothAtOnce.run({ usleep(2_000) }, { 0 })
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(freed.count == 1)
        // Without any two-part run, a few piled-up values are freed all the same.
        for _ in 0..<8 { ReleaseElsewhere.release(Tracked(freed)) }
        for _ in 0..<200 where freed.count < 5 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(freed.count >= 5)
    }
}
