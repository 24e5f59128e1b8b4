/// The guarantee behind every other rule: when the evaluator lets a repository of an owner nobody meant
/// in through a statement, the analysis says so at `critical` for that statement, even if no textual rule
/// recognised the cause (a combination of conditions, an operator quirk, a new trick).
enum Backstop {
    static func check(_ analysis: PolicyAnalysis, findings: [Finding]) -> [Finding] {
        var reported = Set(findings.filter { $0.severity == .critical }.compactMap(\.statement))
        if findings.contains(where: { $0.severity == .critical && $0.statement == nil }) { return [] }
        var backstops: [Finding] = []
        for statement in analysis.statements where statement.isGitHubAllow && !reported.contains(statement.index) {
            guard let worst = analysis.exposure.worst(through: statement.index), worst.reach == .anyOwner else { continue }
            reported.insert(statement.index)
            backstops.append(analysis.finding(
                .openToAnyOwner, statement: statement.index, path: statement.path,
                message: "A workflow of an owner you did not name can assume the role through \(analysis.label(statement.index)): \(analysis.admissionText(worst)).",
                why: "The evaluator tried what an attacker's workflow would send (another owner's repository, with the audience and claims the policy asks for) and the policy allowed it.",
                fix: "Constrain sub with StringEquals to your exact repositories, e.g. \"\(analysis.suggestedSubject())\"."))
        }
        return backstops
    }
}
