/// With a setup: `intended-denied`, a run the user asked for that the policy does not let in.
enum IntentRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        guard let intent = analysis.intent else { return [] }
        let candidates = analysis.statements.filter(\.isGitHubAllow)
        guard !candidates.isEmpty else { return [] }
        var findings: [Finding] = []
        for subject in intent.subjects where !subject.contains("*") && !subject.contains("?") {
            let decisions = candidates.map { statement in
                PolicyEvaluator.evaluate(analysis.policy, Exposure.request(subject: subject, statement: statement, intent: intent))
            }
            guard !decisions.contains(where: \.isAllowed), let decision = decisions.first else { continue }
            findings.append(analysis.finding(
                .intendedDenied, statement: decision.statementIndex, path: decision.statementIndex.map { analysis.statements[$0].path } ?? JSONPath.root.member("Statement"),
                message: "A run you asked for is denied: \(subject). \(decision.reason)",
                why: "The setup says this workflow should get the role, and the evaluator, judging the policy exactly as IAM does, refuses it: the deployment will fail with \"Not authorized to perform sts:AssumeRoleWithWebIdentity\".",
                fix: "Add \"\(subject)\" to the sub condition of the Allow statement (StringEquals), and check the audience and provider."))
        }
        return findings
    }
}
