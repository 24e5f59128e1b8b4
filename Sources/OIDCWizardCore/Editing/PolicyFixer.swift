/// Applies every fix that can be derived from a policy (and, for wildcard repositories, from the
/// repositories the user names), and says what it did and what is left.
///
/// Order matters and is fixed:
/// 1. constraints lost to a repeated JSON key are restored — what the author evidently meant: two
///    `"StringLike"` objects with different keys were meant to hold together (AND), so the lost keys join
///    the kept ones; the same key twice can only have meant alternatives when both cannot hold at once
///    (two different exact subjects), so the values are merged (OR); anything else is left to a person;
/// 2. `repo:acme/*`, org-wide and owner-wildcard subjects become the given `--repo` repositories, each
///    with the context the wildcard subject had (`repo:acme/*:ref:refs/heads/main` → `repo:acme/app:ref:refs/heads/main`);
/// 3. every finding's `autofix`, in rounds: each round analyses the policy once and applies every fix that can go
///    beside the round's first (see `fix`), then analyses again, so indices stay valid.
public enum PolicyFixer {
    /// One change made, in words.
    public struct Step: Hashable, Sendable {
        /// The rule whose finding it fixes (`duplicate-key`, `org-wide`, …).
        public var rule: String
        public var description: String
    }

    public struct Outcome: Hashable, Sendable {
        public var policy: TrustPolicy
        public var steps: [Step]
        /// The findings of the fixed policy (analysed as it will be written).
        public var remaining: [Finding]
        /// What could be fixed with more input, e.g. "pass --repo OWNER/REPO to replace repo:acme/*".
        public var needsInput: [String]

        /// Whether something at `high` or above is still wrong.
        public var hasHighFindings: Bool { remaining.contains { $0.severity >= .high } }
    }

    /// At most this many rounds of automatic fixes; a fix that undoes another cannot loop forever.
    static let maxSteps = 64

    public static func fix(_ policy: TrustPolicy, notes: [ReaderNote], repositories: [String] = []) -> Outcome {
        var policy = policy
        var steps: [Step] = []
        var needsInput: [String] = []

        // 1. Lost duplicate keys.
        for note in notes {
            guard case .duplicateKey(let key, let kept, let lost) = note.kind, let index = note.statementIndex,
                  policy.statements.indices.contains(index) else { continue }
            switch DuplicateRestore.restore(key: key, kept: kept, lost: lost, path: note.path, in: policy.statements[index]) {
            case .restored(let statement, let description):
                policy.statements[index] = statement
                steps.append(Step(rule: RuleID.duplicateKey.rawValue, description: description))
            case .unchanged:
                break
            case .needsPerson(let why):
                needsInput.append(why)
            }
        }

        // 2. Wildcard repositories → the named ones.
        let (widened, repositorySteps, missing) = RepositoryNarrowing.apply(to: policy, repositories: repositories)
        policy = widened
        steps += repositorySteps
        needsInput += missing

        // 3. Autofixes, re-analysing after each round. A round applies the first fix that changes the policy,
        // and with it every later one that edits only the conditions of other Allow statements: such edits shift
        // no index and change no other statement's verdict, so a policy with a thousand of them takes a round or
        // two instead of a thousand analyses. Fixes that each drop one value of the same clause are merged (the
        // values the round drops, as one after another would, but never the clause's last). Fixes on other clauses
        // of a statement the round already edits go too, then the statement is checked as a whole: if together they
        // let in other owners where its first fix alone did not (two patterns that each match nothing while the
        // other is literal), only the first stays. Any other fix (removing a statement, editing a Deny) runs alone.
        var seen: Set<TrustPolicy> = [policy]
        // Every version of a statement that a fix has left behind or made. A later fix of a round is checked
        // against these rather than against whole policies, which would cost the policy's size for each fix.
        var versions: [Int: Set<PolicyStatement>] = [:]
        for _ in 0..<maxSteps {
            let start = policy
            var touched: Set<Int> = []  // the statements this round has edited (a fix that cannot batch ends the round)
            var dropped: [Int: (clause: Int, positions: Set<Int>)] = [:]  // statements this round only dropped values of
            // Statements this round edits clause by clause: the clauses, the statement after its first fix, the later steps.
            var clauseEdits: [Int: (clauses: Set<Int>, first: PolicyStatement, later: [Int])] = [:]
            var applied = false
            for finding in analyze(start) {
                guard let fix = finding.autofix else { continue }
                let edited = Self.allowStatementsEdited(by: fix, in: start)
                let clauseEdit = Self.clauseEdited(by: fix, in: start)
                let drop = Self.droppedValue(by: fix, in: start)
                var next = fix.apply(to: policy)
                var startsStatement = true  // the first fix of its statement in this round (others may join it)
                if applied {
                    if let drop, let earlier = dropped[drop.statement], earlier.clause == drop.clause {
                        // Another value of a clause this round drops values of: drop it too, from the clause as it was.
                        let positions = earlier.positions.union([drop.position])
                        let values = start.statements[drop.statement].conditions[drop.clause].values
                        let kept = values.indices.filter { !positions.contains($0) }.map { values[$0] }
                        guard !kept.isEmpty, positions.count > earlier.positions.count else { continue }
                        next = policy
                        next.statements[drop.statement].conditions[drop.clause].values = kept
                        guard !(versions[drop.statement]?.contains(next.statements[drop.statement]) ?? false) else { continue }
                        dropped[drop.statement] = (drop.clause, positions)
                        // Undone with the statement's other later fixes, should the check below undo them.
                        clauseEdits[drop.statement]?.later.append(steps.count)
                        startsStatement = false
                    } else if let (statement, clause) = clauseEdit, let edits = clauseEdits[statement], !edits.clauses.contains(clause) {
                        // Another clause of a statement this round edits clause by clause (checked as a whole below).
                        guard next.statements[statement] != policy.statements[statement],
                              !(versions[statement]?.contains(next.statements[statement]) ?? false) else { continue }
                        clauseEdits[statement] = (edits.clauses.union([clause]), edits.first, edits.later + [steps.count])
                        if let drop { dropped[drop.statement] = (drop.clause, [drop.position]) }
                        startsStatement = false
                    } else {
                        // A later fix of this round: only beside the others, on statements no fix has had in this state.
                        guard let edited, touched.isDisjoint(with: edited),
                              edited.contains(where: { next.statements[$0] != policy.statements[$0] }),
                              !edited.contains(where: { versions[$0]?.contains(next.statements[$0]) ?? false }) else { continue }
                    }
                } else {
                    guard next != policy, !seen.contains(next) else { continue }
                }
                if startsStatement {
                    if let drop { dropped[drop.statement] = (drop.clause, [drop.position]) }
                    if let (statement, clause) = clauseEdit { clauseEdits[statement] = ([clause], next.statements[statement], []) }
                }
                for index in edited ?? [] {
                    versions[index, default: []].formUnion([policy.statements[index], next.statements[index]])
                }
                policy = next
                applied = true
                steps.append(Step(rule: finding.rule, description: "\(finding.message) Fixed: \(finding.fix)"))
                guard let edited else { break }  // a fix that is not a plain edit of an Allow runs alone
                touched.formUnion(edited)
            }
            guard applied else { break }
            // A statement several fixes edited must not let in other owners unless its first fix alone already does.
            // (The only fix that widens anything, a wildcard moved to StringLike, is offered only when it alone
            // keeps other owners out: two of them together may not, and one after the other, the second would not
            // have been offered.)
            let together = clauseEdits.filter { !$0.value.later.isEmpty }
            if !together.isEmpty {
                let analysis = PolicyAnalysis(policy: start, context: AnalysisContext())
                var undone: Set<Int> = []
                for (statement, edits) in together.sorted(by: { $0.key < $1.key }) {
                    guard analysis.worst(through: statement, as: policy.statements[statement])?.reach == .anyOwner,
                          analysis.worst(through: statement, as: edits.first)?.reach != .anyOwner else { continue }
                    policy.statements[statement] = edits.first
                    undone.formUnion(edits.later)
                }
                steps = steps.indices.filter { !undone.contains($0) }.map { steps[$0] }
            }
            seen.insert(policy)
        }
        return Outcome(policy: policy, steps: steps, remaining: analyze(policy), needsInput: needsInput)
    }

    /// The clause of an Allow statement whose operator or values `fix` changes, when that is all it does (the
    /// statement keeps its clauses in place).
    static func clauseEdited(by fix: PolicyFix, in policy: TrustPolicy) -> (statement: Int, clause: Int)? {
        switch fix {
        case .changeOperator(let statement, let clause, _), .replaceValues(let statement, let clause, _):
            guard allowStatementsEdited(by: fix, in: policy) != nil,
                  policy.statements[statement].conditions.indices.contains(clause) else { return nil }
            return (statement, clause)
        default:
            return nil
        }
    }

    /// The one value `fix` drops from a clause of an Allow statement, when that is all it does.
    static func droppedValue(by fix: PolicyFix, in policy: TrustPolicy) -> (statement: Int, clause: Int, position: Int)? {
        guard case .replaceValues(_, _, let values) = fix, let (statement, clause) = clauseEdited(by: fix, in: policy) else { return nil }
        let before = policy.statements[statement].conditions[clause].values
        guard values.count == before.count - 1 else { return nil }
        let position = values.indices.first { values[$0] != before[$0] } ?? values.count
        return before[(position + 1)...].elementsEqual(values[position...]) ? (statement, clause, position) : nil
    }

    /// The Allow statements whose conditions `fix` edits, when that is all it does (nil for anything else: a
    /// statement removed or replaced, a Deny edited, the Version set).
    static func allowStatementsEdited(by fix: PolicyFix, in policy: TrustPolicy) -> Set<Int>? {
        func allow(_ index: Int) -> Set<Int>? {
            policy.statements.indices.contains(index) && policy.statements[index].effect == .allow ? [index] : nil
        }
        switch fix {
        case .changeOperator(let statement, _, _), .replaceValues(let statement, _, _), .addClause(let statement, _),
             .removeClause(let statement, _):
            return allow(statement)
        case .removeStatement, .replaceStatement, .setVersion:
            return nil
        case .all(let fixes):
            var statements: Set<Int> = []
            for fix in fixes {
                guard let edited = allowStatementsEdited(by: fix, in: policy) else { return nil }
                statements.formUnion(edited)
            }
            return statements
        }
    }

    /// The findings of `policy` as it will be written (read back, so only notes the output has count).
    static func analyze(_ policy: TrustPolicy) -> [Finding] {
        let notes = (try? PolicyReader.read(policy.jsonValue).notes) ?? []
        return PolicyAnalyzer.analyze(policy, context: AnalysisContext(readerNotes: notes))
    }
}

/// Step 1: a constraint lost to a repeated JSON key, put back the way its author meant it.
enum DuplicateRestore {
    enum Result {
        case restored(PolicyStatement, String)
        case unchanged
        case needsPerson(String)
    }

    static func restore(key: String, kept: JSONValue, lost: [JSONValue], path: JSONPath, in statement: PolicyStatement) -> Result {
        var lostClauses: [ConditionClause] = []
        for value in lost {
            if key == "Condition" {
                for op in value.objectMembers ?? [] { lostClauses += clauses(op: op.key, op.value) }
            } else if ConditionOperator(key) != nil, path.text.hasSuffix(JSONPath.root.member("Condition").member(key).text.dropFirst()) {
                lostClauses += clauses(op: key, value)
            } else if let kept = statement.conditions.first(where: { path.text.hasSuffix(JSONPath.root.member($0.op).member($0.key).text.dropFirst()) && $0.key == key }) {
                lostClauses.append(ConditionClause(op: kept.op, key: key, values: values(value)))
            } else {
                return .needsPerson("\"\(key)\" appears more than once at \(path); only the last is used. Merge them by hand.")
            }
        }
        guard !lostClauses.isEmpty else { return .unchanged }
        var statement = statement
        var restoredText: [String] = []
        for clause in lostClauses {
            if let at = statement.conditions.firstIndex(where: { $0.op == clause.op && $0.key.lowercased() == clause.key.lowercased() }) {
                let existing = statement.conditions[at]
                if Set(existing.values) == Set(clause.values) { continue }
                // Same operator, same key: one JSON object cannot hold both. Meant as alternatives only
                // when both together could never hold (two different exact values).
                let bothHold = existing.values.contains { x in
                    clause.values.contains { y in
                        GlobIntersection.intersects(x, isPattern: Self.isPattern(existing.op), y, isPattern: Self.isPattern(clause.op))
                    }
                }
                if bothHold {
                    return .needsPerson("\(clause.op) on \(clause.key) appears twice at \(path) with overlapping values (\(clause.values.joined(separator: ", ")) and \(existing.values.joined(separator: ", "))); decide which you meant and merge them by hand.")
                }
                var merged = clause.values
                for value in existing.values where !merged.contains(value) { merged.append(value) }
                statement.conditions[at].values = merged
                restoredText.append("\(clause.key) = \(clause.values.joined(separator: ", ")) as an alternative under \(clause.op)")
            } else {
                statement.conditions.append(clause)
                restoredText.append("\(clause.op) \(clause.key) = \(clause.values.joined(separator: ", "))")
            }
        }
        guard !restoredText.isEmpty else { return .unchanged }
        return .restored(statement, "Restored what the repeated \"\(key)\" lost: \(restoredText.joined(separator: "; ")).")
    }

    private static func isPattern(_ op: String) -> Bool {
        ConditionOperator(op)?.comparison == .stringLike
    }

    private static func values(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text), .number(let text): [text]
        case .bool(let flag): [flag ? "true" : "false"]
        case .array(let items): items.flatMap(values)
        default: []
        }
    }

    private static func clauses(op: String, _ object: JSONValue) -> [ConditionClause] {
        (object.objectMembers ?? []).map { ConditionClause(op: op, key: $0.key, values: values($0.value)) }
    }
}

/// Step 2: subjects whose repository part is a wildcard, narrowed to the repositories the user names.
///
/// Only narrowed: a named repository replaces a value only if the value already lets that repository in, so a typo or
/// a slip in `--repo` (another owner, a look-alike) can never hand the role to someone new; and only in the form the
/// value is written in, since a repository sends the name form or the id form, never both (`repo:acme@123/*@*` is
/// replaced by `--repo acme@123/app@456`, never by `--repo acme/app`, which would lock the repository out).
enum RepositoryNarrowing {
    static func apply(to policy: TrustPolicy, repositories: [String]) -> (TrustPolicy, [PolicyFixer.Step], [String]) {
        var policy = policy
        var steps: [PolicyFixer.Step] = []
        var missing: [String] = []
        for (s, statement) in policy.statements.enumerated() where statement.effect == .allow {
            for (c, clause) in statement.conditions.enumerated() {
                guard clause.key.lowercased().hasSuffix(":sub"), let op = ConditionOperator(clause.op), !op.isNegated else { continue }
                var values: [String] = []
                var present: Set<String> = []  // what `values` holds: a long list would make `contains` quadratic
                var changed = false
                for value in clause.values {
                    guard let (pattern, context) = wildcardRepository(value) else {
                        if present.insert(value).inserted { values.append(value) }
                        continue
                    }
                    let chosen = repositories.filter { narrows(pattern, to: $0) }
                    guard !chosen.isEmpty else {
                        missing.append(whyNotNarrowed(value, pattern: pattern, repositories: repositories))
                        if present.insert(value).inserted { values.append(value) }
                        continue
                    }
                    for repository in chosen {
                        let subject = "repo:\(repository):\(context)"
                        if present.insert(subject).inserted { values.append(subject) }
                    }
                    changed = true
                    steps.append(PolicyFixer.Step(rule: RuleID.orgWide.rawValue,
                                                  description: "Replaced \"\(value)\" with \(chosen.map { "\"repo:\($0):\(context)\"" }.joined(separator: ", "))."))
                }
                if changed { policy.statements[s].conditions[c].values = values }
            }
        }
        return (policy, steps, missing)
    }

    /// Whether `repository` (`owner/repo` or `owner@id/repo@id`) may replace the wildcard repository part `pattern`:
    /// let in by it already, and never a name for a pattern written with ids (the repositories it lets in send the
    /// id form, so a name would lock them out). A name-form pattern whose `*` spans an id (`acme*`) lets in an id
    /// given explicitly, as IAM would.
    static func narrows(_ pattern: String, to repository: String) -> Bool {
        if pattern.contains("@"), !repository.contains("@") { return false }
        return WildcardPattern(glob: pattern).matches(repository)
    }

    /// What to do when no `--repo` may replace `value`: none given, none it lets in, or none in its form.
    private static func whyNotNarrowed(_ value: String, pattern: String, repositories: [String]) -> String {
        if repositories.isEmpty {
            return "Pass --repo OWNER/REPO (once per repository) to replace \"\(value)\" with the repositories you mean."
        }
        let named = repositories.map { "--repo \($0)" }.joined(separator: ", ")
        if pattern.contains("@"), !repositories.contains(where: { $0.contains("@") }) {
            return "\"\(value)\" is written in the id form (owner@id/repo@id), which is all its repositories send: pass --repo OWNER@ID/REPO@ID to replace it (\(named) would lock them out)."
        }
        return "\"\(value)\" does not let in \(named): a fix only narrows what a value already allows, so it was left as it is. Check the owner and the form (owner/repo or owner@id/repo@id), or change the value by hand."
    }

    /// `repo:acme/*:ref:refs/heads/main` → (`acme/*`, `ref:refs/heads/main`); `repo:acme/*`, `repo:*` and `*`
    /// (whose context is anything) → (`acme/*` / `*`, `*`). Nil when the repository part is exact.
    static func wildcardRepository(_ value: String) -> (String, String)? {
        if value == "*" { return ("*", "*") }
        guard value.hasPrefix("repo:") else { return nil }
        let rest = value.dropFirst("repo:".count)
        let repository: Substring
        let context: String
        if let colon = rest.firstIndex(of: ":") {
            repository = rest[..<colon]
            context = String(rest[rest.index(after: colon)...])
        } else {
            repository = rest
            context = "*"
        }
        guard repository.contains("*") || repository.contains("?") else { return nil }
        // `repo:acme/*` as StringLike also matches every context: the `*` runs on past the name.
        let effectiveContext = repository.hasSuffix("*") && !rest.contains(":") ? "*" : context
        return (String(repository), effectiveContext.isEmpty ? "*" : effectiveContext)
    }
}
