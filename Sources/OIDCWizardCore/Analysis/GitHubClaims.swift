/// Which claim names exist in GitHub's token and which of them IAM can test. The IAM-testable list is
/// `IAMClaim` (the foundation's single copy) plus `sub` and `aud`.
enum GitHubClaims {
    /// Claims IAM puts in the request (lower-cased).
    static let iamTestable: Set<String> = Set(["sub", "aud"] + IAMClaim.allCases.map(\.rawValue))

    /// Every claim GitHub's token carries (lower-cased), per GitHub's documentation.
    static let token: Set<String> = {
        var claims: Set<String> = ["aud", "iss", "sub", "exp", "iat", "nbf", "jti", "run_id", "run_number", "run_attempt",
                                   "check_run_id", "head_ref", "base_ref"]
        claims.formUnion(SubjectTemplate.knownKeys.subtracting(["repo", "context"]))
        return claims
    }()

    static func isTokenClaim(_ claim: String) -> Bool {
        token.contains(claim) || claim.hasPrefix("repo_property_")
    }
}
