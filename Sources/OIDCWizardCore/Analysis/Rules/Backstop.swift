/// The guarantee behind every other rule: when the evaluator lets a repository of an owner nobody meant
/// in, the analysis says so at `critical`, even if no textual rule recognised the cause (a combination
/// of conditions, an operator quirk, a new trick).
enum Backstop {
    static func check(_ analysis: PolicyAnalysis, findings: [Finding]) -> [Finding] {
        guard let worst = analysis.exposure.worst, worst.reach == .anyOwner,
              !findings.contains(where: { $0.severity == .critical }) else { return [] }
        let statement = worst.applyingStatements.first
        return [analysis.finding(
            .openToAnyOwner, statement: statement,
            path: statement.map { analysis.statements[$0].path } ?? JSONPath.root.member("Statement"),
            message: "A workflow of an owner you did not name can assume the role: \(analysis.admissionText(worst)).",
            why: "The evaluator tried what an attacker's workflow would send (another owner's repository, with the audience and claims the policy asks for) and the policy allowed it.",
            fix: "Constrain sub with StringEquals to your exact repositories, e.g. \"\(analysis.suggestedSubject())\".")]
    }
}
