/// `intended-denied`: a run the user asked for (with a setup) or a subject the policy names exactly (without one)
/// that the policy does not let in.
enum IntentRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        guard let intent = analysis.intent else { return [] }  // see `namedButDenied`
        let candidates = analysis.statements.filter(\.isGitHubAllow)
        guard !candidates.isEmpty else { return [] }
        var findings: [Finding] = []
        for subject in intent.subjects where !subject.hasWildcard {
            // The meant workflow gets in if the request built for any one statement is allowed; stop at the first.
            // Decided without words first; the reason is worded only for the request that is reported.
            var denial: AssumeRequest?
            for statement in candidates {
                let request = analysis.request(subject: subject, through: statement)
                if analysis.evaluator.decide(request).isAllowed { denial = nil; break }
                if denial == nil { denial = request }
            }
            guard let denied = denial else { continue }
            let decision = analysis.evaluator.evaluate(denied)
            findings.append(analysis.finding(
                .intendedDenied, statement: decision.statementIndex, path: decision.statementIndex.map { analysis.statements[$0].path } ?? JSONPath.root.member("Statement"),
                message: "A run you asked for is denied: \(subject). \(decision.reason)",
                why: "The setup says this workflow should get the role, and the evaluator, judging the policy exactly as IAM does, refuses it: the deployment will fail with \"Not authorized to perform sts:AssumeRoleWithWebIdentity\".",
                fix: "Add \"\(subject)\" to the sub condition of the Allow statement (StringEquals), and check the audience and provider."))
        }
        return findings
    }

    /// Without a setup, the runs a policy is meant for are the ones the "who can get in" table infers from it; a row
    /// that is denied although its subject is written exactly in the policy is a contradiction in the policy (a
    /// repository, ref or environment condition that the subject's own run never sends). Taken from the table
    /// itself, so the findings and the table cannot disagree; rows for runs the table had to invent (a policy that
    /// names no subject) are not reported, nor are subjects of statements another rule already calls broken (a
    /// wrong action, two operators no subject passes: that finding says why, more exactly). Runs after the other
    /// rules, which it reads; at most `namedLimit`, in the table's order.
    static func namedButDenied(_ analysis: PolicyAnalysis, findings: [Finding]) -> [Finding] {
        guard analysis.intent == nil else { return [] }
        let explained = Set(findings.filter { $0.kind == .broken }.compactMap(\.statement))
        var naming: [String: Int] = [:]  // subject → the first statement that names it
        for statement in analysis.statements where statement.isGitHubAllow {
            for clause in statement.clauses(on: "sub") where clause.testsValues {
                for value in clause.clause.values where !value.hasWildcard && naming[value] == nil {
                    naming[value] = statement.index
                }
            }
        }
        guard !naming.isEmpty else { return [] }
        let denied = ScenarioBuilder.scenarios(for: analysis.evaluator, intent: nil).compactMap { row -> (Scenario, Int)? in
            guard row.actor == .intended, !row.ruling.isAllowed, let statement = naming[row.subject],
                  !explained.contains(statement) else { return nil }
            return (row, statement)
        }
        return denied.prefix(namedLimit).map { row, statement in
            analysis.finding(
                .intendedDenied, statement: statement, path: analysis.statements[statement].path,
                message: "\(analysis.label(statement).capitalizedFirst) names \"\(row.subject)\", but its own run (\(row.title)) is denied: \(row.decision.reason)",
                why: "The subject is written to let that workflow in, but another condition refuses every token that carries it, so the deployment will fail with \"Not authorized to perform sts:AssumeRoleWithWebIdentity\". A subject carries the repository, the ref or environment and nothing else: a condition on repository, ref or environment must agree with it.",
                fix: "Make the other conditions agree with the subject, or remove the ones that contradict it.")
        }
    }

    static let namedLimit = 3
}
