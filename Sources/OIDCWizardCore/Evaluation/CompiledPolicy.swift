/// A trust policy made ready for many evaluations: every operator parsed, every condition key
/// lower-cased, every action and condition value compiled to a `WildcardPattern` — once, instead of once
/// per request. The analysis and the scenario table ask about dozens of requests per policy on every
/// keystroke; the policy does not change between them.
///
/// Two ways to ask:
/// - `decide(_:)` answers with a `Ruling` (outcome, deciding statement, applying statements) and builds
///   no text. The analysis and the scenario table use it.
/// - `evaluate(_:)` answers with the full `Decision`, reasons and per-statement verdicts included, for
///   what a person reads (`simulate`, `explain`, a scenario's reason).
/// Both run the same compiled clauses with the same semantics; a test holds them equal over the
/// corpora.
public struct CompiledPolicy: Sendable {
    public let policy: TrustPolicy
    let statements: [CompiledStatement]
    /// The condition keys the policy reads (lower-cased), or nil when a policy variable may read any of the
    /// request's keys. A request key outside this set cannot change any decision or reason.
    let readKeys: Set<String>?

    public init(_ policy: TrustPolicy) {
        self.policy = policy
        // Policy variables exist only in the 2012-10-17 policy language; elsewhere `${…}` is plain text.
        let substitute = policy.version == TrustPolicy.currentVersion
        statements = policy.statements.enumerated().map { index, statement in
            CompiledStatement(statement, index: index, substituteVariables: substitute)
        }
        let clauses = statements.flatMap(\.clauses)
        readKeys = clauses.contains(where: \.hasVariables) ? nil : Set(clauses.map(\.key))
    }

    /// IAM's decision without the words: which way it goes and which statements made it so.
    public func decide(_ request: AssumeRequest) -> Ruling {
        let ruling = rule(request)
        #if DEBUG
        // Tests listen here to hold every quick answer equal to the full evaluator's.
        EvaluationAudit.listener?(self, request, ruling)
        #endif
        return ruling
    }

    private func rule(_ request: AssumeRequest) -> Ruling {
        let context = RequestContext(request.context)
        let action = Self.lowercasedAction(request.action)
        var applying: [Int] = []
        var firstDeny: Int?
        var firstAllow: Int?
        for statement in statements where statement.applies(principal: request.principal, action: action, context: context) {
            applying.append(statement.index)
            switch statement.source.effect {
            case .deny: if firstDeny == nil { firstDeny = statement.index }
            case .allow: if firstAllow == nil { firstAllow = statement.index }
            case .invalid: break
            }
        }
        if let firstDeny { return Ruling(outcome: .explicitDeny, statementIndex: firstDeny, applyingStatements: applying) }
        if let firstAllow { return Ruling(outcome: .allowed, statementIndex: firstAllow, applyingStatements: applying) }
        return Ruling(outcome: .implicitDeny, statementIndex: nil, applyingStatements: applying)
    }

    /// The action lower-cased for matching; the action every web-identity request names is lower-cased once
    /// for the process (it has capitals, so lower-casing it per request would allocate each time).
    static func lowercasedAction(_ action: String) -> String {
        action == AssumeRequest.webIdentityAction ? loweredWebIdentityAction : action.lowercasedForLookup
    }

    private static let loweredWebIdentityAction = AssumeRequest.webIdentityAction.lowercased()

    /// IAM's decision with the reasons and every statement's verdict.
    public func evaluate(_ request: AssumeRequest) -> Decision {
        PolicyEvaluator.evaluate(self, request)
    }
}

#if DEBUG
/// A test's ear on `CompiledPolicy.decide`: every request the analysis and the scenario table decide
/// without words, so a test can check each against the full evaluator. Debug builds only.
enum EvaluationAudit {
    typealias Listener = @Sendable (CompiledPolicy, AssumeRequest, Ruling) -> Void
    @TaskLocal static var listener: Listener?
}
#endif

/// One statement with its action patterns and condition clauses compiled.
///
/// A class, not a struct: every request walks the statements and their clauses, and handing out a struct of
/// a dozen references costs a retain and a release for each of them; a class costs one.
final class CompiledStatement: Sendable {
    let source: PolicyStatement
    let index: Int
    /// `Action` / `NotAction` values as lower-cased patterns (actions match case-insensitively).
    let actions: [WildcardPattern]?
    let notActions: [WildcardPattern]?
    let clauses: [CompiledClause]

    init(_ statement: PolicyStatement, index: Int, substituteVariables: Bool) {
        source = statement
        self.index = index
        actions = statement.actions?.map { WildcardPattern(glob: $0.lowercased()) }
        notActions = statement.notActions?.map { WildcardPattern(glob: $0.lowercased()) }
        clauses = statement.conditions.enumerated().map { clauseIndex, clause in
            CompiledClause(clause, index: clauseIndex, substituteVariables: substituteVariables)
        }
    }

    var effectKnown: Bool {
        if case .invalid = source.effect { return false }
        return true
    }

    /// Whether the statement applies: the same test as its full verdict's `applies`, without the words.
    /// `action` is the request's action, lower-cased.
    func applies(principal caller: String, action: String, context: RequestContext) -> Bool {
        guard effectKnown, principalMatches(caller), actionMatches(action) else { return false }
        return clauses.allSatisfy { $0.holds(in: context) }
    }

    func principalMatches(_ caller: String) -> Bool {
        switch (source.principal, source.notPrincipal) {
        case (nil, nil): false
        case (let principal?, let notPrincipal):
            PolicyEvaluator.names(principal, caller) != nil
                && !(notPrincipal.map { PolicyEvaluator.names($0, caller) != nil } ?? false)
        case (nil, let notPrincipal?): PolicyEvaluator.names(notPrincipal, caller) == nil
        }
    }

    /// The index of the first `patterns` entry covering `action` (lower-cased).
    static func firstMatch(_ patterns: [WildcardPattern], _ action: String) -> Int? {
        patterns.firstIndex { $0.matches(action) }
    }

    func actionMatches(_ action: String) -> Bool {
        switch (actions, notActions) {
        case (nil, nil): false
        case (let actions?, let notActions):
            Self.firstMatch(actions, action) != nil && (notActions.map { Self.firstMatch($0, action) == nil } ?? true)
        case (nil, let notActions?): Self.firstMatch(notActions, action) == nil
        }
    }
}

/// One condition clause, compiled: operator parsed, key lower-cased, values turned into patterns where
/// that does not depend on the request. A class for the same reason as `CompiledStatement`.
final class CompiledClause: Sendable {
    /// One policy value of a string or ARN operator.
    enum Value: Sendable {
        /// The pattern is fixed. For the IgnoreCase operators it is already lower-cased.
        case fixed(text: String, pattern: WildcardPattern, literal: String?)
        /// The value names a policy variable: it is filled in from each request.
        case variable(text: String)
    }

    let source: ConditionClause
    let index: Int
    let op: ConditionOperator?
    /// The key, lower-cased (IAM matches key names case-insensitively).
    let key: String
    let substituteVariables: Bool
    /// For operators taking policy variables (the string and ARN families); empty otherwise.
    let values: [Value]
    /// The Null operator's wishes: a value "true" (key absent) and/or "false" (key present).
    let nullWantsAbsent: Bool
    let nullWantsPresent: Bool
    /// Whether some value names a policy variable (and so is filled in per request).
    let hasVariables: Bool

    init(_ clause: ConditionClause, index: Int, substituteVariables: Bool) {
        source = clause
        self.index = index
        op = ConditionOperator(clause.op)
        key = clause.key.lowercasedForLookup
        self.substituteVariables = substituteVariables
        if op?.comparison == .null {
            let lowered = clause.values.map { $0.lowercased() }
            nullWantsAbsent = lowered.contains("true")
            nullWantsPresent = lowered.contains("false")
        } else {
            nullWantsAbsent = false
            nullWantsPresent = false
        }
        guard let op, op.acceptsPolicyVariables else {
            values = []
            hasVariables = false
            return
        }
        let ignoreCase = op.comparison == .stringEqualsIgnoreCase
        let wildcards = op.usesWildcards
        values = clause.values.map { text in
            // Without a `${` nothing can be substituted, whatever the request says: the pattern is fixed,
            // read as `PolicyVariables.resolve` reads text outside a variable.
            if substituteVariables, text.mentionsPolicyVariable { return .variable(text: text) }
            var pattern = wildcards ? WildcardPattern(glob: text) : WildcardPattern(literal: text)
            if ignoreCase { pattern = pattern.lowercased() }
            // Without wildcards the pattern's literal text is the value itself (lower-cased for IgnoreCase, where
            // the pattern was lower-cased scalar by scalar).
            let literal = pattern.hasWildcards ? nil : ignoreCase ? pattern.literalText : text
            return .fixed(text: text, pattern: pattern, literal: literal)
        }
        hasVariables = values.contains { if case .variable = $0 { true } else { false } }
    }

    /// The value at `index` read as a glob (`WildcardPattern(glob:)` of its text), when that is how it was compiled:
    /// a fixed value of a StringLike test. Nil otherwise (other operators compile their values differently).
    func glob(at index: Int) -> WildcardPattern? {
        guard op?.comparison == .stringLike, index < values.count, case .fixed(_, let pattern, _) = values[index] else { return nil }
        return pattern
    }

    /// The patterns for one request: fixed ones as compiled, variables filled in from the request; values
    /// naming a variable the request cannot fill in are listed in `unresolved` (they match nothing).
    func patterns(in context: RequestContext) -> (patterns: [(text: String, pattern: WildcardPattern, literal: String?)], unresolved: [String]) {
        var patterns: [(text: String, pattern: WildcardPattern, literal: String?)] = []
        var unresolved: [String] = []
        patterns.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .fixed(let text, let pattern, let literal):
                patterns.append((text, pattern, literal))
            case .variable(let text):
                switch PolicyVariables.resolve(text, wildcards: op?.usesWildcards ?? false,
                                               substitute: substituteVariables, context: context) {
                case .pattern(var pattern):
                    if op?.comparison == .stringEqualsIgnoreCase { pattern = pattern.lowercased() }
                    patterns.append((text, pattern, pattern.hasWildcards ? nil : pattern.literalText))
                case .unresolved:
                    unresolved.append(text)
                }
            }
        }
        return (patterns, unresolved)
    }

    /// Whether `requestValue` satisfies the positive operator for one prepared pattern.
    /// `requestValue` is lower-cased by the caller for the IgnoreCase operators.
    @inline(__always)
    static func matches(_ comparison: ConditionOperator.Comparison, _ requestValue: String,
                        _ pattern: WildcardPattern, literal: String?) -> Bool {
        switch comparison {
        case .stringEquals, .stringLike, .stringEqualsIgnoreCase:
            // A pattern without wildcards matches exactly the text with the same scalars: compare bytes.
            if let literal { return requestValue.hasSameBytes(as: literal) }
            return pattern.matches(requestValue)
        case .arnEquals, .arnLike:
            return ValueComparison.arnMatches(requestValue, pattern)
        default:
            return false
        }
    }

    /// Whether the clause holds for the request — `ConditionEvaluator`'s verdict without its words.
    func holds(in context: RequestContext) -> Bool {
        guard let op else { return false }
        let requestValues = context.values(forLowercased: key)
        if op.comparison == .null {
            let present = requestValues != nil
            return (nullWantsAbsent && !present) || (nullWantsPresent && present)
        }
        guard let requestValues else {
            if op.ifExists || op.qualifier == .forAllValues { return true }
            if op.qualifier == .forAnyValue { return false }
            return op.isNegated
        }

        // A local function, not a closure value: nothing is allocated per evaluation.
        let comparison = op.comparison
        let lower = comparison == .stringEqualsIgnoreCase
        let prepared = op.acceptsPolicyVariables && hasVariables ? patterns(in: context).patterns : []
        func matchesSome(_ value: String) -> Bool {
            if op.acceptsPolicyVariables, !hasVariables {
                // The common case: every pattern is fixed, so nothing is prepared per request.
                let subject = lower ? value.lowercased() : value
                return values.contains { value in
                    guard case .fixed(_, let pattern, let literal) = value else { return false }
                    return Self.matches(comparison, subject, pattern, literal: literal)
                }
            } else if op.acceptsPolicyVariables {
                let subject = lower ? value.lowercased() : value
                return prepared.contains { Self.matches(comparison, subject, $0.pattern, literal: $0.literal) }
            } else {
                return source.values.contains { ValueComparison.matches(comparison, requestValue: value, policyValue: $0) }
            }
        }
        switch (op.qualifier, op.isNegated) {
        case (.none, false), (.forAnyValue, false): return requestValues.contains(where: matchesSome)
        case (.none, true), (.forAllValues, true): return !requestValues.contains(where: matchesSome)
        case (.forAnyValue, true): return requestValues.contains { !matchesSome($0) }
        case (.forAllValues, false): return requestValues.allSatisfy(matchesSome)
        }
    }
}

extension String {
    /// Whether both texts are the same UTF-8 bytes (not String's `==`, which equates canonically equivalent
    /// texts). Lengths first, then the two buffers: the generic `elementsEqual` over the views cost about fifty
    /// instructions a byte, and the evaluator compares a subject with each literal value of a statement.
    func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // Not `withUTF8` on copies: the copies' retains cost more than the comparison on this path.
        let inBuffers = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { UTF8Bytes.same(UnsafeRawBufferPointer(mine), UnsafeRawBufferPointer($0)) }
        }
        return (inBuffers ?? nil) ?? utf8.elementsEqual(other.utf8)
    }

    /// Whether the text has a `${` (where a policy variable could start); a byte scan, no Foundation. On the
    /// text's buffer where it has one: the rules ask for every value on every keystroke, and stepping through
    /// the UTF-8 view costs several times more.
    var mentionsPolicyVariable: Bool {
        func scan(_ bytes: some Sequence<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") { return true }
                previous = byte
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(scan) ?? scan(utf8)
    }

    /// The text lower-cased for a case-insensitive key lookup; the text itself when it has no upper-case
    /// ASCII and no non-ASCII (the usual case for condition keys), which spares an allocation.
    var lowercasedForLookup: String {
        hasUpperCaseOrNonASCII ? lowercased() : self
    }
}

extension WildcardPattern {
    /// The text of a pattern with no wildcards: its literal scalars.
    var literalText: String {
        var out = String.UnicodeScalarView()
        for case .literal(let scalar) in tokens { out.append(scalar) }
        return String(out)
    }
}
