import Foundation

/// Who the statements trust and for which action: `principal-too-wide`, `legacy-issuer`, `not-github`,
/// `action-wrong`, `no-allow`.
enum PrincipalRules {
    static func check(_ analysis: PolicyAnalysis) -> [Finding] {
        var findings: [Finding] = []
        for statement in analysis.statements {
            findings += principal(statement, analysis)
            findings += action(statement, analysis)
        }
        findings += noAllow(analysis)
        return findings
    }

    private static func principal(_ statement: StatementFacts, _ analysis: PolicyAnalysis) -> [Finding] {
        let label = analysis.label(statement.index)
        switch statement.trust {
        case .everyone where statement.isAllow && !statement.admitsWebIdentity:
            // Every AWS principal for sts:AssumeRole (or another action GitHub's token never uses): no GitHub rule
            // applies, and the GitHub provider is no fix. Said only when nothing at all fences it.
            guard statement.statement.conditions.isEmpty else { return [] }
            let actions = (statement.statement.actions ?? []).map { "\"\($0)\"" }.joined(separator: ", ")
            return [analysis.finding(
                .principalTooWide, statement: statement.index, path: statement.path.member("Principal"),
                message: "\(label.capitalizedFirst) lets every AWS principal call \(actions.isEmpty ? "its actions" : actions) with no condition: any AWS account can assume the role.",
                why: "A principal of \"*\" trusts every identity in every AWS account. This statement is not for GitHub's tokens, but it opens the role to everyone all the same.",
                fix: "Name the accounts or roles that may assume the role (\"Principal\": {\"AWS\": \"arn:aws:iam::<account>:root\"}), or add a condition such as aws:PrincipalOrgID.")]
        case .everyone where statement.isAllow:
            let path: JSONPath
            let written: String
            if statement.statement.notPrincipal != nil {
                path = statement.path.member("NotPrincipal")
                written = "NotPrincipal"
            } else if case .wildcard? = statement.statement.principal {
                path = statement.path.member("Principal")
                written = "\"Principal\": \"*\""
            } else {
                let type = statement.statement.principal.flatMap { block -> String? in
                    guard case .entries(let entries) = block else { return nil }
                    return entries.first { $0.values.contains("*") }?.type
                } ?? "Federated"
                path = statement.path.member("Principal").member(type)
                written = "{\"\(type)\": \"*\"}"
            }
            let provider = analysis.intent.map { $0.flavor.providerARN(partition: $0.partition, accountID: $0.accountID) }
                ?? "arn:aws:iam::<account>:oidc-provider/\(statement.issuerHost)"
            let replacement = PrincipalBlock.entries([PrincipalEntry(type: "Federated", values: [provider])])
            var fixed = statement.statement
            fixed.principal = replacement
            fixed.notPrincipal = nil
            return [analysis.finding(
                .principalTooWide, statement: statement.index, path: path,
                message: "\(label.capitalizedFirst) trusts every caller (\(written)), not just your GitHub OIDC provider.",
                why: "The principal says who may even ask. With \(written) the only fence left is the condition block: any identity provider registered in the account, and with a broader action any AWS principal, is judged by the conditions alone, and one loose condition opens the role to everyone.",
                fix: "Name exactly your provider: \"Principal\": {\"Federated\": \"\(provider)\"}.",
                autofix: analysis.intent == nil ? nil : .replaceStatement(statement.index, fixed))]
        case .legacyGitHub(let arn):
            let modern = arn.replacingOccurrences(of: GitHubFlavor.legacyHost, with: GitHubFlavor.githubDotComHost)
            let path = federatedPath(statement, arn)
            return [analysis.finding(
                .legacyIssuer, statement: statement.index, path: path,
                message: "\(label.capitalizedFirst) trusts the retired issuer \(GitHubFlavor.legacyHost); no token comes from it any more.",
                why: "GitHub moved its Actions issuer to \(GitHubFlavor.githubDotComHost) in 2022. A provider and keys for the old host never see a token, so the role can never be assumed.",
                fix: "Create the provider for https://\(GitHubFlavor.githubDotComHost), trust \"\(modern)\", and write the condition keys as \(GitHubFlavor.githubDotComHost):sub and :aud.")]
        case .otherFederated(let arns):
            return [analysis.finding(
                .notGitHub, statement: statement.index, path: federatedPath(statement, arns[0]),
                message: "\(label.capitalizedFirst) trusts \(arns[0]), which is not a GitHub Actions issuer.",
                why: "The GitHub rules (subject, audience, owners) only apply to GitHub's tokens. This statement is left to the provider's own rules; the evaluator still judges it exactly.",
                fix: "Nothing to do if this provider is meant. If it was meant to be GitHub, trust arn:aws:iam::<account>:oidc-provider/\(GitHubFlavor.githubDotComHost).")]
        default:
            return []
        }
    }

    private static func federatedPath(_ statement: StatementFacts, _ arn: String) -> JSONPath {
        let base = statement.path.member("Principal").member("Federated")
        let values = statement.statement.principal?.values(ofType: "Federated") ?? []
        if values.count > 1, let position = values.firstIndex(of: arn) { return base.index(position) }
        return base
    }

    private static func action(_ statement: StatementFacts, _ analysis: PolicyAnalysis) -> [Finding] {
        guard statement.isGitHubAllow else { return [] }
        let label = analysis.label(statement.index)
        let wanted = AssumeRequest.webIdentityAction
        if statement.statement.notActions != nil, statement.statement.actions == nil {
            if !statement.admitsWebIdentity {
                return [analysis.finding(
                    .actionWrong, statement: statement.index, path: statement.path.member("NotAction"),
                    message: "\(label.capitalizedFirst)'s NotAction excludes \(wanted), so GitHub's token can never use it.",
                    why: "GitHub's workflows call \(wanted); a statement that excludes it lets them nowhere.",
                    fix: "Replace NotAction with \"Action\": \"\(wanted)\".")]
            }
            return [analysis.finding(
                .actionWrong, severity: .low, kind: .hygiene, statement: statement.index, path: statement.path.member("NotAction"),
                message: "\(label.capitalizedFirst) uses NotAction, which allows every action it does not list.",
                why: "An Allow with NotAction trusts every other STS action too (AssumeRole, TagSession, …). A trust policy for GitHub needs exactly one.",
                fix: "Replace NotAction with \"Action\": \"\(wanted)\".")]
        }
        guard let actions = statement.statement.actions else { return [] }
        let path = statement.path.member("Action")
        if !statement.admitsWebIdentity {
            let written = actions.map { "\"\($0)\"" }.joined(separator: ", ")
            return [analysis.finding(
                .actionWrong, statement: statement.index, path: path,
                message: "\(label.capitalizedFirst) allows \(written.isEmpty ? "no action" : written) but not \(wanted), so no GitHub workflow can assume the role.",
                why: "configure-aws-credentials exchanges GitHub's token with \(wanted). sts:AssumeRole is for AWS principals; it never matches a web identity token.",
                fix: "Set \"Action\": \"\(wanted)\".")]
        }
        if let broad = actions.first(where: { $0.hasWildcard }) {
            let position = actions.count > 1 ? actions.firstIndex(of: broad) : nil
            return [analysis.finding(
                .actionWrong, severity: .low, kind: .hygiene, statement: statement.index,
                path: position.map { path.index($0) } ?? path,
                message: "\(label.capitalizedFirst) allows \"\(broad)\" rather than exactly \(wanted).",
                why: "A wildcard action also trusts the principal for other STS actions (AssumeRole, TagSession, SetSourceIdentity). It works, but grants more than the one call GitHub makes.",
                fix: "Set \"Action\": \"\(wanted)\".")]
        }
        return []
    }

    private static func noAllow(_ analysis: PolicyAnalysis) -> [Finding] {
        let statements = analysis.statements
        if !statements.contains(where: \.isAllow) {
            return [analysis.finding(
                .noAllow, statement: nil, path: JSONPath.root.member("Statement"),
                message: "The policy has no Allow statement, so nobody can assume the role.",
                why: "IAM denies everything that no statement allows; Deny statements only take away.",
                fix: "Add an Allow statement for your GitHub provider with sts:AssumeRoleWithWebIdentity and StringEquals on aud and sub.")]
        }
        // A Deny without conditions that covers GitHub's call denies every request.
        for statement in statements where statement.isDeny && statement.statement.conditions.isEmpty {
            let request = AssumeRequest(
                principal: statements.lazy.compactMap(\.providerARN).first ?? "arn:aws:iam::123456789012:oidc-provider/\(GitHubFlavor.githubDotComHost)",
                context: [:])
            let verdict = PolicyEvaluator.evaluate(statement.statement, index: statement.index, request: request,
                                                   version: analysis.policy.version)
            if verdict.applies {
                return [analysis.finding(
                    .noAllow, statement: statement.index, path: statement.path,
                    message: "\(analysis.label(statement.index).capitalizedFirst) denies every GitHub request without a condition, so nobody can assume the role.",
                    why: "An explicit Deny always wins over every Allow; without a condition it applies to every request.",
                    fix: "Remove the Deny, or give it a condition naming only what must be kept out.",
                    autofix: .removeStatement(statement.index))]
            }
        }
        return []
    }
}
