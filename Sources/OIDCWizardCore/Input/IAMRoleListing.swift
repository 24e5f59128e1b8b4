/// The shapes `aws iam` prints for roles: `get-role` (`{"Role": {…}}`), `list-roles` (`{"Roles": […]}`)
/// and `get-account-authorization-details` (`{"RoleDetailList": […]}`). In each, a role carries its
/// trust policy as `AssumeRolePolicyDocument` — an object when the CLI decoded it, or the URL-encoded
/// string the IAM API returns.
enum IAMRoleListing {
    static func sources(in root: JSONValue) throws(InputError) -> [PolicySource]? {
        var roles: [(JSONValue, JSONPath)] = []
        if let role = root["Role"], role.objectMembers != nil, role["AssumeRolePolicyDocument"] != nil {
            roles = [(role, JSONPath.root.member("Role"))]
        } else if let list = root["Roles"]?.arrayValue ?? root["RoleDetailList"]?.arrayValue {
            let rolesPath = JSONPath.root.member(root["Roles"] != nil ? "Roles" : "RoleDetailList")
            roles = list.enumerated().map { ($1, rolesPath.index($0)) }
        } else {
            return nil
        }
        var sources: [PolicySource] = []
        for (role, path) in roles {
            let name = role["RoleName"]?.stringValue
            let label = name.map { "role \"\($0)\"" } ?? "the role at \(path)"
            guard let document = role["AssumeRolePolicyDocument"] else {
                throw InputError("\(label) has no AssumeRolePolicyDocument.")
            }
            let location = path.member("AssumeRolePolicyDocument")
            sources.append(try PolicyDocumentReader.source(document, roleName: name, location: location, label: label))
        }
        return sources
    }
}

/// Reads one embedded policy document, which may be an object or a (possibly URL-encoded) JSON string.
enum PolicyDocumentReader {
    static func source(_ embedded: JSONValue, roleName: String?, location: JSONPath, label: String) throws(InputError) -> PolicySource {
        do {
            let document: JSONValue
            let reading: PolicyReading
            if case .string(let text) = embedded {
                (document, reading) = try PolicyReader.read(text: text)
            } else {
                document = embedded
                reading = try PolicyReader.read(embedded)
            }
            return PolicySource(roleName: roleName, policy: reading.policy, notes: reading.notes,
                                location: location, document: document)
        } catch {
            throw InputError("\(label) (\(location)): \(error.message)")
        }
    }
}
