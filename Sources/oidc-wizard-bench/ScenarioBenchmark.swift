import OIDCWizardCore

/// The scenario table is rebuilt on every keystroke too: every row decided by the evaluator. Measured
/// two ways: the table with each row's outcome (what deciding costs), and the table with every row's
/// reason worded as well (what the wizard pays when it shows every reason).
enum ScenarioBenchmark {
    static func run() {
        let intent = PolicyIntent(flavor: .githubDotCom, partition: .aws, audience: "sts.amazonaws.com", accountID: "123456789012",
                                  repositories: [RepositoryAccess(repository: RepositoryRef(owner: "acme", name: "app"), rules: [.branch("main")])],
                                  subjects: ["repo:acme/app:ref:refs/heads/main"])
        for (name, json) in AnalysisBenchmark.policies {
            guard let policy = try? PolicyReader.read(text: json).reading.policy else { continue }
            let outcomes = measure { ScenarioBuilder.scenarios(for: policy, intent: intent).reduce(0) { $0 + $1.outcomeWord.utf8.count } }
            let reasons = measure { ScenarioBuilder.scenarios(for: policy, intent: intent).reduce(0) { $0 + $1.decision.reason.utf8.count } }
            let rows = ScenarioBuilder.scenarios(for: policy, intent: intent).count
            print("scenarios, \(name): \(outcomes) µs per table (\(rows) rows), \(reasons) µs with every reason worded")
        }
    }

    /// Microseconds per run, to one decimal.
    private static func measure(_ body: () -> Int) -> Double {
        let runs = 2000
        var sink = 0
        let start = ContinuousClock.now
        for _ in 0..<runs { sink &+= body() }
        let perRun = (ContinuousClock.now - start) / runs
        let micros = Double(perRun.components.seconds) * 1e6 + Double(perRun.components.attoseconds) / 1e12
        if sink == 42 { print("") }  // keeps the work observable
        return (micros * 10).rounded() / 10
    }
}
