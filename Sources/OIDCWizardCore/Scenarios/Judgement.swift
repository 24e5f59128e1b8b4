import Foundation

/// A scenario's full `Decision`, worded at most once and only when asked for.
///
/// A reference shared by copies of one row, so that a row read twice (`decision.isAllowed`, then
/// `decision.reason`) is worded once. The lock makes that safe from any thread; it is taken only when a
/// reason is read, never while the table is built.
final class Judgement: @unchecked Sendable {
    private enum State {
        case pending(CompiledPolicy, AssumeRequest, Ruling)
        case worded(Decision)
    }

    private let lock = NSLock()
    private var state: State
    /// The reason alone, worded on its own when only the reason was asked for.
    private var reasonOnly: String?
    /// The few words a table row shows, worded once when first asked for.
    private var brief: String?

    init(decided: Decision) { state = .worded(decided) }

    init(policy: CompiledPolicy, request: AssumeRequest, ruling: Ruling) { state = .pending(policy, request, ruling) }

    var decision: Decision {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .worded(let decision):
            return decision
        case .pending(let policy, let request, _):
            let decision = policy.evaluate(request)
            state = .worded(decision)  // the compiled policy is no longer needed: let it go
            return decision
        }
    }

    /// The decision's reason; when the whole decision is not worded yet, only the parts the reason names are.
    var reason: String {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .worded(let decision):
            return decision.reason
        case .pending(let policy, let request, let ruling):
            if let reasonOnly { return reasonOnly }
            let reason = PolicyEvaluator.reason(policy, request, ruling: ruling)
            reasonOnly = reason
            return reason
        }
    }

    /// A few words on why (see `BriefReason`), from the decision if it is worded, else from the ruling.
    var briefReason: String {
        lock.lock()
        defer { lock.unlock() }
        if let brief { return brief }
        let words: String
        switch state {
        case .worded(let decision): words = decision.briefReason
        case .pending(let policy, let request, let ruling): words = PolicyEvaluator.briefReason(policy, request, ruling: ruling)
        }
        brief = words
        return words
    }
}
