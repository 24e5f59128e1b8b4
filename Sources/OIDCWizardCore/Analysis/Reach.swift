/// How far beyond what was meant a request that gets in reaches. The analysis measures it by
/// evaluating attacker requests, so "any owner" is a fact about the policy, not a guess from its text.
enum Reach: Int, Comparable {
    /// A run the user meant (or, without a setup, one the policy names exactly).
    case meant
    /// Another branch, tag, pull request or environment of a meant repository.
    case otherContext
    /// Another repository of a meant owner.
    case otherRepository
    /// A repository of an owner nobody meant: anyone on GitHub can create one.
    case anyOwner

    static func < (lhs: Reach, rhs: Reach) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The severity a confirmed reach deserves (hazards.md's classes).
    func severity(deployRole: Bool) -> Severity {
        switch self {
        case .anyOwner: .critical
        case .otherRepository: .high
        case .otherContext: deployRole ? .high : .medium
        case .meant: .info
        }
    }
}

/// What the analysis takes to be meant: from the setup when there is one, else from the policy's own
/// exact values (an owner the policy names exactly is taken to be the owner meant).
struct IntendedScope {
    /// Owner names, lower-cased (GitHub names are case-insensitive).
    var owners: Set<String>
    /// Owner name (lower-cased) → owner id, where known.
    var ownerIDs: [String: String]
    /// `owner/repo`, lower-cased.
    var repositories: Set<String>
    /// The setup's subjects as patterns; nil without a setup (then contexts are not judged by reach).
    var subjects: [WildcardPattern]?

    /// Whether `subject` is something meant, and if not, how far off it is. nil when the subject is not
    /// one GitHub could ever send (then it proves nothing).
    /// `shape`: the subject already taken apart (`SubjectShape(subject)`), such as a policy value the statement's
    /// facts hold; taken apart here when not given.
    func reach(of subject: String, shape given: SubjectShape? = nil) -> Reach? {
        // A subject GitHub never sends proves nothing about who gets in.
        guard SubjectGrammar.canBeSent(subject) else { return nil }
        let shape = given ?? SubjectShape(subject)
        guard shape.isRepositoryBound else {
            // A custom template subject: every repository whose template produces the same pairs sends
            // it. Bound to a repository → meant; to an owner only → every repository of that owner;
            // to nothing → any owner can configure the same template and produce it.
            return TemplateSubject(subject).binding(within: self)
        }
        guard let owner = shape.owner?.lowercased(), Self.plausibleOwner(owner),
              let repository = shape.repository, !repository.isEmpty else { return nil }
        if !owners.contains(owner) { return .anyOwner }
        if let id = shape.ownerID, let expected = ownerIDs[owner], id != expected { return .anyOwner }
        if !repositories.contains("\(owner)/\(repository.lowercased())") { return .otherRepository }
        if let subjects, !subjects.contains(where: { $0.matches(subject) }) { return .otherContext }
        return .meant
    }

    static func plausibleOwner(_ owner: String) -> Bool {
        let bytes = owner.utf8
        guard !bytes.isEmpty, bytes.count <= 39, bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}

/// A custom-template subject read as `key:value` pairs (`environment:prod:ref:refs/heads/main`).
struct TemplateSubject {
    var pairs: [(key: String, value: String)]

    init(_ subject: String) {
        let tokens = subject.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var pairs: [(String, String)] = []
        var position = 0
        while position < tokens.count {
            let key = tokens[position]
            position += 1
            var value = position < tokens.count ? tokens[position] : ""
            position += 1
            // `context` carries `ref:refs/heads/x` or `environment:x`: two tokens.
            if key == "context", value == "ref" || value == "environment", position < tokens.count {
                value += ":" + tokens[position]
                position += 1
            }
            pairs.append((key, value))
        }
        self.pairs = pairs
    }

    func value(of key: String) -> String? { pairs.first { $0.key == key }?.value }

    /// How far the same subject reaches: a pair naming a meant repository (or a repository id) binds it
    /// to that repository; one naming only a meant owner (or an owner id) lets every repository of the
    /// owner send it; none lets any owner send it.
    func binding(within scope: IntendedScope) -> Reach {
        var reach = Reach.anyOwner
        for (key, value) in pairs where !value.hasWildcard {
            switch key {
            case "repository_id": return .meant
            case "repo", "repository":
                let owner = value.split(separator: "/").first.map { String($0).split(separator: "@").first.map(String.init) ?? "" } ?? ""
                if scope.owners.contains(owner.lowercased()) { return .meant }
            case "repository_owner_id": reach = min(reach, .otherRepository)
            case "repository_owner":
                if scope.owners.contains(value.lowercased()) { reach = min(reach, .otherRepository) }
            default: continue
            }
        }
        return reach
    }

    /// Whether a pair ties the subject to an owner the scope means (an id always does: ids are never reused).
    func bindsOwner(within scope: IntendedScope) -> Bool {
        for (key, value) in pairs where !value.hasWildcard {
            switch key {
            case "repository_id", "repository_owner_id": return true
            case "repo", "repository":
                let owner = value.split(separator: "/").first.map { String($0).split(separator: "@").first.map(String.init) ?? "" } ?? ""
                if scope.owners.contains(owner.lowercased()) { return true }
            case "repository_owner":
                if scope.owners.contains(value.lowercased()) { return true }
            default: continue
            }
        }
        return false
    }
}
