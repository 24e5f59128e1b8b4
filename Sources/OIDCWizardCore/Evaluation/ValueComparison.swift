/// How one request value is compared with one policy value, per comparison family. Every function
/// answers "does this request value satisfy the *positive* operator for this policy value"; negation,
/// set qualifiers and missing keys are handled by `ConditionEvaluator`.
enum ValueComparison {
    /// String and ARN families: the policy value is already a pattern (variables filled in).
    static func matches(_ comparison: ConditionOperator.Comparison, requestValue: String,
                        pattern: WildcardPattern) -> Bool {
        switch comparison {
        case .stringEquals, .stringLike:
            return pattern.matches(requestValue)
        case .stringEqualsIgnoreCase:
            return pattern.lowercased().matches(requestValue.lowercased())
        case .arnEquals, .arnLike:
            return arnMatches(requestValue, pattern)
        default:
            return false
        }
    }

    /// The other families compare the policy value's text directly (no wildcards, no variables).
    static func matches(_ comparison: ConditionOperator.Comparison, requestValue: String, policyValue: String) -> Bool {
        switch comparison {
        case .numericEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            guard let lhs = Double(requestValue.trimmingSpaces), let rhs = Double(policyValue.trimmingSpaces),
                  lhs.isFinite, rhs.isFinite else { return false }
            return order(comparison, lhs, rhs)
        case .dateEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let lhs = IAMDate.secondsSinceEpoch(requestValue),
                  let rhs = IAMDate.secondsSinceEpoch(policyValue) else { return false }
            return order(comparison, lhs, rhs)
        case .bool:
            let lhs = requestValue.lowercased(), rhs = policyValue.lowercased()
            return (lhs == "true" || lhs == "false") && lhs == rhs
        case .binaryEquals:
            return requestValue == policyValue
        case .ipAddress:
            guard let address = IPAddressRange.parseAddress(requestValue),
                  let range = IPAddressRange(policyValue) else { return false }
            return range.contains(address)
        default:
            return false
        }
    }

    private static func order(_ comparison: ConditionOperator.Comparison, _ lhs: Double, _ rhs: Double) -> Bool {
        switch comparison {
        case .numericEquals, .dateEquals: lhs == rhs
        case .numericLessThan, .dateLessThan: lhs < rhs
        case .numericLessThanEquals, .dateLessThanEquals: lhs <= rhs
        case .numericGreaterThan, .dateGreaterThan: lhs > rhs
        case .numericGreaterThanEquals, .dateGreaterThanEquals: lhs >= rhs
        default: false
        }
    }

    /// ArnEquals and ArnLike are the same operator in IAM: the six colon-separated parts of the ARN
    /// (`arn:partition:service:region:account:resource`) are matched one by one, each with `*`/`?`
    /// wildcards, so a `*` never runs across a colon except inside the final resource part.
    /// A policy value that is not ARN-shaped (e.g. a bare `*`) is matched against the whole value.
    static func arnMatches(_ value: String, _ pattern: WildcardPattern) -> Bool {
        let patternParts = split(pattern.tokens)
        guard patternParts.count == 6 else { return pattern.matches(value) }
        let valueParts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard valueParts.count == 6 else { return false }
        for (part, text) in zip(patternParts, valueParts)
        where !WildcardPattern(tokens: part).matches(String(text)) {
            return false
        }
        return true
    }

    /// Splits a pattern at its first five literal colons.
    private static func split(_ tokens: [WildcardPattern.Token]) -> [[WildcardPattern.Token]] {
        var parts: [[WildcardPattern.Token]] = [[]]
        for token in tokens {
            if token == .literal(":"), parts.count < 6 {
                parts.append([])
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        return parts
    }
}
