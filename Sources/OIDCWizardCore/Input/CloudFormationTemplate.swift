/// Finds every `AWS::IAM::Role` in a CloudFormation template (JSON or YAML) and reads its
/// `AssumeRolePolicyDocument`, resolving the intrinsic functions a trust policy typically uses:
///
/// - `Ref` / `Fn::GetAtt [X, Arn]` to an `AWS::IAM::OIDCProvider` whose `Url` is a GitHub issuer become
///   that provider's ARN, `arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/<issuer host>`
///   (the account and partition are only known at deploy time, so they stay as pseudo-parameters);
/// - `Ref` to a parameter with a string `Default` becomes the default; other `Ref`s stay `${Name}`;
/// - `Fn::Sub` fills in `${Provider}`, `${Provider.Arn}`, parameters and (its own) variable map, and
///   keeps `${AWS::AccountId}`-style pseudo-parameters as written;
/// - `Fn::Join` of strings is joined.
/// Anything else (`Fn::If`, `Fn::ImportValue`, …) is left as it is; the reader then notes the value's type.
enum CloudFormationTemplate {
    static func isTemplate(_ root: JSONValue) -> Bool {
        root["Resources"]?.objectMembers != nil
            && (root["AWSTemplateFormatVersion"] != nil || hasTypedResource(root))
    }

    private static func hasTypedResource(_ root: JSONValue) -> Bool {
        (root["Resources"]?.objectMembers ?? []).contains { $0.value["Type"]?.stringValue?.hasPrefix("AWS::") == true }
    }

    static func sources(in root: JSONValue) throws(InputError) -> [PolicySource] {
        let resources = root["Resources"]?.objectMembers ?? []
        let resolver = Resolver(root: root)
        var sources: [PolicySource] = []
        for resource in resources where resource.value["Type"]?.stringValue == "AWS::IAM::Role" {
            let properties = resource.value["Properties"]
            let location = JSONPath.root.member("Resources").member(resource.key).member("Properties").member("AssumeRolePolicyDocument")
            let label = "resource \"\(resource.key)\""
            guard let document = properties?["AssumeRolePolicyDocument"] else {
                throw InputError("\(label) (an AWS::IAM::Role) has no AssumeRolePolicyDocument.")
            }
            let roleName = properties?["RoleName"]?.stringValue ?? resource.key
            var budget = Resolver.documentBudget
            let resolved = resolver.resolve(document, depth: 0, budget: &budget)
            sources.append(try PolicyDocumentReader.source(resolved, roleName: roleName, location: location, label: label))
        }
        if sources.isEmpty {
            throw InputError("the CloudFormation template has no AWS::IAM::Role resource, so there is no trust policy to read.")
        }
        return sources
    }

    struct Resolver {
        /// What resolving one document may do: one unit per value visited and one per byte of text a `Ref`,
        /// `Fn::GetAtt`, `Fn::Sub` or `Fn::Join` gives. `Fn::Sub` can repeat a variable (`${X}${X}${X}…`) and a
        /// variable can be another `Fn::Sub`, and a `Ref` repeats a parameter's default each time it is named, so
        /// a small hostile template could otherwise expand to gigabytes. Twice the longest trust policy IAM
        /// accepts (8,192 characters with a quota increase) is room for every real one. What is left when the
        /// budget runs out stays as written, and the reader then says the value is not a string.
        static let documentBudget = 2 * GuardrailRule.maximumSizeQuota

        /// Logical id → what `Ref` / `GetAtt …Arn` of it means.
        var providerARNs: [String: String] = [:]
        var parameterDefaults: [String: String] = [:]

        init(root: JSONValue) {
            for parameter in root["Parameters"]?.objectMembers ?? [] {
                if let value = parameter.value["Default"], let text = Self.scalarText(value) {
                    parameterDefaults[parameter.key] = text
                }
            }
            for resource in root["Resources"]?.objectMembers ?? []
            where resource.value["Type"]?.stringValue == "AWS::IAM::OIDCProvider" {
                var budget = 1_000
                let url = resource.value["Properties"]?["Url"].map { resolve($0, depth: 0, budget: &budget) }
                guard let text = url?.stringValue, let flavor = GitHubFlavor.recognize(issuer: text) else { continue }
                providerARNs[resource.key] = "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/\(flavor.issuerHost)"
            }
        }

        private static func scalarText(_ value: JSONValue) -> String? {
            switch value {
            case .string(let text), .number(let text): text
            case .bool(let flag): flag ? "true" : "false"
            default: nil
            }
        }

        func resolve(_ value: JSONValue, depth: Int, budget: inout Int) -> JSONValue {
            budget -= 1
            guard budget > 0, depth < JSONParser.defaultMaxDepth else { return value }
            switch value {
            case .array(let items):
                return .array(items.map { resolve($0, depth: depth + 1, budget: &budget) })
            case .object(let members):
                if members.count == 1, let resolved = intrinsic(members[0], depth: depth, budget: &budget) {
                    return resolved
                }
                return .object(members.map { JSONMember($0.key, resolve($0.value, depth: depth + 1, budget: &budget)) })
            default:
                return value
            }
        }

        private func intrinsic(_ member: JSONMember, depth: Int, budget: inout Int) -> JSONValue? {
            switch member.key {
            case "Ref":
                guard let name = member.value.stringValue else { return nil }
                let text = reference(name) ?? "${\(name)}"
                budget -= text.utf8.count  // a long parameter default, named a thousand times, is a thousand copies
                return budget > 0 ? .string(text) : nil
            case "Fn::GetAtt":
                var parts: [String] = []
                if let list = member.value.arrayValue { parts = list.compactMap(\.stringValue) }
                if let text = member.value.stringValue { parts = text.split(separator: ".", maxSplits: 1).map(String.init) }
                guard parts.count == 2 else { return nil }
                let text = parts[1] == "Arn" ? providerARNs[parts[0]] ?? "${\(parts[0]).\(parts[1])}" : "${\(parts[0]).\(parts[1])}"
                budget -= text.utf8.count
                return budget > 0 ? .string(text) : nil
            case "Fn::Sub":
                var template: String?
                var variables: [String: String] = [:]
                if let text = member.value.stringValue {
                    template = text
                } else if let list = member.value.arrayValue, list.count == 2 {
                    template = list[0].stringValue
                    for variable in list[1].objectMembers ?? [] {
                        if case .string(let text) = resolve(variable.value, depth: depth + 1, budget: &budget) {
                            variables[variable.key] = text
                        }
                    }
                }
                guard let template, let text = substitute(template, variables, budget: &budget) else { return nil }
                return .string(text)
            case "Fn::Join":
                guard let list = member.value.arrayValue, list.count == 2, let separator = list[0].stringValue,
                      let parts = list[1].arrayValue else { return nil }
                var texts: [String] = []
                for part in parts {
                    guard case .string(let text) = resolve(part, depth: depth + 1, budget: &budget) else { return nil }
                    texts.append(text)
                }
                let joined = texts.joined(separator: separator)
                budget -= joined.utf8.count
                return budget > 0 ? .string(joined) : nil
            default:
                return nil
            }
        }

        private func reference(_ name: String) -> String? {
            providerARNs[name] ?? parameterDefaults[name]
        }

        /// Fills `${Name}` / `${Name.Arn}` in an `Fn::Sub` template; `${!Literal}` is the literal `${Literal}`.
        /// Nil when the text would use up `budget` (see `documentBudget`).
        private func substitute(_ template: String, _ variables: [String: String], budget: inout Int) -> String? {
            var out = ""
            var rest = Substring(template)
            while let open = rest.range(of: "${") {
                out += rest[..<open.lowerBound]
                guard out.utf8.count < budget else { return nil }
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                    out += rest[open.lowerBound...]
                    budget -= out.utf8.count
                    return budget > 0 ? out : nil
                }
                let name = String(rest[open.upperBound..<close])
                if name.hasPrefix("!") {
                    out += "${" + name.dropFirst() + "}"
                } else if let value = variables[name] ?? reference(name) {
                    out += value
                } else if name.hasSuffix(".Arn"), let arn = providerARNs[String(name.dropLast(4))] {
                    out += arn
                } else {
                    out += "${\(name)}" // pseudo-parameters and unknown names stay as written
                }
                rest = rest[rest.index(after: close)...]
            }
            out += rest
            budget -= out.utf8.count
            return budget > 0 ? out : nil
        }
    }
}
