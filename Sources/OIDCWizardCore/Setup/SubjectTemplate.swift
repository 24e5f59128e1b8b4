/// A custom subject template (`include_claim_keys`), set on the organisation or repository with
/// `PUT …/actions/oidc/customization/sub`. GitHub then sends `key:value` pairs in the given order
/// instead of the default subject, e.g. `repo:acme/app:context:ref:refs/heads/main:job_workflow_ref:…`.
///
/// Design: the value of each key is taken from the setup where the setup determines it — `repo`,
/// `repository`, `repository_owner`, the ids, `context`, `ref`, `ref_type`, `environment`, `event_name`
/// follow from the repository and the rule — and every other key must be given by the user
/// (`fixedValues`). Nothing is ever filled in with `*`: a wildcard appears only where the user typed one.
public struct SubjectTemplate: Hashable, Sendable {
    /// The claim keys in the order GitHub joins them.
    public var claimKeys: [String]
    /// Values for keys the setup cannot determine (`workflow`, `job_workflow_ref`, `actor`, …).
    public var fixedValues: [String: String]

    public init(claimKeys: [String], fixedValues: [String: String] = [:]) {
        self.claimKeys = claimKeys
        self.fixedValues = fixedValues
    }

    /// Claim keys GitHub accepts in a template (its token claims; `context` and `repo` are template-only).
    public static let knownKeys: Set<String> = [
        "repo", "context", "actor", "actor_id", "base_ref", "enterprise", "enterprise_id", "environment", "event_name",
        "head_ref", "job_workflow_ref", "job_workflow_sha", "ref", "ref_type", "repository", "repository_id",
        "repository_owner", "repository_owner_id", "repository_visibility", "runner_environment", "workflow",
        "workflow_ref", "workflow_sha",
    ]

    /// Keys that tie the subject to one owner; a template without one lets other owners match.
    public static let ownerBindingKeys: Set<String> = [
        "repo", "repository", "repository_id", "repository_owner", "repository_owner_id",
    ]

    /// The value GitHub would send for `key` in a run of `repository` matching `rule`, or nil when the
    /// setup does not determine it and the user gave none.
    public func value(of key: String, repository: RepositoryRef, rule: AccessRule) -> String? {
        if let fixed = fixedValues[key] { return fixed }
        switch key {
        case "repo", "repository": return repository.subjectRepository
        case "repository_owner": return repository.owner
        case "repository_owner_id": return repository.ownerID
        case "repository_id": return repository.repositoryID
        case "context": return rule.subjectSuffix
        case "ref":
            switch rule {
            case .branch(let pattern): return "refs/heads/\(pattern)"
            case .tag(let pattern): return "refs/tags/\(pattern)"
            default: return nil
            }
        case "ref_type":
            switch rule {
            case .branch: return "branch"
            case .tag: return "tag"
            default: return nil
            }
        case "environment":
            if case .environment(let name) = rule { return name }
            return nil
        case "event_name":
            return rule == .pullRequest ? "pull_request" : nil
        default: return nil
        }
    }

    /// The subject for one repository and rule, or nil when a key has no value (validation reports it).
    public func subject(repository: RepositoryRef, rule: AccessRule) -> String? {
        var parts: [String] = []
        for key in claimKeys {
            guard let value = value(of: key, repository: repository, rule: rule) else { return nil }
            // `context` is already `key:value` shaped (`environment:prod`, `ref:refs/heads/main`), as GitHub sends it.
            parts.append(key == "context" ? value : "\(key):\(value)")
        }
        return parts.joined(separator: ":")
    }
}
