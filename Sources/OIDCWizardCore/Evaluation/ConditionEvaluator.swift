/// Judges one condition clause against the request with IAM's rules:
///
/// | request has the key? | operator                         | clause holds when                              |
/// |----------------------|----------------------------------|------------------------------------------------|
/// | no                   | positive (StringLike, …)         | never                                          |
/// | no                   | negated (StringNotLike, …)       | always                                         |
/// | no                   | …IfExists                        | always                                         |
/// | no                   | ForAllValues:…                   | always (nothing to check — the classic trap)   |
/// | no                   | ForAnyValue:…                    | never                                          |
/// | either               | Null                             | policy value "true" ⇔ key absent               |
/// | yes                  | positive                         | some request value matches some policy value   |
/// | yes                  | negated                          | no request value matches any policy value      |
/// | yes                  | ForAnyValue:positive             | some request value matches some policy value   |
/// | yes                  | ForAnyValue:negated              | some request value matches no policy value     |
/// | yes                  | ForAllValues:positive            | every request value matches some policy value  |
/// | yes                  | ForAllValues:negated             | no request value matches any policy value      |
///
/// A negated operator is the negation of its positive form, so with several policy values it means
/// "equal to none of them". An unknown operator never holds (IAM would refuse the policy; the reader
/// reports it).
enum ConditionEvaluator {
    static func evaluate(_ compiled: CompiledClause, context: RequestContext) -> ClauseVerdict {
        let clause = compiled.source
        let index = compiled.index
        guard let op = compiled.op else {
            return verdict(clause, index, nil, holds: false, .unknownOperator, [],
                           "\"\(clause.op)\" is not an IAM condition operator, so this condition never holds (AWS would refuse the policy).")
        }
        let requestValues = context.values(forLowercased: compiled.key)
        let opName = op.raw
        let key = clause.key

        if op.comparison == .null {
            let present = requestValues != nil
            let wantsAbsent = compiled.nullWantsAbsent, wantsPresent = compiled.nullWantsPresent
            let holds = (wantsAbsent && !present) || (wantsPresent && present)
            let state = present ? "is in the request" : "is not in the request"
            let expectation = wantsAbsent && wantsPresent ? "either"
                : wantsAbsent ? "it to be missing" : wantsPresent ? "it to be present"
                : "a value other than \"true\" or \"false\", which never matches"
            return verdict(clause, index, op, holds: holds, .nullTest(keyPresent: present), [],
                           "\(key) \(state) and Null expects \(expectation), so the condition \(holds ? "holds" : "fails").")
        }

        guard let requestValues else {
            let holds: Bool
            let why: String
            if op.ifExists {
                holds = true
                why = "\(opName) passes when the key is missing"
            } else if op.qualifier == .forAllValues {
                holds = true
                why = "ForAllValues: is true when the key is missing (there is no value to check)"
            } else if op.qualifier == .forAnyValue {
                holds = false
                why = "ForAnyValue: needs at least one value"
            } else if op.isNegated {
                holds = true
                why = "a negated operator like \(opName) is true when the key is missing"
            } else {
                holds = false
                why = "a missing key never satisfies \(opName)"
            }
            return verdict(clause, index, op, holds: holds, .keyMissing, [],
                           "\(key) is not in the request, and \(why), so the condition \(holds ? "holds" : "fails").")
        }

        // The policy values as patterns (compiled once per policy; variables filled in from this request).
        var unresolved: [String] = []
        var patterns: [(text: String, pattern: WildcardPattern, literal: String?)] = []
        if op.acceptsPolicyVariables {
            (patterns, unresolved) = compiled.patterns(in: context)
        }
        let ignoreCase = op.comparison == .stringEqualsIgnoreCase
        func firstMatch(_ requestValue: String) -> String? {
            if op.acceptsPolicyVariables {
                let subject = ignoreCase ? requestValue.lowercased() : requestValue
                return patterns.first { CompiledClause.matches(op.comparison, subject, $0.pattern, literal: $0.literal) }?.text
            }
            return clause.values.first { ValueComparison.matches(op.comparison, requestValue: requestValue, policyValue: $0) }
        }

        // Worded only on the paths that say it: most evaluations match or miss on the first value.
        var policyList: String { clause.values.map { "\"\($0)\"" }.joined(separator: ", ") }
        let verb = verbs(op.comparison).positive
        func matchedText(_ value: String, _ policyValue: String) -> String {
            "\(key) \"\(value)\" \(verb) \"\(policyValue)\""
        }

        var matches: [(value: String, policyValue: String)] = []
        var outside: [String] = []
        for value in requestValues {
            if let policyValue = firstMatch(value) { matches.append((value, policyValue)) } else { outside.append(value) }
        }

        let holds: Bool
        let basis: ClauseVerdict.Basis
        var sentence: String
        switch (op.qualifier, op.isNegated) {
        case (.none, false), (.forAnyValue, false):
            holds = !matches.isEmpty
            if let first = matches.first {
                basis = .matched(requestValue: first.value, policyValue: first.policyValue)
                sentence = "\(matchedText(first.value, first.policyValue)) under \(opName)"
            } else {
                basis = .noValueMatched(requestValues: requestValues)
                sentence = "\(noMatchText(key, requestValues, op, clause.values)) under \(opName)"
            }
        case (.none, true), (.forAllValues, true):
            holds = matches.isEmpty
            if let first = matches.first {
                basis = .matched(requestValue: first.value, policyValue: first.policyValue)
                sentence = "\(matchedText(first.value, first.policyValue)), so \(opName) fails"
            } else {
                basis = .noValueMatched(requestValues: requestValues)
                sentence = "\(noMatchText(key, requestValues, op, clause.values)), so \(opName) holds"
            }
        case (.forAnyValue, true):
            holds = !outside.isEmpty
            if let first = outside.first {
                basis = .valueOutsideSet(requestValue: first)
                sentence = "\(noMatchText(key, [first], op, clause.values)), so \(opName) holds"
            } else {
                basis = .everyValueMatched(requestValues: requestValues)
                sentence = "every value of \(key) \(verb) one of \(policyList), so \(opName) fails"
            }
        case (.forAllValues, false):
            holds = outside.isEmpty
            if let first = outside.first {
                basis = .valueOutsideSet(requestValue: first)
                sentence = "\(noMatchText(key, [first], op, clause.values)), so \(opName) fails"
            } else {
                basis = .everyValueMatched(requestValues: requestValues)
                sentence = requestValues.count == 1
                    ? "\(matchedText(requestValues[0], matches[0].policyValue)) under \(opName)"
                    : "every value of \(key) \(verb) one of \(policyList) under \(opName)"
            }
        }
        if !unresolved.isEmpty {
            let list = unresolved.map { "\"\($0)\"" }.joined(separator: ", ")
            sentence += " (\(list) names a policy variable the request cannot fill in, so it matches nothing)"
        }
        return verdict(clause, index, op, holds: holds, basis, unresolved, sentence + ".")
    }

    private static func noMatchText(_ key: String, _ values: [String], _ op: ConditionOperator, _ policyValues: [String]) -> String {
        let policyList = policyValues.map { "\"\($0)\"" }.joined(separator: ", ")
        let (positive, negative) = verbs(op.comparison)
        if values.count == 1 {
            let target = policyValues.count == 1 ? policyList : "any of \(policyList)"
            return "\(key) \"\(values[0])\" \(negative) \(target)"
        }
        let shown = values.map { "\"\($0)\"" }.joined(separator: ", ")
        return "no value of \(key) (\(shown)) \(positive) any of \(policyList)"
    }

    /// "request value <positive> policy value" / "request value <negative> policy value".
    private static func verbs(_ comparison: ConditionOperator.Comparison) -> (positive: String, negative: String) {
        switch comparison {
        case .stringLike, .arnLike, .arnEquals: ("matches", "does not match")
        case .stringEquals, .numericEquals, .dateEquals, .bool, .binaryEquals, .null: ("equals", "does not equal")
        case .stringEqualsIgnoreCase: ("equals (ignoring case)", "does not equal (ignoring case)")
        case .numericLessThan: ("is less than", "is not less than")
        case .numericLessThanEquals: ("is at most", "is not at most")
        case .numericGreaterThan: ("is greater than", "is not greater than")
        case .numericGreaterThanEquals: ("is at least", "is not at least")
        case .dateLessThan: ("is before", "is not before")
        case .dateLessThanEquals: ("is at or before", "is not at or before")
        case .dateGreaterThan: ("is after", "is not after")
        case .dateGreaterThanEquals: ("is at or after", "is not at or after")
        case .ipAddress: ("is in", "is not in")
        }
    }

    private static func verdict(_ clause: ConditionClause, _ index: Int, _ op: ConditionOperator?, holds: Bool,
                                _ basis: ClauseVerdict.Basis, _ unresolved: [String], _ text: String) -> ClauseVerdict {
        ClauseVerdict(clauseIndex: index, clause: clause, parsedOperator: op, holds: holds, basis: basis,
                      unresolvedVariables: unresolved, explanation: text)
    }
}
