/// A condition operator taken apart: `ForAllValues:StringNotLikeIfExists` is the base comparison
/// `StringLike`, negated, with the `ForAllValues` set qualifier and the `IfExists` suffix.
///
/// Operator names are matched case-insensitively. IAM refuses to store a policy whose operator it does
/// not know, so a policy that reached us from AWS spells operators the documented way; reading them
/// leniently only matters for hand-written files, where the reader notes an unusual spelling anyway.
public struct ConditionOperator: Hashable, Sendable {
    public enum SetQualifier: String, Hashable, Sendable {
        /// No prefix: the key is read as single-valued.
        case none = ""
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    /// The comparison family, with its positive spelling (`StringLike` for `StringNotLike`).
    public enum Comparison: String, Hashable, Sendable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringLike = "StringLike"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case numericEquals = "NumericEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case null = "Null"
    }

    /// The operator exactly as the policy wrote it.
    public var raw: String
    public var qualifier: SetQualifier
    public var comparison: Comparison
    /// `StringNotEquals`, `StringNotLike`, `ArnNotLike`, `NumericNotEquals`, `NotIpAddress`, …
    public var isNegated: Bool
    public var ifExists: Bool

    /// Parses an operator name; nil when IAM would not recognise it.
    public init?(_ raw: String) {
        self.raw = raw
        // Policies spell most operators the documented way, without a qualifier or IfExists: one look-up, where
        // the lenient reading below lower-cases the name four times (every clause is read on every keystroke).
        if let (comparison, negated) = Self.documented[raw] {
            qualifier = .none
            ifExists = false
            self.comparison = comparison
            isNegated = negated
            return
        }
        var rest = Substring(raw)
        qualifier = .none
        for candidate in [SetQualifier.forAnyValue, .forAllValues] {
            let prefix = candidate.rawValue + ":"
            if rest.lowercased().hasPrefix(prefix.lowercased()) {
                qualifier = candidate
                rest = rest.dropFirst(prefix.count)
                break
            }
        }
        ifExists = false
        if rest.lowercased().hasSuffix("ifexists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let (comparison, negated) = Self.names[rest.lowercased()] else { return nil }
        // `NullIfExists` makes no sense (Null *is* the existence test) and IAM does not accept it.
        if comparison == .null, ifExists || qualifier != .none { return nil }
        self.comparison = comparison
        isNegated = negated
    }

    /// Every base operator name (lower-cased) → its comparison and whether it is the negated form.
    private static let names: [String: (Comparison, Bool)] = {
        var table: [String: (Comparison, Bool)] = [:]
        for (name, meaning) in documented { table[name.lowercased()] = meaning }
        return table
    }()

    /// The same, each name spelled as documented (`StringNotLike`).
    private static let documented: [String: (Comparison, Bool)] = {
        var table: [String: (Comparison, Bool)] = [:]
        func add(_ name: String, _ comparison: Comparison, negated: Bool) {
            table[name] = (comparison, negated)
        }
        for comparison in Comparison.allCases { add(comparison.rawValue, comparison, negated: false) }
        add("StringNotEquals", .stringEquals, negated: true)
        add("StringNotEqualsIgnoreCase", .stringEqualsIgnoreCase, negated: true)
        add("StringNotLike", .stringLike, negated: true)
        add("ArnNotEquals", .arnEquals, negated: true)
        add("ArnNotLike", .arnLike, negated: true)
        add("NumericNotEquals", .numericEquals, negated: true)
        add("DateNotEquals", .dateEquals, negated: true)
        add("NotIpAddress", .ipAddress, negated: true)
        return table
    }()

    /// The operator's documented spelling (`ForAnyValue:StringNotLikeIfExists`), for messages.
    public var canonicalName: String {
        var base: String
        switch (comparison, isNegated) {
        case (.stringEquals, true): base = "StringNotEquals"
        case (.stringEqualsIgnoreCase, true): base = "StringNotEqualsIgnoreCase"
        case (.stringLike, true): base = "StringNotLike"
        case (.arnEquals, true): base = "ArnNotEquals"
        case (.arnLike, true): base = "ArnNotLike"
        case (.numericEquals, true): base = "NumericNotEquals"
        case (.dateEquals, true): base = "DateNotEquals"
        case (.ipAddress, true): base = "NotIpAddress"
        default: base = comparison.rawValue
        }
        if ifExists { base += "IfExists" }
        return qualifier == .none ? base : "\(qualifier.rawValue):\(base)"
    }

    /// Whether the operator's values are glob patterns (`*`, `?`).
    public var usesWildcards: Bool {
        switch comparison {
        case .stringLike, .arnEquals, .arnLike: true
        default: false
        }
    }

    /// Whether policy variables (`${aws:username}`) are substituted in this operator's values.
    /// IAM substitutes them in the string and ARN families only.
    public var acceptsPolicyVariables: Bool {
        switch comparison {
        case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arnEquals, .arnLike: true
        default: false
        }
    }
}
