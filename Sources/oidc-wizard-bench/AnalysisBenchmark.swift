import OIDCWizardCore

/// The analysis runs on every keystroke in the wizard: all rules plus the evaluator's attacker requests.
/// Budget: well under 0.5 ms for a typical policy in a release build.
enum AnalysisBenchmark {
    static let prefix = "token.actions.githubusercontent.com"
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"

    static let policies: [(name: String, json: String)] = [
        ("tight", """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "\(provider)"},
          "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"\(prefix):aud": "sts.amazonaws.com",
          "\(prefix):sub": "repo:acme/app:ref:refs/heads/main"}}}]}
        """),
        ("typical (2 statements, 4 subjects)", """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Federated": "\(provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"\(prefix):aud": "sts.amazonaws.com"},
                         "StringLike": {"\(prefix):sub": ["repo:acme/app:ref:refs/heads/main", "repo:acme/app:environment:prod", "repo:acme/api:ref:refs/tags/v*"]}}},
          {"Effect": "Allow", "Principal": {"Federated": "\(provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"\(prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\(prefix):sub": "repo:acme/*"}}}]}
        """),
    ]

    static func run() {
        let intent = PolicyIntent(flavor: .githubDotCom, partition: .aws, audience: "sts.amazonaws.com", accountID: "123456789012",
                                  repositories: [RepositoryAccess(repository: RepositoryRef(owner: "acme", name: "app"), rules: [.branch("main")])],
                                  subjects: ["repo:acme/app:ref:refs/heads/main"])
        for (name, json) in policies {
            guard let reading = try? PolicyReader.read(text: json).reading else { continue }
            let context = AnalysisContext(intent: intent, readerNotes: reading.notes)
            let runs = 2000
            var count = 0
            let start = ContinuousClock.now
            for _ in 0..<runs { count += PolicyAnalyzer.analyze(reading.policy, context: context).count }
            let perRun = (ContinuousClock.now - start) / runs
            let micros = Double(perRun.components.seconds) * 1e6 + Double(perRun.components.attoseconds) / 1e12
            print("analysis, \(name): \((micros * 10).rounded() / 10) µs per run (\(count / runs) findings)")
        }
    }
}

