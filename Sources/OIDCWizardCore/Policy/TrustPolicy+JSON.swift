extension TrustPolicy {
    /// The policy as JSON with the stable key order Version, Id, Statement (Sid, Effect, Principal,
    /// NotPrincipal, Action, NotAction, Condition), then unmodelled members in their original order.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = []
        if let version { members.append(JSONMember("Version", .string(version))) }
        if let id { members.append(JSONMember("Id", .string(id))) }
        let statementValues = statements.map(\.jsonValue)
        if statementWasObject, statementValues.count == 1 {
            members.append(JSONMember("Statement", statementValues[0]))
        } else {
            members.append(JSONMember("Statement", .array(statementValues)))
        }
        members.append(contentsOf: extraMembers)
        return .object(members)
    }

    /// Pretty-printed, deterministic JSON text, ending in a newline.
    public var jsonText: String { JSONWriter.prettyPrinted(jsonValue) }
}

extension PolicyStatement {
    public var jsonValue: JSONValue {
        var members: [JSONMember] = []
        if let sid { members.append(JSONMember("Sid", .string(sid))) }
        members.append(JSONMember("Effect", .string(effect.jsonText)))
        if let principal { members.append(JSONMember("Principal", principal.jsonValue)) }
        if let notPrincipal { members.append(JSONMember("NotPrincipal", notPrincipal.jsonValue)) }
        if let actions { members.append(JSONMember("Action", Self.stringOrList(actions))) }
        if let notActions { members.append(JSONMember("NotAction", Self.stringOrList(notActions))) }
        if !conditions.isEmpty { members.append(JSONMember("Condition", conditionJSON)) }
        members.append(contentsOf: extraMembers)
        return .object(members)
    }

    /// Clauses grouped under their operator, operators in order of first appearance. A repeated
    /// operator+key pair stays repeated (a duplicate key in the output, exactly as it was read).
    private var conditionJSON: JSONValue {
        var operators: [String] = []
        var keysByOperator: [String: [JSONMember]] = [:]
        for clause in conditions {
            if keysByOperator[clause.op] == nil { operators.append(clause.op) }
            keysByOperator[clause.op, default: []].append(JSONMember(clause.key, Self.stringOrList(clause.values)))
        }
        return .object(operators.map { JSONMember($0, .object(keysByOperator[$0] ?? [])) })
    }

    static func stringOrList(_ values: [String]) -> JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map(JSONValue.string))
    }
}

extension PrincipalBlock {
    public var jsonValue: JSONValue {
        switch self {
        case .wildcard: .string("*")
        case .entries(let entries):
            .object(entries.map { JSONMember($0.type, PolicyStatement.stringOrList($0.values)) })
        }
    }
}
