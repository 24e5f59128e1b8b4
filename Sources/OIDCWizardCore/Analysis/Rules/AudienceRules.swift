/// The audience (`aud`) and the partition it belongs to: `audience-missing`, `audience-wrong`,
/// `partition-mismatch`.
enum AudienceRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        for statement in analysis.statements where statement.isGitHubAllow {
            let label = analysis.label(statement.index)
            let partition = statement.partition ?? analysis.intent?.partition ?? .aws
            let expected = analysis.intent?.audience ?? partition.defaultAudience
            let key = "\(statement.issuerHost):aud"
            let positive = statement.clauses(on: "aud").filter(\.testsValues)
            if let intent = analysis.intent, let arnPartition = statement.partition, arnPartition != intent.partition,
               let arn = statement.providerARN {
                findings.append(analysis.finding(
                    .partitionMismatch, statement: statement.index, path: statement.path.member("Principal").member("Federated"),
                    message: "\(label.capitalizedFirst) trusts a provider in \(arnPartition.rawValue) (\(arn)), but the role is meant for \(intent.partition.displayName).",
                    why: "Each partition is a separate AWS: a role in one can never trust a provider in another.",
                    fix: "Use \"\(intent.flavor.providerARN(partition: intent.partition, accountID: intent.accountID))\"."))
            }
            let misprefixed = statement.clauses.contains { !$0.prefixMatches && $0.claim == "aud" && KeyRules.looksLikeGitHubIssuer($0.prefix) }
            if positive.isEmpty, !misprefixed {
                findings.append(analysis.finding(
                    .audienceMissing, statement: statement.index,
                    path: statement.statement.conditions.isEmpty ? statement.path : statement.path.member("Condition"),
                    message: "\(label.capitalizedFirst) does not test the audience (aud).",
                    why: "The audience says which service a token was minted for. Without the check, a GitHub token requested for another service (a workflow's default audience is https://github.com/<owner>) is accepted too, so a token leaked from elsewhere can be replayed here.",
                    fix: "Add \"StringEquals\": {\"\(key)\": \"\(expected)\"}.",
                    autofix: .addClause(statement: statement.index, ConditionClause(op: "StringEquals", key: key, values: [expected]))))
                continue
            }
            if positive.isEmpty { continue }
            // A pattern that also accepts tokens minted for other services constrains nothing: every
            // positive aud clause must hold, so the audience is open only when each one lets a foreign
            // audience through.
            let foreign = ["https://github.com/\(Exposure.attackerOwner)", "api://zz-other-service"]
            let openings = positive.map { clause in
                clause.clause.values.indices.lazy.compactMap { position in
                    let value = clause.clause.values[position]
                    return value.hasWildcard ? foreign.first { PolicyAnalysis.matches(value, op: clause.op, $0) }.map { (clause, position, $0) } : nil
                }.first
            }
            if let first = openings.first, let (clause, position, accepted) = first, openings.allSatisfy({ $0 != nil }) {
                let value = clause.clause.values[position]
                findings.append(analysis.finding(
                    .audienceMissing, statement: statement.index, path: clause.valuePath(position),
                    message: "\(label.capitalizedFirst) tests the audience with the pattern \"\(value)\", which also accepts \(accepted), so the audience is not constrained.",
                    why: "The audience says which service a token was minted for. A pattern that matches other audiences accepts a GitHub token requested for another service (a workflow's default audience is https://github.com/<owner>), so a token leaked from elsewhere can be replayed here.",
                    fix: "Test the exact audience: \"StringEquals\": {\"\(key)\": \"\(expected)\"}.",
                    autofix: .all([.removeClause(statement: statement.index, clause: clause.index),
                                   .addClause(statement: statement.index, ConditionClause(op: "StringEquals", key: key, values: [expected]))])))
                continue
            }
            for clause in positive {
                let accepts = clause.clause.values.contains { PolicyAnalysis.matches($0, op: clause.op, expected) }
                if accepts { continue }
                // A value of another partition's audience: the provider and audience disagree.
                if let position = clause.clause.values.firstIndex(where: { value in
                    Partition.allCases.contains { $0.defaultAudience == value && $0.defaultAudience != partition.defaultAudience }
                }) {
                    let value = clause.clause.values[position]
                    findings.append(analysis.finding(
                        .partitionMismatch, statement: statement.index, path: clause.valuePath(position),
                        message: "\(label.capitalizedFirst) expects the audience \(value), but its provider is in the \(partition.rawValue) partition, where tokens carry \(partition.defaultAudience).",
                        why: "configure-aws-credentials asks for sts.amazonaws.com.cn in China (aws-cn) and sts.amazonaws.com everywhere else; a mix never matches, so the role can never be assumed.",
                        fix: "Set the audience to \"\(partition.defaultAudience)\" (or move the provider to the partition the audience belongs to).",
                        autofix: .replaceValues(statement: statement.index, clause: clause.index, with: [partition.defaultAudience])))
                    continue
                }
                let position = 0
                let value = clause.clause.values.first ?? ""
                let githubDefault = value.hasPrefix("https://github.com/")
                findings.append(analysis.finding(
                    .audienceWrong, statement: statement.index, path: clause.valuePath(position),
                    message: "\(label.capitalizedFirst) expects the audience \"\(value)\", but configure-aws-credentials requests \(expected).",
                    why: githubDefault
                        ? "\(value) is GitHub's default audience when no audience is asked for; the AWS action always asks for \(expected), so the condition never matches and the role cannot be assumed (unless every workflow sets audience: \(value), and the provider lists it)."
                        : "The audience must be in the provider's client-id list and must be what the workflow requests; the AWS action requests \(expected) unless told otherwise, so this never matches as written.",
                    fix: "Set \"\(key)\" to \"\(expected)\".",
                    autofix: .replaceValues(statement: statement.index, clause: clause.index, with: [expected])))
            }
        }
        return findings
    }
}
