import Foundation

/// Patches edited trust policies into a CloudFormation JSON template in place: only the bytes of each role's
/// `AssumeRolePolicyDocument` value change; everything else — other resources, comments-free formatting,
/// key order, line endings — stays byte for byte as it was.
///
/// The new document is written indented to fit where it sits (the template's indentation unit, the key's
/// column, its line endings; on one line if it was on one line). The template names the OIDC provider and
/// other values with intrinsic functions (`{"Ref": "GitHubOIDCProvider"}`, `Fn::GetAtt`, `Fn::Sub` with
/// `${AWS::AccountId}`, parameters), which the reader resolved to strings; a patch writes each such value
/// back as the intrinsic it was whenever the edited policy still holds the value it resolved to — it never
/// hard-codes an account id or a parameter's default.
///
/// It refuses, with a reason and without guessing, whenever that cannot be done safely: a YAML template;
/// a path (`Resources`, the logical id, `Properties`, `AssumeRolePolicyDocument`) written twice; a
/// document given by an intrinsic function as a whole; an intrinsic the reader cannot resolve (`Fn::If`,
/// `Fn::ImportValue`, …); an edit that drops a value built from a parameter or from deploy-time values
/// (the OIDC provider, `${AWS::AccountId}`), since writing its resolved text would hard-code it; a new
/// value holding `${…}` that CloudFormation would not substitute. Finally the patched template is read
/// again like any input: every role must read back as the policy meant for it.
public enum TemplatePatch {
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// One sentence, fitting after "Cannot patch the template: ".
        public var reason: String
        public var description: String { reason }
        init(_ reason: String) { self.reason = reason }
    }

    /// Why role `roleIndex` of `source` cannot be patched in place whatever the edit (nil when it can be,
    /// subject to the checks on the edited policy that `patch` makes).
    public static func refusal(for source: EditSource, roleIndex: Int) -> Refusal? {
        do {
            _ = try locate(roleIndex, in: source)
            return nil
        } catch {
            return error
        }
    }

    /// The template's bytes with the documents of the roles in `policies` (role index → edited policy)
    /// replaced, or why that cannot be done.
    public static func patch(_ source: EditSource, policies: [Int: TrustPolicy]) -> Result<[UInt8], Refusal> {
        do {
            var spans: [(range: Range<Int>, text: String)] = []
            for (index, policy) in policies {
                let site = try locate(index, in: source)
                spans.append((site.range, try site.render(policy)))
            }
            var bytes = source.bytes
            // From the end, so earlier offsets stay valid.
            for span in spans.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                bytes.replaceSubrange(span.range, with: Array(span.text.utf8))
            }
            try verify(bytes, source: source, policies: policies)
            return .success(bytes)
        } catch {
            return .failure(error)
        }
    }

    // MARK: Finding the document

    /// One role's document in the template text, and what writing it back needs.
    struct Site {
        var logicalID: String
        /// The document's value bytes.
        var range: Range<Int>
        /// The key line's leading blanks, the template's indentation unit, its line ending.
        var indent: String
        var unit: String
        var newline: String
        /// The original document was on one line.
        var singleLine: Bool
        var intrinsics: [Intrinsic]
        /// Every plain string value of the original document, by where it is.
        var literals: [[String]: String]
    }

    /// A value the template builds with an intrinsic function, and the string the reader resolved it to.
    struct Intrinsic {
        var node: JSONValue
        var resolved: String
        var path: [String]
        /// The template parameters it depends on.
        var parameters: [String]
        /// A value only known at deploy time (`${AWS::AccountId}`, a provider ARN, a parameter): writing
        /// the resolved text instead would change the template.
        var isDeployTime: Bool { !parameters.isEmpty || resolved.contains("${") }
    }

    static func isIntrinsicKey(_ key: String) -> Bool { key == "Ref" || key.hasPrefix("Fn::") }

    /// `{"Ref": …}` / `{"Fn::…": …}`: the function name, or nil.
    static func intrinsicName(_ value: JSONValue) -> String? {
        guard let members = value.objectMembers, members.count == 1, isIntrinsicKey(members[0].key) else { return nil }
        return members[0].key
    }

    static func locate(_ roleIndex: Int, in source: EditSource) throws(Refusal) -> Site {
        guard source.kind == .cloudFormationJSON else {
            throw Refusal(source.kind == .cloudFormationYAML
                ? "it is YAML, and a YAML rewrite would not keep its comments and layout"
                : "it is not a CloudFormation template")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(bytes: source.bytes) } catch { throw Refusal("it does not read as JSON (\(error))") }
        let spans = JSONSpans(source.bytes)
        let rootStart = spans.rootStart

        func only(_ key: String, in members: [JSONSpans.Member], of place: String) throws(Refusal) -> JSONSpans.Member {
            let found = members.filter { $0.key == key }
            guard found.count == 1, let member = found.first else {
                throw Refusal(found.isEmpty ? "\(place) has no \(key)" : "\(place) has \(found.count) members named \(key) (which one counts depends on the reader)")
            }
            return member
        }

        let resources = try only("Resources", in: spans.members(ofObjectAt: rootStart), of: "the template")
        let resourceMembers = spans.members(ofObjectAt: resources.valueRange.lowerBound)
        let parsedResources = root["Resources"]?.objectMembers ?? []
        // The reader lists roles in this order (`CloudFormationTemplate.sources`); the spans follow the same members.
        guard resourceMembers.count == parsedResources.count else { throw Refusal("its Resources could not be matched to the text") }
        let roles = zip(resourceMembers, parsedResources).filter { $0.1.value["Type"]?.stringValue == "AWS::IAM::Role" }
        guard roles.indices.contains(roleIndex) else { throw Refusal("it has no role number \(roleIndex + 1)") }
        let (roleSpan, role) = roles[roleIndex]
        let logicalID = roleSpan.key
        let sameID = resourceMembers.filter { $0.key == logicalID }.count
        guard sameID == 1 else { throw Refusal("the logical id \(logicalID) appears \(sameID) times under Resources") }
        let properties = try only("Properties", in: spans.members(ofObjectAt: roleSpan.valueRange.lowerBound), of: logicalID)
        let documentKey = try only("AssumeRolePolicyDocument", in: spans.members(ofObjectAt: properties.valueRange.lowerBound),
                                   of: "\(logicalID).Properties")
        guard let document = role.value["Properties"]?["AssumeRolePolicyDocument"] else {
            throw Refusal("\(logicalID) has no AssumeRolePolicyDocument")
        }
        if let function = intrinsicName(document) {
            throw Refusal("\(logicalID)'s AssumeRolePolicyDocument is given by \(function) as a whole, so there is no policy text to replace")
        }
        guard document.objectMembers != nil else {
            throw Refusal("\(logicalID)'s AssumeRolePolicyDocument is \(document.typeDescription), not a JSON object")
        }

        // The intrinsics inside the document, each with what it resolves to.
        let resolver = CloudFormationTemplate.Resolver(root: root)
        let parameterNames = Set((root["Parameters"]?.objectMembers ?? []).map(\.key))
        var intrinsics: [Intrinsic] = []
        var literals: [[String]: String] = [:]
        var pending: [(JSONValue, [String])] = [(document, [])]
        // One budget for the whole document, as when it was read, so a template cannot expand further here.
        var budget = CloudFormationTemplate.Resolver.documentBudget
        while let (value, path) = pending.popLast() {
            if let function = intrinsicName(value) {
                guard case .string(let text) = resolver.resolve(value, depth: 0, budget: &budget) else {
                    throw Refusal("\(logicalID)'s policy uses \(function) at \(display(path)), which the wizard cannot resolve or write back")
                }
                intrinsics.append(Intrinsic(node: value, resolved: text, path: path,
                                            parameters: parameters(in: value, known: parameterNames)))
                continue
            }
            switch value {
            case .string(let text): literals[path] = text
            case .array(let items): for (i, item) in items.enumerated().reversed() { pending.append((item, path + ["\(i)"])) }
            case .object(let members): for member in members.reversed() { pending.append((member.value, path + [member.key])) }
            default: break
            }
        }
        intrinsics.sort { $0.path.lexicographicallyPrecedes($1.path) }

        // Layout: the key's line indentation, one level deeper per nesting (measured against Properties'
        // own key line, else inside the document), the line ending of the key's line.
        let keyLine = spans.lineIndentation(of: documentKey.keyRange.lowerBound)
        let parentLine = spans.lineIndentation(of: properties.keyRange.lowerBound)
        var unit: [UInt8] = []
        if keyLine.startsLine, parentLine.startsLine, keyLine.indent.count > parentLine.indent.count,
           keyLine.indent.starts(with: parentLine.indent) {
            unit = Array(keyLine.indent.dropFirst(parentLine.indent.count))
        } else if let inner = firstInnerLine(of: documentKey.valueRange, spans: spans),
                  inner.count > keyLine.indent.count, inner.starts(with: keyLine.indent) {
            unit = Array(inner.dropFirst(keyLine.indent.count))
        }
        if unit.isEmpty { unit = Array("  ".utf8) }
        var lineEnd = documentKey.keyRange.lowerBound
        while lineEnd < source.bytes.count, source.bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let crlf = lineEnd > 0 && lineEnd < source.bytes.count && source.bytes[lineEnd - 1] == 0x0D
        let singleLine = !source.bytes[documentKey.valueRange].contains(0x0A)

        return Site(logicalID: logicalID, range: documentKey.valueRange,
                    indent: String(decoding: keyLine.indent, as: UTF8.self), unit: String(decoding: unit, as: UTF8.self),
                    newline: crlf ? "\r\n" : "\n", singleLine: singleLine, intrinsics: intrinsics, literals: literals)
    }

    /// The leading blanks of the first line that starts inside `range`.
    static func firstInnerLine(of range: Range<Int>, spans: JSONSpans) -> [UInt8]? {
        guard let newline = spans.bytes[range].firstIndex(of: 0x0A) else { return nil }
        let start = spans.skipBlanks(from: newline + 1)
        guard start < range.upperBound else { return nil }
        return spans.lineIndentation(of: start).indent
    }

    /// The template parameters an intrinsic refers to: `Ref` names and `${Name}` in `Fn::Sub` (minus its own variables).
    static func parameters(in value: JSONValue, known: Set<String>) -> [String] {
        var found: Set<String> = []
        var pending = [value]
        while let next = pending.popLast() {
            switch next {
            case .array(let items): pending += items
            case .object(let members):
                for member in members {
                    if member.key == "Ref", let name = member.value.stringValue, known.contains(name) { found.insert(name) }
                    if member.key == "Fn::Sub" {
                        let template = member.value.stringValue ?? member.value.arrayValue?.first?.stringValue ?? ""
                        let own = Set((member.value.arrayValue?.dropFirst().first?.objectMembers ?? []).map(\.key))
                        for name in substitutionNames(template) where known.contains(name) && !own.contains(name) { found.insert(name) }
                    }
                    pending.append(member.value)
                }
            default: break
            }
        }
        return found.sorted()
    }

    /// The names in `${Name}` (not `${!Literal}`) of an `Fn::Sub` template.
    static func substitutionNames(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let name = rest[open.upperBound..<close]
            if !name.hasPrefix("!") { names.append(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func display(_ path: [String]) -> String {
        path.reduce(JSONPath.root) { path, part in Int(part).map { path.index($0) } ?? path.member(part) }.text
    }

    // MARK: Checking

    /// Reads the patched template like any input: each patched role must read as its edited policy, every
    /// other role as it was.
    static func verify(_ bytes: [UInt8], source: EditSource, policies: [Int: TrustPolicy]) throws(Refusal) {
        let reread: EditSource
        do {
            reread = try EditSource(path: source.path, data: .init(bytes))
        } catch {
            throw Refusal("the patched template would not read back (\(error)); nothing was written")
        }
        guard reread.kind == .cloudFormationJSON, reread.policies.count == source.policies.count else {
            throw Refusal("the patched template would not hold the same roles; nothing was written")
        }
        for (index, read) in reread.policies.enumerated() {
            let expected = policies[index] ?? source.policies[index].policy
            guard read.policy == expected, read.roleName == source.policies[index].roleName else {
                throw Refusal("the patched template would not read back as the edited policy of \(read.roleName ?? "role \(index + 1)"); nothing was written")
            }
        }
    }
}

// MARK: - Writing the document

extension TemplatePatch.Site {
    /// The edited policy as JSON text for the document's place, with the template's intrinsics put back.
    func render(_ policy: TrustPolicy) throws(TemplatePatch.Refusal) -> String {
        var used: Set<Int> = []
        let value = try restoringIntrinsics(policy.jsonValue, path: [], used: &used)
        for (index, intrinsic) in intrinsics.enumerated() where !used.contains(index) && intrinsic.isDeployTime {
            let what = intrinsic.parameters.isEmpty
                ? "a value only known at deploy time"
                : "the parameter\(intrinsic.parameters.count == 1 ? "" : "s") \(intrinsic.parameters.joined(separator: ", "))"
            throw TemplatePatch.Refusal("the edit replaces \(intrinsic.node.compactText) at \(TemplatePatch.display(intrinsic.path)), built from \(what); a patch would have to hard-code it (edit the template by hand, or save the side file)")
        }
        if singleLine { return value.compactText }
        var out = ""
        write(value, level: 0, into: &out)
        return out
    }

    /// Puts each string that an intrinsic of the original resolved to back as that intrinsic (the one at the
    /// same place if there is one, else the first in document order).
    private func restoringIntrinsics(_ value: JSONValue, path: [String], used: inout Set<Int>) throws(TemplatePatch.Refusal) -> JSONValue {
        switch value {
        case .string(let text):
            // Written as plain text there before: stays plain text.
            if literals[path] == text { return value }
            let matches = intrinsics.indices.filter { intrinsics[$0].resolved == text }
            if let chosen = matches.first(where: { intrinsics[$0].path == path }) ?? matches.first {
                used.formUnion(matches)
                return intrinsics[chosen].node
            }
            if text.contains("${"), !literals.values.contains(text) {
                throw TemplatePatch.Refusal("the edited policy holds \(JSONWriter.quoted(text)), which CloudFormation would not substitute outside Fn::Sub")
            }
            return value
        case .array(let items):
            var out: [JSONValue] = []
            for (i, item) in items.enumerated() { out.append(try restoringIntrinsics(item, path: path + ["\(i)"], used: &used)) }
            return .array(out)
        case .object(let members):
            var out: [JSONMember] = []
            for member in members {
                out.append(JSONMember(member.key, try restoringIntrinsics(member.value, path: path + [member.key], used: &used)))
            }
            return .object(out)
        default:
            return value
        }
    }

    /// Pretty JSON in the template's layout; the opening bracket stays on the key's line, and an intrinsic
    /// is written on one line, as templates write them.
    private func write(_ value: JSONValue, level: Int, into out: inout String) {
        let inner = indent + String(repeating: unit, count: level + 1)
        let closing = indent + String(repeating: unit, count: level)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += inner
                write(item, level: level + 1, into: &out)
                out += (i == items.count - 1 ? "" : ",") + newline
            }
            out += closing + "]"
        case .object(let members) where !members.isEmpty && TemplatePatch.intrinsicName(value) == nil:
            out += "{" + newline
            for (i, member) in members.enumerated() {
                out += inner + JSONWriter.quoted(member.key) + ": "
                write(member.value, level: level + 1, into: &out)
                out += (i == members.count - 1 ? "" : ",") + newline
            }
            out += closing + "}"
        default:
            out += value.compactText
        }
    }
}
