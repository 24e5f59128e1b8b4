/// One `sts:AssumeRoleWithWebIdentity` call as the trust policy sees it: who calls (the federated
/// provider ARN), which action, and the request-context keys the token provides.
public struct AssumeRequest: Hashable, Sendable {
    public static let webIdentityAction = "sts:AssumeRoleWithWebIdentity"

    /// The federated principal, e.g. `arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com`.
    public var principal: String
    public var action: String
    /// Condition keys as the token provides them (`token.actions.githubusercontent.com:sub` → values).
    /// Only keys present here exist in the request; matching of key names is case-insensitive.
    public var context: [String: [String]]

    public init(principal: String, action: String = AssumeRequest.webIdentityAction, context: [String: [String]]) {
        self.principal = principal
        self.action = action
        self.context = context
    }
}
