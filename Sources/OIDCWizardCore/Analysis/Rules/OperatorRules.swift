import Foundation

/// Operators that do not mean what they seem: `wildcard-under-stringequals`, `subject-under-two-operators`,
/// `stringlike-without-wildcard`, `ifexists-claim`, `forallvalues-claim`.
enum OperatorRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        for statement in analysis.statements where statement.isGitHubAllow {
            for clause in statement.clauses {
                guard let op = clause.op, !op.isNegated, op.comparison != .null else { continue }
                findings += literalWildcards(clause, op, statement, analysis)
                findings += needlessLike(clause, op, statement, analysis)
                if clause.prefixMatches, let claim = clause.claim, GitHubClaims.iamTestable.contains(claim) {
                    if op.ifExists, claim == "sub" || claim == "aud" {
                        findings.append(ifExists(clause, op, statement, analysis))
                    }
                    if op.qualifier == .forAllValues {
                        findings.append(forAllValues(clause, op, statement, analysis))
                    }
                    if claim == "sub", op.comparison == .stringEqualsIgnoreCase,
                       let finding = caseInsensitiveRef(clause, op, statement, analysis) {
                        findings.append(finding)
                    }
                }
            }
            if let finding = twoOperators(statement, analysis) { findings.append(finding) }
        }
        return findings
    }

    /// `op` with its base renamed, keeping the qualifier and IfExists: `ForAnyValue:StringEquals` → `ForAnyValue:StringLike`.
    static func renamed(_ op: String, _ from: String, _ to: String) -> String {
        guard let range = op.range(of: from, options: .caseInsensitive) else { return op }
        return op.replacingCharacters(in: range, with: to)
    }

    /// A change of operator is mechanical unless the statement already has that operator on the same key
    /// (the two clauses would collide in one JSON object).
    static func operatorChange(_ clause: StatementFacts.Clause, to newOp: String, in statement: StatementFacts) -> PolicyFix? {
        let collides = statement.clauses.contains {
            $0.index != clause.index && $0.clause.op == newOp && $0.clause.key.lowercased() == clause.clause.key.lowercased()
        }
        return collides ? nil : .changeOperator(statement: statement.index, clause: clause.index, to: newOp)
    }

    private static func literalWildcards(_ clause: StatementFacts.Clause, _ op: ConditionOperator, _ statement: StatementFacts,
                                         _ analysis: PolicyAnalysis) -> [Finding] {
        guard op.comparison == .stringEquals || op.comparison == .stringEqualsIgnoreCase,
              let position = clause.clause.values.firstIndex(where: { $0.hasWildcard }) else { return [] }
        let value = clause.clause.values[position]
        let label = analysis.label(statement.index)
        var autofix: PolicyFix?
        var caution = ""
        let likeOp = renamed(op.raw, "StringEquals", "StringLike")
        if op.comparison == .stringEquals, let fix = operatorChange(clause, to: likeOp, in: statement) {
            // Only offer the StringLike version when it does not open this statement to other owners.
            var edited = statement.statement
            edited.conditions[clause.index].op = likeOp  // what `fix` does to the statement
            let after = analysis.worst(through: statement.index, as: edited)
            if after?.reach == .anyOwner {
                caution = " Careful: as a pattern, \"\(value)\" would let other owners in (\(after!.subject)); write the owner exactly first."
            } else {
                autofix = fix
            }
        }
        let others = clause.clause.values.count > 1 ? " The other values of the list still work." : " As written, the role can never be assumed through this condition."
        return [analysis.finding(
            .wildcardUnderStringEquals, statement: statement.index, path: clause.valuePath(position),
            message: "\"\(value)\" in \(label) is under \(op.raw), which takes '*' and '?' literally, so it never matches a real \(clause.claim ?? "value").",
            why: "Only StringLike treats * and ? as wildcards. GitHub never sends a * in a subject (branch and repository names cannot contain one), so this value matches nothing.\(others)",
            fix: "Move the value under \(renamed(op.raw, op.comparison == .stringEquals ? "StringEquals" : "StringEqualsIgnoreCase", "StringLike")), or write the exact value.\(caution)",
            autofix: autofix)]
    }

    private static func needlessLike(_ clause: StatementFacts.Clause, _ op: ConditionOperator, _ statement: StatementFacts,
                                     _ analysis: PolicyAnalysis) -> [Finding] {
        guard op.comparison == .stringLike, !clause.clause.values.isEmpty,
              !clause.clause.values.contains(where: { $0.hasWildcard }) else { return [] }
        let target = renamed(op.raw, "StringLike", "StringEquals")
        return [analysis.finding(
            .stringLikeWithoutWildcard, statement: statement.index, path: clause.path,
            message: "\(clause.clause.key) in \(analysis.label(statement.index)) is under \(op.raw) but has no wildcard.",
            why: "StringLike with exact values works like StringEquals, but signals \"patterns welcome\": the next edit adds a * and nobody notices how far it opens.",
            fix: "Use \(target) for exact values.",
            autofix: operatorChange(clause, to: target, in: statement))]
    }

    private static func ifExists(_ clause: StatementFacts.Clause, _ op: ConditionOperator, _ statement: StatementFacts,
                                 _ analysis: PolicyAnalysis) -> Finding {
        let target = String(op.raw.dropLast("IfExists".count))
        return analysis.finding(
            .ifExistsClaim, statement: statement.index, path: clause.path,
            message: "\(clause.clause.key) in \(analysis.label(statement.index)) is tested with \(op.raw), which passes when the claim is missing.",
            why: "GitHub always sends \(clause.claim ?? "it"), so IfExists adds no flexibility, only a way past the check for any token without the claim, and a misspelled key makes the test vanish silently.",
            fix: "Use \(target).",
            autofix: operatorChange(clause, to: target, in: statement))
    }

    private static func forAllValues(_ clause: StatementFacts.Clause, _ op: ConditionOperator, _ statement: StatementFacts,
                                     _ analysis: PolicyAnalysis) -> Finding {
        let target = String(op.raw.dropFirst("ForAllValues:".count))
        let severity = analysis.exposure.worst(through: statement.index).map { max($0.reach.severity(deployRole: analysis.isDeployRole), .high) } ?? .high
        return analysis.finding(
            .forAllValuesClaim, severity: severity, statement: statement.index, path: clause.path,
            message: "\(clause.clause.key) in \(analysis.label(statement.index)) is tested with \(op.raw), which is true when the key is missing.",
            why: "ForAllValues: checks that every value in the request is in the list, so a request without the key (or a policy whose key is misspelled) passes without any check. \(clause.claim ?? "The claim") is single-valued; set operators are for multi-valued keys.",
            fix: "Use \(target).",
            autofix: operatorChange(clause, to: target, in: statement))
    }

    /// `StringEqualsIgnoreCase` on a branch or tag subject. Owner, repository and environment names are
    /// case-insensitive on GitHub, so ignoring case there changes nothing; git refs are case-sensitive,
    /// so `refs/heads/Main` is another branch that anyone who can push may create, outside the rules
    /// that protect `main`. The evaluator confirms the other-case branch gets in before it is reported.
    private static func caseInsensitiveRef(_ clause: StatementFacts.Clause, _ op: ConditionOperator, _ statement: StatementFacts,
                                           _ analysis: PolicyAnalysis) -> Finding? {
        for (position, value) in clause.clause.values.enumerated() where !value.hasWildcard {
            let shape = clause.shapes[position]  // called for sub clauses only
            guard shape.isRepositoryBound, let context = shape.context else { continue }
            let name: String
            switch shape.contextKind {
            case .branch(let branch): name = branch
            case .tag(let tag): name = tag
            default: continue
            }
            // The same ref with its case flipped: a different ref to git, the same text to the operator.
            let flipped = String(name.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })
            guard flipped != name else { continue }
            let other = value.dropLast(context.count) + context.dropLast(name.count) + flipped
            guard let admitted = analysis.firstAdmitted([String(other)], through: statement) else { continue }
            let kind = if case .tag = shape.contextKind { "tag" } else { "branch" }
            return analysis.finding(
                .caseInsensitiveRef, statement: statement.index, path: clause.valuePath(position),
                message: "\"\(value)\" in \(analysis.label(statement.index)) is compared with \(op.raw), so the \(kind) \(flipped) gets in too (the evaluator lets \(admitted) in).",
                why: "Git \(kind) names are case-sensitive: \(flipped) is a different \(kind) from \(name), which anyone with push access can create, and rulesets or branch protection on \(name) do not cover it. (Owner and repository names are case-insensitive on GitHub, so StringEquals loses nothing there.)",
                fix: "Use \(renamed(op.raw, "StringEqualsIgnoreCase", "StringEquals")), with the name exactly as git has it.",
                autofix: operatorChange(clause, to: renamed(op.raw, "StringEqualsIgnoreCase", "StringEquals"), in: statement))
        }
        return nil
    }

    /// Several positive operators on `sub` in one statement must ALL hold.
    private static func twoOperators(_ statement: StatementFacts, _ analysis: PolicyAnalysis) -> Finding? {
        let fences = statement.clauses(on: "sub").filter { $0.op != nil && !$0.isNegated && $0.op?.comparison != .null }
        guard fences.count >= 2 else { return nil }
        // Could any subject satisfy every clause? Try the values themselves, wildcards filled.
        let candidates = fences.flatMap { $0.clause.values.flatMap { Exposure.fill($0) + [$0.filter { $0 != "*" && $0 != "?" }] } }
        let satisfiable = candidates.first { candidate in
            fences.allSatisfy { fence in fence.clause.values.contains { PolicyAnalysis.matches($0, op: fence.op, candidate) } }
        }
        let ops = fences.map(\.clause.op).joined(separator: " and ")
        let second = fences[1]
        if let satisfiable {
            return analysis.finding(
                .subjectUnderTwoOperators, severity: .low, kind: .hygiene, statement: statement.index, path: second.path,
                message: "sub in \(analysis.label(statement.index)) is tested under \(ops); a subject must pass both (e.g. \(satisfiable)).",
                why: "Operators in one Condition AND together. It works here, but reads as an OR and invites a change that silently locks everyone out.",
                fix: "Put all sub values under one operator (StringLike if any has a wildcard).")
        }
        return analysis.finding(
            .subjectUnderTwoOperators, statement: statement.index, path: second.path,
            message: "sub in \(analysis.label(statement.index)) is tested under \(ops), and no subject can pass both, so the statement never applies.",
            why: "Operators in one Condition AND together; the values of one key OR together. \(fences.map { "\($0.clause.op) \($0.clause.values)" }.joined(separator: " AND ")) has no common subject.",
            fix: "Put all sub values in one list under one operator (StringLike if any has a wildcard): each value is then an alternative.")
    }
}
