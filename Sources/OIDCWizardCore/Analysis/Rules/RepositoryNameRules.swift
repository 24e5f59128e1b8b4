/// Names inside subjects: `lookalike-name` (a non-ASCII look-alike in an owner or repository),
/// `invalid-name` (outside GitHub's naming rules), `case-mismatch` (one name, two capitalisations).
enum RepositoryNameRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        var spellings: [String: String] = [:]
        for access in analysis.intent?.repositories ?? [] {
            spellings[access.repository.owner.lowercased()] = access.repository.owner
            spellings[access.repository.fullName.lowercased()] = access.repository.fullName
        }
        for statement in analysis.statements where statement.isGitHubAllow {
            let label = analysis.label(statement.index)
            for clause in statement.clauses(on: "sub") where clause.testsValues {
                for (position, value) in clause.clause.values.enumerated() {
                    let shape = clause.shapes[position]
                    guard shape.isRepositoryBound, let owner = shape.owner else { continue }
                    // A policy variable is not a name, and a wildcard that runs past the owner (`repo:*:ref:…`,
                    // no `/` before the context) makes the "owner" text a glob over several parts: neither
                    // can be name-checked as a literal.
                    if value.mentionsPolicyVariable || (owner.hasWildcard && owner.contains(":")) { continue }
                    let path = clause.valuePath(position)
                    if let finding = name(owner, kind: "owner", value: value, path: path, statement: statement.index, label: label, analysis) {
                        findings.append(finding)
                        continue
                    }
                    if let repository = shape.repository,
                       let finding = name(repository, kind: "repository", value: value, path: path, statement: statement.index, label: label, analysis) {
                        findings.append(finding)
                        continue
                    }
                    // Capitalisation: the first spelling seen (the setup's, when there is one) is the reference.
                    guard shape.wildcardSite != .owner else { continue }
                    /// The reference spelling when `written` differs from it; a name seen first becomes the reference.
                    func reference(for written: String, lookup: String) -> String? {
                        guard let reference = spellings[lookup] else {
                            spellings[lookup] = written
                            return nil
                        }
                        return reference != written ? reference : nil
                    }
                    var mismatch: (written: String, reference: String)?
                    if let other = reference(for: owner, lookup: owner.lowercasedForLookup) {
                        mismatch = (owner, other)
                    } else if shape.namesExactRepository, let repository = shape.repository, let key = shape.fullNameKey {
                        let written = "\(owner)/\(repository)"
                        if let other = reference(for: written, lookup: key) { mismatch = (written, other) }
                    }
                    if let (written, reference) = mismatch {
                        findings.append(analysis.finding(
                            .caseMismatch, statement: statement.index, path: path,
                            message: "\"\(value)\" in \(label) writes \(written), elsewhere it is \(reference).",
                            why: "GitHub treats the names as one, but the subject carries the name's canonical capitalisation and StringEquals compares exactly: only one of the spellings can ever match.",
                            fix: "Write the name exactly as GitHub shows it on the repository page, the same everywhere."))
                    }
                }
            }
        }
        return findings
    }

    private static func name(_ name: String, kind: String, value: String, path: JSONPath, statement: Int, label: String,
                             _ analysis: PolicyAnalysis) -> Finding? {
        // Fast path for the usual, valid name (this runs per value on every keystroke); anything unusual
        // goes through the foundation's NameRules and LookAlikes.
        if kind == "owner" ? IntendedScope.plausibleOwner(name) && !name.contains("--") : plausibleRepository(name) { return nil }
        if let problem = LookAlikes.problem(in: name, what: "GitHub \(kind) names") {
            let ascii = String(name.unicodeScalars.map { scalar -> Character in
                LookAlikes.lookAlike(scalar).map(\.latin) ?? Character(scalar)
            })
            return analysis.finding(
                .lookalikeName, statement: statement, path: path,
                message: "The \(kind) \"\(name)\" in \"\(value)\" (\(label)) is not the ASCII name it looks like. \(problem)",
                why: "GitHub names are ASCII, so the name you meant (\(ascii)) never matches this value. The value can only ever match an account registered to imitate it, which is how look-alike attacks work.",
                fix: "Retype the \(kind) as \"\(ascii)\" with a Latin keyboard layout.")
        }
        let violations = kind == "owner" ? NameRules.owner(name) : NameRules.repositoryName(name, owner: "")
        guard let error = violations.first(where: { $0.severity == .error }) else { return nil }
        return analysis.finding(
            .invalidName, statement: statement, path: path,
            message: "The \(kind) \"\(name)\" in \"\(value)\" (\(label)) breaks GitHub's naming rules: \(error.rule)",
            why: "A name GitHub does not allow never appears in a real subject, so this value never matches and the role cannot be assumed through it.",
            fix: "Correct the \(kind) name to the one shown on GitHub.")
    }

    static func plausibleRepository(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= 100, name != ".", name != ".." else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }
    }
}
