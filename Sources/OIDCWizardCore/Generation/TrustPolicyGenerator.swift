/// Turns a `Setup` into the trust policy that lets in exactly the runs it describes.
///
/// One statement: Allow, the GitHub provider as the federated principal, `sts:AssumeRoleWithWebIdentity`.
/// Conditions: `aud` under StringEquals; every `sub` value under ONE operator — StringEquals when all are
/// exact, StringLike when any has a wildcard — because two operators in one statement AND together and the
/// role would never work. Extra claims follow the same rule per claim. No `Sid`: it adds nothing IAM uses,
/// and leaving it out keeps the output identical to AWS's documented example.
public enum TrustPolicyGenerator {
    public static func policy(for setup: Setup) -> TrustPolicy {
        policy(for: setup, subjects: setup.intendedSubjects)
    }

    /// The policy for `setup` and the intent it was generated from (what the analysis and the table hold the
    /// policy to), listing the setup's subjects once: the wizard needs both on every keystroke.
    public static func policyAndIntent(for setup: Setup) -> (policy: TrustPolicy, intent: PolicyIntent) {
        let intent = PolicyIntent(setup: setup)
        return (policy(for: setup, subjects: intent.subjects), intent)
    }

    /// `subjects` is `setup.intendedSubjects`.
    private static func policy(for setup: Setup, subjects: [String]) -> TrustPolicy {
        let flavor = setup.flavor
        var exact: [ConditionClause] = [
            ConditionClause(op: "StringEquals", key: flavor.conditionKey("aud"), values: [setup.audience]),
        ]
        var like: [ConditionClause] = []
        let globs = subjects.contains(where: \.containsGlob)  // as `setup.subjectsAreGlobs`, without listing them again
        let subjectClause = ConditionClause(op: globs ? "StringLike" : "StringEquals", key: flavor.conditionKey("sub"), values: subjects)
        if globs { like.append(subjectClause) } else { exact.append(subjectClause) }
        for constraint in setup.extraClaims {
            let clause = ConditionClause(op: constraint.isGlob ? "StringLike" : "StringEquals",
                                         key: flavor.conditionKey(constraint.claim.rawValue), values: constraint.values)
            if constraint.isGlob { like.append(clause) } else { exact.append(clause) }
        }
        let statement = PolicyStatement(
            effect: .allow,
            principal: .entries([PrincipalEntry(type: "Federated", values: [setup.providerARN])]),
            actions: [AssumeRequest.webIdentityAction],
            conditions: exact + like
        )
        return TrustPolicy(statements: [statement])
    }
}
