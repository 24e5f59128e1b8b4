/// The reader's notes as findings: `duplicate-key` (judged by re-evaluating with the lost clause
/// restored), `invalid-policy` (AWS refuses the document), `version-missing`, `operator-spelling`.
enum ReaderNoteRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        analysis.context.readerNotes.compactMap { note in
            switch note.kind {
            case .duplicateKey(let key, let kept, let lost):
                return duplicate(note, key: key, kept: kept, lost: lost, analysis)
            case .missingVersion:
                return analysis.finding(
                    .versionMissing, statement: nil, path: note.path, message: note.message,
                    why: "The 2008-10-17 language has no policy variables; a value like ${aws:username} is then compared as plain text.",
                    fix: "Add \"Version\": \"2012-10-17\" at the top of the policy.",
                    autofix: .setVersion(TrustPolicy.currentVersion))
            case .unusualOperatorSpelling(let written, let documented):
                let fixes: [PolicyFix] = note.statementIndex.map { index in
                    analysis.policy.statements[index].conditions.enumerated()
                        .filter { $0.element.op == written }
                        .map { .changeOperator(statement: index, clause: $0.offset, to: documented) }
                } ?? []
                return analysis.finding(
                    .operatorSpelling, statement: note.statementIndex, path: note.path, message: note.message,
                    why: "IAM reads operator names case-insensitively, but other tools (and people) may not recognise \"\(written)\".",
                    fix: "Write \"\(documented)\".",
                    autofix: fixes.isEmpty ? nil : .all(fixes))
            default:
                guard note.awsWillReject else { return nil }
                return analysis.finding(
                    .invalidPolicy, statement: note.statementIndex, path: note.path, message: note.message,
                    why: "IAM checks the document's grammar when the role is created or updated and answers MalformedPolicyDocument; until it is fixed, the trust policy cannot be stored.",
                    fix: "Correct the part at \(note.path).")
            }
        }
    }

    /// A repeated key loses its earlier values. How bad that is: evaluate the policy as written and as
    /// the author evidently meant it (lost clauses restored, ANDed with the kept ones) and compare who gets in.
    private static func duplicate(_ note: ReaderNote, key: String, kept: JSONValue, lost: [JSONValue],
                                  _ analysis: PolicyAnalysis) -> Finding {
        let label = note.statementIndex.map { analysis.label($0) } ?? "the policy"
        let restoredClauses = note.statementIndex.map { lostClauses(note, key: key, lost: lost, statement: $0, analysis) } ?? []
        let lostText = lost.map(\.compactText).joined(separator: ", ")
        var severity: Severity = .medium
        var kind: FindingKind = .security
        var consequence = ""
        if kept == lost.last, lost.count == 1 {
            severity = .low
            kind = .hygiene
            consequence = " Both copies are the same, so nothing changes; remove one."
        } else if let index = note.statementIndex, !restoredClauses.isEmpty {
            var restored = analysis.policy.statements[index]
            restored.conditions.append(contentsOf: restoredClauses)
            // Who gets in through this statement, as written and as meant; another statement's openness is its own finding.
            let before = analysis.exposure.worst(through: index)
            let after = analysis.worst(through: index, as: restored)
            if let before, before.reach > (after?.reach ?? .meant) {
                severity = before.reach.severity(deployRole: analysis.isDeployRole)
                // The other statements are unchanged, so the ones that let the request in still would.
                let elsewhere = before.applyingStatements.filter { $0 != index }
                consequence = " With it lost, \(analysis.admissionText(before)); with it kept, "
                    + (elsewhere.isEmpty ? "that request would be denied."
                        : "\(label) would not let that request in (\(analysis.label(elsewhere[0])) still would).")
            } else if restoredClauses.contains(where: { ["sub", "job_workflow_ref"].contains(StatementFacts.split($0.key).claim ?? "") }) {
                severity = .medium
                consequence = " Other conditions still hold the line, but the lost constraint is not enforced."
            } else {
                severity = .medium
                consequence = " The lost condition is not enforced."
            }
        } else if ["Statement", "Principal", "Effect", "Action", "Condition"].contains(key) {
            severity = .high
            consequence = " A whole \(key) was dropped; check what the policy really says."
        }
        return analysis.finding(
            .duplicateKey, severity: severity, kind: kind, statement: note.statementIndex, path: note.path,
            message: "\"\(key)\" appears more than once in \(label); IAM keeps only the last, so \(lostText) is silently ignored.\(consequence)",
            why: "JSON allows a repeated member name, and IAM accepts the policy, but its parser keeps only the last occurrence. Reading the file, you see two constraints; IAM enforces one.",
            fix: "Merge the repeated \"\(key)\" objects into one, so every condition is enforced.")
    }

    /// The clauses the repeated member held, as they would read had they been kept.
    private static func lostClauses(_ note: ReaderNote, key: String, lost: [JSONValue], statement: Int,
                                    _ analysis: PolicyAnalysis) -> [ConditionClause] {
        func values(_ value: JSONValue) -> [String] {
            switch value {
            case .string(let text), .number(let text): return [text]
            case .bool(let flag): return [flag ? "true" : "false"]
            case .array(let items): return items.flatMap(values)
            default: return []
            }
        }
        func clauses(op: String, _ object: JSONValue) -> [ConditionClause] {
            (object.objectMembers ?? []).map { ConditionClause(op: op, key: $0.key, values: values($0.value)) }
        }
        var result: [ConditionClause] = []
        for value in lost {
            if key == "Condition" {
                for member in value.objectMembers ?? [] { result += clauses(op: member.key, member.value) }
            } else if ConditionOperator(key) != nil, note.path.text.contains(".Condition") {
                result += clauses(op: key, value)
            } else if let kept = analysis.statements[statement].clauses.first(where: { $0.path == note.path }) {
                // A repeated condition key under one operator.
                result.append(ConditionClause(op: kept.clause.op, key: key, values: values(value)))
            }
        }
        return result
    }
}
