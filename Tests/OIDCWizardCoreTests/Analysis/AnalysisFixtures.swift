@testable import OIDCWizardCore

/// Builds policies as JSON text and runs them through the real reader, so duplicate keys, wrong types
/// and single-string values reach the analysis exactly as they would from a file.
enum Lint {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static let prefix = "token.actions.githubusercontent.com"

    /// Findings for a policy document given as JSON text.
    static func findings(_ json: String, intent: PolicyIntent? = nil) throws -> [Finding] {
        let reading = try PolicyReader.read(text: json).reading
        return PolicyAnalyzer.analyze(reading.policy, context: AnalysisContext(intent: intent, readerNotes: reading.notes))
    }

    /// A one-statement policy: the GitHub provider, sts:AssumeRoleWithWebIdentity and this Condition body.
    static func policy(condition: String, principal: String = #"{"Federated": "\#(provider)"}"#,
                       action: String = #""sts:AssumeRoleWithWebIdentity""#) -> String {
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": \(principal),
          "Action": \(action), "Condition": {\(condition)}}]}
        """
    }

    /// One Allow statement for the GitHub provider with this Condition body, for policies of several statements.
    static func statement(condition: String) -> String {
        #"{"Effect": "Allow", "Principal": {"Federated": "\#(provider)"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\#(condition)}}"#
    }

    /// The tight condition body: aud and one exact sub under StringEquals.
    static func tight(_ sub: String = "repo:acme/app:ref:refs/heads/main") -> String {
        #""StringEquals": {"\#(prefix):aud": "sts.amazonaws.com", "\#(prefix):sub": "\#(sub)"}"#
    }

    static func intent(owner: String = "acme", repository: String = "app", rules: [AccessRule] = [.branch("main")],
                       deploy: Bool = true) -> PolicyIntent {
        let access = RepositoryAccess(repository: RepositoryRef(owner: owner, name: repository), rules: rules)
        return PolicyIntent(flavor: .githubDotCom, partition: .aws, audience: "sts.amazonaws.com", accountID: "123456789012",
                            repositories: [access],
                            subjects: rules.map { "repo:\(owner)/\(repository):\($0.subjectSuffix)" }, isDeployRole: deploy)
    }
}

extension Array where Element == Finding {
    func of(_ rule: String) -> [Finding] { filter { $0.rule == rule } }
    func first(_ rule: String) -> Finding? { first { $0.rule == rule } }
    var worst: Severity? { map(\.severity).max() }
}
