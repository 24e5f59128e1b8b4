/// One condition clause in plain words: what must hold, and for `sub`/`aud` what that means for
/// workflow runs ("pushes to main in acme/app").
enum ConditionWords {
    static func describe(_ clause: ConditionClause) -> String {
        let key = keyWords(clause.key)
        let values = clause.values.map { "\"\($0)\"" }
        let list = values.count == 1 ? values[0] : "one of: " + values.joined(separator: ", ")
        guard let op = ConditionOperator(clause.op) else {
            return "\(clause.op) on \(key): IAM does not know this operator, so the condition never holds (and IAM refuses the policy)."
        }
        var verb: String
        switch op.comparison {
        case .stringEquals: verb = op.isNegated ? "must not be exactly \(list)" : "must be exactly \(list)"
        case .stringEqualsIgnoreCase: verb = op.isNegated ? "must not equal (ignoring case) \(list)" : "must equal, ignoring case, \(list)"
        case .stringLike:
            verb = op.isNegated ? "must not match \(list)" : "must match \(list)"
            verb += " (* stands for any run of characters, also / and :; ? for one character)"
        case .null:
            let absent = clause.values.first?.lowercased() == "true"
            return "\(key) must be \(absent ? "absent from" : "present in") the token (Null \(clause.values.first ?? ""))."
        case .bool: verb = "must be the boolean \(list)"
        default: verb = "is compared with \(list) using \(op.comparison.rawValue)\(op.isNegated ? " (negated)" : "")"
        }
        var sentence = "\(clause.op): \(key) \(verb)"
        if op.wildcardsTakenLiterally(clause.values) {
            sentence += ". Careful: under \(op.comparison.rawValue) a * is just a star, not a wildcard"
        }
        switch op.qualifier {
        case .forAnyValue: sentence += "; with ForAnyValue, at least one of the token's values must satisfy it"
        case .forAllValues: sentence += "; with ForAllValues, every value must satisfy it — and a token without this claim satisfies it too"
        case .none: break
        }
        if op.ifExists { sentence += "; IfExists: a token without this claim passes" }
        if op.isNegated { sentence += ". A negated test also passes when the claim is missing" }
        return sentence + "."
    }

    /// "the subject (token.actions.githubusercontent.com:sub)".
    static func keyWords(_ key: String) -> String {
        guard let colon = key.lastIndex(of: ":") else { return "the key \(key)" }
        let prefix = String(key[..<colon]), claim = String(key[key.index(after: colon)...]).lowercased()
        guard GitHubFlavor.recognize(issuer: prefix) != nil else { return "the key \(key)" }
        switch claim {
        case "sub": return "the subject (\(key)), which says which repository and which kind of run the token is from,"
        case "aud": return "the audience (\(key)), which says whom the token was requested for,"
        default:
            if let known = IAMClaim(rawValue: claim) { return "the claim \(key) (\(known.meaning))" }
            return "the claim \(key) — a claim IAM never sees, so it is always missing from the request —"
        }
    }

    /// For `sub` and `aud` under positive string operators: what the values mean for workflow runs.
    static func meaning(_ clause: ConditionClause) -> String? {
        guard let op = ConditionOperator(clause.op), !op.isNegated,
              [.stringEquals, .stringLike, .stringEqualsIgnoreCase].contains(op.comparison),
              let colon = clause.key.lastIndex(of: ":") else { return nil }
        let claim = clause.key[clause.key.index(after: colon)...].lowercased()
        let literal = op.comparison != .stringLike
        switch claim {
        case "sub": return clause.values.map { subjectMeaning($0, literal: literal) }.joined(separator: "; or ")
        case "aud": return clause.values.map(audienceMeaning).joined(separator: "; or ")
        default: return nil
        }
    }

    static func subjectMeaning(_ value: String, literal: Bool) -> String {
        let glob = !literal && value.containsGlob
        if glob, value == "*" || value.hasPrefix("repo:*") && !value.dropFirst(5).contains("/") {
            return "every workflow run of every repository on GitHub — anyone can get in"
        }
        guard let parts = SubjectParts(parsing: value) else {
            if glob, value.hasPrefix("repo:"), let slash = value.firstIndex(of: "/") {
                let owner = String(value[value.index(value.startIndex, offsetBy: 5)..<slash])
                if owner.containsGlob { return "runs of repositories of every owner matching \(owner) — other people's accounts too" }
                return "every run of every repository of \(owner), also repositories created later"
            }
            if !value.hasPrefix("repo:") {
                return "runs whose custom subject is \"\(value)\" — nothing in it names a repository, so any owner's run can send it"
            }
            return "runs whose subject is exactly \"\(value)\""
        }
        var repository = parts.fullName
        if glob && (parts.owner.containsGlob) {
            repository = "repositories named \(parts.name) of every owner matching \(parts.owner) (other people's accounts too)"
        } else if glob && parts.name.containsGlob {
            repository = "repositories of \(parts.owner) matching \(parts.name)"
        }
        if parts.hasIDs {
            repository += " (pinned to owner id \(parts.ownerID ?? "missing") and repository id \(parts.repositoryID ?? "missing"))"
        }
        switch parts.context {
        case .branch(let name):
            if glob && name == "*" { return "pushes to any branch of \(repository)" }
            return glob && name.containsGlob ? "pushes to branches matching \(name) in \(repository)"
                : "pushes to \(name) in \(repository) (also pull_request_target, workflow_run and issue_comment runs on it)"
        case .tag(let name):
            return glob && name.containsGlob ? "runs on tags matching \(name) in \(repository)" : "runs on the tag \(name) in \(repository)"
        case .environment(let name):
            return glob && name.containsGlob ? "jobs in environments matching \(name) of \(repository)"
                : "jobs that name the environment \(name) in \(repository) (as safe as that environment's protection rules)"
        case .pullRequest:
            return "pull_request runs of \(repository): code in any pull request from a branch of the repository"
        case .other(let text):
            if glob && text == "*" { return "every run of \(repository): any branch, tag, pull request or environment" }
            return "runs of \(repository) with the custom subject context \"\(text)\""
        }
    }

    static func audienceMeaning(_ value: String) -> String {
        switch value {
        case "sts.amazonaws.com": return "tokens requested for AWS STS — what configure-aws-credentials asks for"
        case "sts.amazonaws.com.cn": return "tokens requested for AWS STS in China — configure-aws-credentials needs audience: sts.amazonaws.com.cn"
        default:
            if value.hasPrefix("https://github.com/") {
                return "tokens requested with GitHub's own default audience (\(value)) — configure-aws-credentials asks for sts.amazonaws.com instead"
            }
            return "tokens requested for \"\(value)\" — configure-aws-credentials must be given audience: \(value)"
        }
    }
}

extension ConditionOperator {
    /// A `*` or `?` under an operator that compares literally (StringEquals, …IgnoreCase).
    func wildcardsTakenLiterally(_ values: [String]) -> Bool {
        (comparison == .stringEquals || comparison == .stringEqualsIgnoreCase) && values.contains(where: \.containsGlob)
    }
}
