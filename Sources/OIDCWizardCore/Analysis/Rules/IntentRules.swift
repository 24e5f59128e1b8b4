/// With a setup: `intended-denied`, a run the user asked for that the policy does not let in.
enum IntentRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        guard let intent = analysis.intent else { return [] }
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
}
