/// A few words on why a request got in or not, for a table row where the full reason (`Decision.reason`) does
/// not fit: "statement 1: sub matches none of its 10 values" instead of "No statement allows it. Statement 1
/// does not apply: token.actions.githubusercontent.com:sub "…" matches none of …", cut off after a line.
///
/// It names the same statement as the full reason and, for a denial, the same first failing part of each Allow
/// statement. Worded from the evaluator's verdicts (`Decision.briefReason`) or from a quick ruling
/// (`PolicyEvaluator.briefReason`) alike, by the functions here, so the two cannot disagree.
enum BriefReason {
    /// The first part of an Allow statement that does not hold.
    enum Failure {
        case principal
        case action
        case clause(Clause)
        /// Nothing fails, yet the statement does not apply (its Effect is not one IAM knows).
        case none
    }

    /// A condition clause that does not hold, as much of it as the words need.
    struct Clause {
        var key: String
        var op: ConditionOperator?
        var opText: String
        var values: [String]
        /// Whether the request carries the key at all.
        var keyPresent: Bool
    }

    static func allowed(by label: String, subjectMatch: String?) -> String {
        guard let subjectMatch else { return "\(label) allows it" }
        return "\(label) allows it: sub matches \"\(subjectMatch)\""
    }

    static func denied(by label: String) -> String {
        "\(label) denies it (an explicit Deny always wins)"
    }

    /// `allows`: each Allow statement's label and its first failing part, in policy order.
    static func nothingAllows(_ allows: [(label: String, failure: Failure)]) -> String {
        switch allows.count {
        case 0: return "no statement allows it: the policy has no Allow statement"
        case 1: return "\(allows[0].label): \(words(allows[0].failure))"
        default: return "no statement allows it (" + allows.map { "\($0.label): \(words($0.failure))" }.joined(separator: "; ") + ")"
        }
    }

    static func words(_ failure: Failure) -> String {
        switch failure {
        case .principal: return "its Principal does not name this identity provider"
        case .action: return "its Action does not cover the request's action"
        case .clause(let clause): return words(clause)
        case .none: return "it does not apply"
        }
    }

    private static func words(_ clause: Clause) -> String {
        let key = shortKey(clause.key)
        guard let op = clause.op else { return "its operator \"\(clause.opText)\" is not one IAM knows" }
        if op.comparison == .null {
            return "\(op.raw) on \(key) fails: the token \(clause.keyPresent ? "has" : "has no") \(key)"
        }
        if !clause.keyPresent { return "the token has no \(key)" }
        if op.isNegated { return "\(key) has a value that \(op.raw) excludes" }
        if op.qualifier == .forAllValues { return "\(key) has a value outside its list" }
        if clause.values.count == 1 { return "\(key) does not match \"\(clause.values[0])\"" }
        return "\(key) matches none of its \(clause.values.count) values"
    }

    /// "token.actions.githubusercontent.com:sub" → "sub"; a global key such as "aws:SourceIp" stays whole.
    static func shortKey(_ key: String) -> String {
        guard let (provider, claim) = key.cutAtLast(UInt8(ascii: ":")), provider.contains(".") || provider.contains("/") else { return key }
        return claim
    }

    /// Whether `key` is a provider's `sub` (the claim the allowed reason quotes): `shortKey(key)` is `sub` in any
    /// case, after a provider. Read on the key's bytes: only ASCII letters lower-case to `s`, `u` and `b`.
    static func isSubject(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { bytes in
            guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")), bytes.count - colon == 4,
                  bytes[colon + 1] | 0x20 == UInt8(ascii: "s"), bytes[colon + 2] | 0x20 == UInt8(ascii: "u"),
                  bytes[colon + 3] | 0x20 == UInt8(ascii: "b") else { return false }
            return bytes[..<colon].contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }
        }
    }
}

extension Decision {
    /// A few words on why, for a table row (see `BriefReason`); `reason` says it in full.
    public var briefReason: String {
        if let index = statementIndex, let verdict = statements.first(where: { $0.statementIndex == index }) {
            if outcome == .explicitDeny { return BriefReason.denied(by: verdict.label) }
            let subject = verdict.clauses.first { BriefReason.isSubject($0.key) && $0.matchedPolicyValue != nil }
            return BriefReason.allowed(by: verdict.label, subjectMatch: subject?.matchedPolicyValue)
        }
        return BriefReason.nothingAllows(statements.filter { $0.effect == .allow }.map { verdict in
            let failure: BriefReason.Failure
            if !verdict.principalMatches {
                failure = .principal
            } else if !verdict.actionMatches {
                failure = .action
            } else if let clause = verdict.clauses.first(where: { !$0.holds }) {
                let present: Bool
                switch clause.basis {
                case .keyMissing: present = false
                case .nullTest(let keyPresent): present = keyPresent
                default: present = true
                }
                failure = .clause(.init(key: clause.key, op: clause.parsedOperator, opText: clause.op,
                                        values: clause.clause.values, keyPresent: present))
            } else {
                failure = .none
            }
            return (verdict.label, failure)
        })
    }
}

extension PolicyEvaluator {
    /// `evaluate(compiled, request).briefReason`, worded from the quick `ruling` of the same request: only the
    /// deciding statement's `sub` clause, or each Allow's first failing part, is looked at.
    static func briefReason(_ compiled: CompiledPolicy, _ request: AssumeRequest, ruling: Ruling) -> String {
        let context = RequestContext(request.context)
        if let index = ruling.statementIndex, ruling.outcome != .implicitDeny {
            let statement = compiled.statements[index]
            let label = StatementVerdict.label(index: index, sid: statement.source.sid)
            if ruling.outcome == .explicitDeny { return BriefReason.denied(by: label) }
            // The first `sub` clause that matched, worded on its own (the full verdict would word every clause).
            let match = statement.clauses.lazy.filter { BriefReason.isSubject($0.source.key) }
                .map { ConditionEvaluator.evaluate($0, context: context).matchedPolicyValue }
                .first { $0 != nil } ?? nil
            return BriefReason.allowed(by: label, subjectMatch: match)
        }
        let action = CompiledPolicy.lowercasedAction(request.action)
        return BriefReason.nothingAllows(compiled.statements.filter { $0.source.effect == .allow }.map { statement in
            let failure: BriefReason.Failure
            if !statement.principalMatches(request.principal) {
                failure = .principal
            } else if !statement.actionMatches(action) {
                failure = .action
            } else if let clause = statement.clauses.first(where: { !$0.holds(in: context) }) {
                let present = context.values(forLowercased: clause.key) != nil
                failure = .clause(.init(key: clause.source.key, op: clause.op, opText: clause.source.op,
                                        values: clause.source.values, keyPresent: present))
            } else {
                failure = .none
            }
            return (StatementVerdict.label(index: statement.index, sid: statement.source.sid), failure)
        })
    }
}
