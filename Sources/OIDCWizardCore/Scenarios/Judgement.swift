import Foundation

/// A scenario's full `Decision`, worded at most once and only when asked for.
///
/// A reference shared by copies of one row, so that a row read twice (`decision.isAllowed`, then
/// `decision.reason`) is worded once. The lock makes that safe from any thread; it is taken only when a
/// reason is read, never while the table is built.
final class Judgement: @unchecked Sendable {
    private enum State {
        case pending(CompiledPolicy, AssumeRequest)
        case worded(Decision)
    }

    private let lock = NSLock()
    private var state: State

    init(decided: Decision) { state = .worded(decided) }

    init(policy: CompiledPolicy, request: AssumeRequest) { state = .pending(policy, request) }

    var decision: Decision {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .worded(let decision):
            return decision
        case .pending(let policy, let request):
            let decision = policy.evaluate(request)
            state = .worded(decision)  // the compiled policy is no longer needed: let it go
            return decision
        }
    }
}
