/// A role trust policy as IAM understands it: the one model that the generator produces, the reader
/// fills from files, the evaluator decides on, the rules inspect and the editor changes.
///
/// It keeps statement order and every condition clause in document order (duplicates included), and it
/// keeps members it does not model verbatim (`extraMembers`), so an edit can write back what it did not touch.
public struct TrustPolicy: Hashable, Sendable {
    public static let currentVersion = "2012-10-17"

    public var version: String?
    public var id: String?
    public var statements: [PolicyStatement]
    /// `true` when the document wrote `"Statement": { ... }` (one object) rather than a list.
    public var statementWasObject: Bool
    /// Top-level members other than Version, Id and Statement, in document order.
    public var extraMembers: [JSONMember]

    public init(version: String? = TrustPolicy.currentVersion, id: String? = nil,
                statements: [PolicyStatement], statementWasObject: Bool = false,
                extraMembers: [JSONMember] = []) {
        self.version = version
        self.id = id
        self.statements = statements
        self.statementWasObject = statementWasObject
        self.extraMembers = extraMembers
    }
}

public enum StatementEffect: Hashable, Sendable {
    case allow
    case deny
    /// Anything else (`"allow"`, `"Permit"`): IAM rejects the policy.
    case invalid(String)

    public var jsonText: String {
        switch self {
        case .allow: "Allow"
        case .deny: "Deny"
        case .invalid(let raw): raw
        }
    }
}

/// `Principal` / `NotPrincipal`: either the bare string `"*"` or an object of principal types.
public enum PrincipalBlock: Hashable, Sendable {
    case wildcard
    case entries([PrincipalEntry])

    /// Every value listed under `type` (compared case-sensitively, as IAM does for principal types).
    public func values(ofType type: String) -> [String] {
        guard case .entries(let entries) = self else { return [] }
        return entries.filter { $0.type == type }.flatMap(\.values)
    }
}

/// One principal type (`Federated`, `AWS`, `Service`, `CanonicalUser`) and its values.
public struct PrincipalEntry: Hashable, Sendable {
    public var type: String
    public var values: [String]

    public init(type: String, values: [String]) {
        self.type = type
        self.values = values
    }
}

/// One key under one condition operator: `"StringLike": { "<key>": [values] }`.
///
/// A statement's conditions are a flat list of these in document order. Clauses that share an operator
/// are written back under one operator object. The list holds what IAM will evaluate: when the source
/// repeated a JSON key, the reader keeps the last value (as IAM's parser does) and records the lost one
/// as a `ReaderNote`, which is how a vanished constraint reaches the analysis.
public struct ConditionClause: Hashable, Sendable {
    /// The operator as written, e.g. `StringLike`, `ForAnyValue:StringEquals`, `StringEqualsIfExists`.
    public var op: String
    /// The condition key as written, e.g. `token.actions.githubusercontent.com:sub`.
    public var key: String
    /// The values, already turned into the strings IAM compares (numbers and booleans as their text).
    public var values: [String]

    public init(op: String, key: String, values: [String]) {
        self.op = op
        self.key = key
        self.values = values
    }
}

public struct PolicyStatement: Hashable, Sendable {
    public var sid: String?
    public var effect: StatementEffect
    public var principal: PrincipalBlock?
    public var notPrincipal: PrincipalBlock?
    /// `Action` values; `nil` when the statement has no `Action` member.
    public var actions: [String]?
    /// `NotAction` values; `nil` when the statement has no `NotAction` member.
    public var notActions: [String]?
    public var conditions: [ConditionClause]
    /// Members other than Sid, Effect, Principal, NotPrincipal, Action, NotAction and Condition, verbatim.
    public var extraMembers: [JSONMember]

    public init(sid: String? = nil, effect: StatementEffect, principal: PrincipalBlock? = nil,
                notPrincipal: PrincipalBlock? = nil, actions: [String]? = nil, notActions: [String]? = nil,
                conditions: [ConditionClause] = [], extraMembers: [JSONMember] = []) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.notPrincipal = notPrincipal
        self.actions = actions
        self.notActions = notActions
        self.conditions = conditions
        self.extraMembers = extraMembers
    }
}
