import Foundation
import Synchronization
import Testing
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

    @Test("the second part runs on another thread while the first is still busy (with two CPUs or more)")
    func secondRunsElsewhere() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount >= 2)
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
}
