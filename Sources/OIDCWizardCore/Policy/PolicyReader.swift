import Foundation

/// What the reader made of one policy document: the policy IAM will evaluate, and notes on everything
/// the analysis must show (duplicate keys, wrong types, unknown operators, …).
public struct PolicyReading: Hashable, Sendable {
    public var policy: TrustPolicy
    public var notes: [ReaderNote]

    public init(policy: TrustPolicy, notes: [ReaderNote]) {
        self.policy = policy
        self.notes = notes
    }
}

/// Reads a trust policy the way IAM does.
///
/// - `Statement` may be one object or a list; values may be a string or a list; numbers and booleans in
///   condition values become their text (IAM compares text); `Principal` is `"*"` or an object.
/// - **Duplicate keys: the last one wins.** IAM does not document how it treats a repeated member name;
///   the JSON parsers IAM-adjacent tools use (Jackson's default, Go's encoding/json, Python's json,
///   JavaScript's JSON.parse, Foundation's JSONSerialization) all keep the last value, and policies with a
///   repeated `"StringLike"` are known to lose the first one silently. So the model holds what IAM will
///   evaluate under that last-wins reading, and a `ReaderNote.duplicateKey` records what was lost and
///   what was kept, with its path — the constraint that vanished is shown, not repeated.
/// - Members it does not model are kept verbatim (`extraMembers`) and noted when IAM would refuse them.
/// - Only a document that is not a policy at all (not an object, no usable `Statement`) is an error.
public enum PolicyReader {
    public static let knownVersions = ["2012-10-17", "2008-10-17"]

    /// Reads policy text: JSON, or URL-encoded JSON as the IAM API returns it (`%7B%22Version%22…`).
    public static func read(text: String) throws(InputError) -> (document: JSONValue, reading: PolicyReading) {
        let decoded = decodeIfURLEncoded(text)
        let document: JSONValue
        do {
            document = try JSONParser.parse(decoded)
        } catch {
            throw InputError(error.description)
        }
        return (document, try read(document))
    }

    /// IAM's API (get-role, list-roles, get-account-authorization-details) returns the trust policy
    /// percent-encoded. The AWS CLI decodes it, but raw API output and some tools do not.
    public static func decodeIfURLEncoded(_ text: String) -> String {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        guard trimmed.hasPrefix("%7B") || trimmed.hasPrefix("%7b") else { return text }
        // `+` is not a space here: IAM encodes with %20.
        return String(trimmed).removingPercentEncoding ?? text
    }

    /// Reads a parsed document. Paths in notes are relative to the document (`$.Statement[0]…`).
    public static func read(_ document: JSONValue) throws(InputError) -> PolicyReading {
        var context = Context()
        guard let members = document.objectMembers else {
            throw InputError("the policy must be a JSON object with a \"Statement\", but it is \(document.typeDescription).")
        }
        let root = JSONPath.root
        let top = context.lastWins(members, at: root, statement: nil)

        var version: String?
        if let value = top["Version"] {
            version = context.text(value, member: "Version", at: root.member("Version"), statement: nil)
            if let version, !knownVersions.contains(version) {
                context.note(.unknownVersion(version), root.member("Version"), nil,
                             "Version \"\(version)\" is not a policy language version; use \"2012-10-17\" (AWS will reject this policy).")
            }
        } else {
            context.note(.missingVersion, root, nil,
                         "The policy has no Version, so IAM reads it as the old \"2008-10-17\" language, where ${…} policy variables are plain text; add \"Version\": \"2012-10-17\".")
        }
        let id = top["Id"].flatMap { context.text($0, member: "Id", at: root.member("Id"), statement: nil) }

        guard let statementValue = top["Statement"] else {
            throw InputError("the policy has no \"Statement\"; a trust policy needs at least one statement saying who may assume the role.")
        }
        var statements: [PolicyStatement] = []
        var statementWasObject = false
        switch statementValue {
        case .object:
            statementWasObject = true
            statements.append(readStatement(statementValue, index: 0, path: root.member("Statement"), context: &context))
        case .array(let items):
            for (index, item) in items.enumerated() {
                let path = root.member("Statement").index(index)
                guard item.objectMembers != nil else {
                    context.note(.wrongType(member: "Statement", expected: "an object", found: item.typeDescription), path, index,
                                 "Statement \(index + 1) is \(item.typeDescription), not an object; it is ignored (AWS will reject this policy).")
                    continue
                }
                statements.append(readStatement(item, index: index, path: path, context: &context))
            }
            if items.isEmpty {
                context.note(.emptyList(member: "Statement"), root.member("Statement"), nil,
                             "The Statement list is empty, so nobody can assume the role (AWS will reject this policy).")
            }
        default:
            throw InputError("\"Statement\" must be an object or a list of objects, but it is \(statementValue.typeDescription).")
        }

        let modelled: Set<String> = ["Version", "Id", "Statement"]
        let extra = top.members.filter { !modelled.contains($0.key) }
        for member in extra {
            context.note(.unexpectedMember(member.key), root.member(member.key), nil,
                         "\"\(member.key)\" is not a member of a policy document (AWS will reject this policy).")
        }
        let policy = TrustPolicy(version: version, id: id, statements: statements,
                                 statementWasObject: statementWasObject, extraMembers: extra)
        return PolicyReading(policy: policy, notes: context.notes)
    }

    // MARK: - Statement

    private static let statementMembers: Set<String> = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Condition"]

    private static func readStatement(_ value: JSONValue, index: Int, path: JSONPath, context: inout Context) -> PolicyStatement {
        let fields = context.lastWins(value.objectMembers ?? [], at: path, statement: index)
        let label = "Statement \(index + 1)"

        let sid = fields["Sid"].flatMap { context.text($0, member: "Sid", at: path.member("Sid"), statement: index) }

        let effect: StatementEffect
        switch fields["Effect"].flatMap({ context.text($0, member: "Effect", at: path.member("Effect"), statement: index) }) {
        case "Allow": effect = .allow
        case "Deny": effect = .deny
        case let other?:
            effect = .invalid(other)
            context.note(.invalidEffect(other), path.member("Effect"), index,
                         "\(label) has Effect \"\(other)\"; it must be exactly \"Allow\" or \"Deny\" (AWS will reject this policy).")
        case nil:
            effect = .invalid("")
            if fields["Effect"] == nil {
                context.note(.invalidEffect(nil), path, index,
                             "\(label) has no Effect; add \"Effect\": \"Allow\" (AWS will reject this policy).")
            }
        }

        let principal = fields["Principal"].map { readPrincipal($0, member: "Principal", path: path.member("Principal"), index: index, context: &context) }
        let notPrincipal = fields["NotPrincipal"].map { readPrincipal($0, member: "NotPrincipal", path: path.member("NotPrincipal"), index: index, context: &context) }
        switch (principal, notPrincipal) {
        case (nil, nil):
            context.note(.missingPrincipal, path, index,
                         "\(label) has no Principal, so it names nobody; a trust policy statement needs one (AWS will reject this policy).")
        case (.some, .some):
            context.note(.conflictingMembers("Principal", "NotPrincipal"), path, index,
                         "\(label) has both Principal and NotPrincipal; use only one (AWS will reject this policy).")
        default: break
        }

        let actions = fields["Action"].map { context.strings($0, member: "Action", at: path.member("Action"), statement: index) }
        let notActions = fields["NotAction"].map { context.strings($0, member: "NotAction", at: path.member("NotAction"), statement: index) }
        switch (actions, notActions) {
        case (nil, nil):
            context.note(.missingAction, path, index,
                         "\(label) has no Action; add \"Action\": \"sts:AssumeRoleWithWebIdentity\" (AWS will reject this policy).")
        case (.some, .some):
            context.note(.conflictingMembers("Action", "NotAction"), path, index,
                         "\(label) has both Action and NotAction; use only one (AWS will reject this policy).")
        default: break
        }

        var conditions: [ConditionClause] = []
        if let condition = fields["Condition"] {
            conditions = readConditions(condition, path: path.member("Condition"), index: index, context: &context)
        }

        let extra = fields.members.filter { !statementMembers.contains($0.key) }
        for member in extra {
            let why = member.key == "Resource" || member.key == "NotResource"
                ? "a trust policy must not name a \(member.key) (the resource is the role itself)"
                : "it is not a statement member IAM knows"
            context.note(.unexpectedMember(member.key), path.member(member.key), index,
                         "\(label) has \"\(member.key)\": \(why) (AWS will reject this policy).")
        }
        return PolicyStatement(sid: sid, effect: effect, principal: principal, notPrincipal: notPrincipal,
                               actions: actions, notActions: notActions, conditions: conditions, extraMembers: extra)
    }

    private static func readPrincipal(_ value: JSONValue, member: String, path: JSONPath, index: Int,
                                      context: inout Context) -> PrincipalBlock {
        switch value {
        case .string("*"):
            return .wildcard
        case .object(let members):
            let types = context.lastWins(members, at: path, statement: index)
            var entries: [PrincipalEntry] = []
            for type in types.members {
                let values = context.strings(type.value, member: "\(member).\(type.key)", at: path.member(type.key), statement: index)
                entries.append(PrincipalEntry(type: type.key, values: values))
            }
            return .entries(entries)
        default:
            context.note(.wrongType(member: member, expected: "\"*\" or an object such as {\"Federated\": \"arn:…\"}", found: value.typeDescription),
                         path, index,
                         "Statement \(index + 1)'s \(member) is \(value.typeDescription.withValue(value)); it must be \"*\" or an object such as {\"Federated\": \"arn:…\"} (AWS will reject this policy).")
            return .entries([])
        }
    }

    private static func readConditions(_ value: JSONValue, path: JSONPath, index: Int, context: inout Context) -> [ConditionClause] {
        guard let members = value.objectMembers else {
            context.note(.wrongType(member: "Condition", expected: "an object", found: value.typeDescription), path, index,
                         "Statement \(index + 1)'s Condition is \(value.typeDescription), not an object; its conditions are ignored (AWS will reject this policy).")
            return []
        }
        var clauses: [ConditionClause] = []
        let operators = context.lastWins(members, at: path, statement: index)
        for op in operators.members {
            let opPath = path.member(op.key)
            if let parsed = ConditionOperator(op.key) {
                if parsed.canonicalName != op.key {
                    context.note(.unusualOperatorSpelling(written: op.key, documented: parsed.canonicalName), opPath, index,
                                 "The operator \"\(op.key)\" is documented as \"\(parsed.canonicalName)\"; write it that way.")
                }
            } else {
                context.note(.unknownOperator(op.key), opPath, index,
                             "\"\(op.key)\" is not an IAM condition operator, so its condition can never hold (AWS will reject this policy).")
            }
            guard let keyMembers = op.value.objectMembers else {
                context.note(.wrongType(member: op.key, expected: "an object of condition keys", found: op.value.typeDescription), opPath, index,
                             "Under \"\(op.key)\" IAM expects an object like {\"<key>\": [values]}, but found \(op.value.typeDescription); it is ignored (AWS will reject this policy).")
                continue
            }
            let keys = context.lastWins(keyMembers, at: opPath, statement: index)
            for key in keys.members {
                let values = context.conditionValues(key.value, at: opPath.member(key.key), statement: index)
                clauses.append(ConditionClause(op: op.key, key: key.key, values: values))
            }
        }
        return clauses
    }
}

// MARK: - Reading helpers

/// The members of one object after IAM's last-wins rule, in the order of each name's first appearance
/// (so reading order stays the document's order).
struct LastWinsObject {
    var members: [JSONMember]
    subscript(key: String) -> JSONValue? { members.first { $0.key == key }?.value }
}

private struct Context {
    var notes: [ReaderNote] = []

    mutating func note(_ kind: ReaderNote.Kind, _ path: JSONPath, _ statement: Int?, _ message: String) {
        notes.append(ReaderNote(kind: kind, path: path, statementIndex: statement, message: message))
    }

    /// Collapses repeated member names to the last value, noting each repetition.
    mutating func lastWins(_ members: [JSONMember], at path: JSONPath, statement: Int?) -> LastWinsObject {
        var order: [String] = []
        var values: [String: [JSONValue]] = [:]
        for member in members {
            if values[member.key] == nil { order.append(member.key) }
            values[member.key, default: []].append(member.value)
        }
        var result: [JSONMember] = []
        for key in order {
            let all = values[key] ?? []
            guard let kept = all.last else { continue }
            result.append(JSONMember(key, kept))
            if all.count > 1 {
                let lost = Array(all.dropLast())
                let times = all.count == 2 ? "twice" : "\(all.count) times"
                note(.duplicateKey(key: key, keptValue: kept, lostValues: lost), path.member(key), statement,
                     "\"\(key)\" appears \(times) in the same object. IAM keeps only the last one, so \(lostDescription(lost)) silently lost: \(lost[0].compactText) is ignored and \(kept.compactText) is used.")
            }
        }
        return LastWinsObject(members: result)
    }

    private func lostDescription(_ lost: [JSONValue]) -> String {
        lost.count == 1 ? "the first value is" : "the first \(lost.count) values are"
    }

    /// A member that must be a string.
    mutating func text(_ value: JSONValue, member: String, at path: JSONPath, statement: Int?) -> String? {
        if case .string(let text) = value { return text }
        note(.wrongType(member: member, expected: "a string", found: value.typeDescription), path, statement,
             "\(member) must be a string, but it is \(value.typeDescription) (AWS will reject this policy).")
        if case .number(let text) = value { return text }
        return nil
    }

    /// A member that is a string or a list of strings (Action, principal values).
    mutating func strings(_ value: JSONValue, member: String, at path: JSONPath, statement: Int?) -> [String] {
        switch value {
        case .string(let text):
            return [text]
        case .array(let items):
            if items.isEmpty {
                note(.emptyList(member: member), path, statement, "\(member) is an empty list, so it names nothing (AWS will reject this policy).")
            }
            var result: [String] = []
            for (position, item) in items.enumerated() {
                switch item {
                case .string(let text): result.append(text)
                case .number(let text):
                    // An account id written as a number still means that account.
                    result.append(text)
                default:
                    note(.wrongType(member: member, expected: "a string", found: item.typeDescription), path.index(position), statement,
                         "An entry of \(member) is \(item.typeDescription), not a string; it is ignored (AWS will reject this policy).")
                }
            }
            return result
        case .number(let text):
            return [text]
        default:
            note(.wrongType(member: member, expected: "a string or a list of strings", found: value.typeDescription), path, statement,
                 "\(member) must be a string or a list of strings, but it is \(value.typeDescription) (AWS will reject this policy).")
            return []
        }
    }

    /// Condition values: IAM compares text, so numbers and booleans become their text.
    mutating func conditionValues(_ value: JSONValue, at path: JSONPath, statement: Int?) -> [String] {
        func scalar(_ item: JSONValue, at itemPath: JSONPath) -> String? {
            switch item {
            case .string(let text): return text
            case .number(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            default:
                note(.wrongType(member: "condition value", expected: "a string, number or boolean", found: item.typeDescription),
                     itemPath, statement,
                     "A condition value must be a string (or a list of strings), but this one is \(item.typeDescription); it is ignored (AWS will reject this policy).")
                return nil
            }
        }
        if case .array(let items) = value {
            if items.isEmpty {
                note(.emptyList(member: "condition value"), path, statement,
                     "This condition has an empty list of values, so no request can match it (AWS will reject this policy).")
            }
            return items.enumerated().compactMap { scalar($1, at: path.index($0)) }
        }
        return scalar(value, at: path).map { [$0] } ?? []
    }
}

private extension String {
    func withValue(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "the string \"\(text)\"" }
        return self
    }
}
