/// Which GitHub issues the workflow's OIDC token. It fixes the issuer URL, the prefix of every
/// condition key (`<prefix>:sub`) and the IAM OIDC provider's ARN — get it wrong and every key
/// in the policy is simply absent from the request.
public enum GitHubFlavor: Hashable, Sendable {
    /// github.com: `https://token.actions.githubusercontent.com`.
    case githubDotCom
    /// GitHub Enterprise Cloud with a unique issuer (`include_enterprise_slug`): `…githubusercontent.com/<slug>`.
    case enterpriseCloud(slug: String)
    /// GHE.com data residency: `https://token.actions.<subdomain>.ghe.com`.
    case gheDotCom(subdomain: String)
    /// GitHub Enterprise Server: `https://<host>/_services/token`.
    case enterpriseServer(host: String)

    public static let githubDotComHost = "token.actions.githubusercontent.com"
    /// The pre-2022 issuer; IAM providers for it no longer receive tokens.
    public static let legacyHost = "vstoken.actions.githubusercontent.com"

    /// The issuer without `https://` — also the condition-key prefix and the provider ARN's resource.
    public var issuerHost: String {
        switch self {
        case .githubDotCom: Self.githubDotComHost
        case .enterpriseCloud(let slug): "\(Self.githubDotComHost)/\(slug)"
        case .gheDotCom(let subdomain): "token.actions.\(subdomain).ghe.com"
        case .enterpriseServer(let host): "\(host)/_services/token"
        }
    }

    public var issuerURL: String { "https://\(issuerHost)" }
    public var conditionKeyPrefix: String { issuerHost }

    /// `<prefix>:<claim>`, e.g. `token.actions.githubusercontent.com:sub`.
    public func conditionKey(_ claim: String) -> String { "\(conditionKeyPrefix):\(claim)" }

    public func providerARN(partition: Partition, accountID: String) -> String {
        "arn:\(partition.rawValue):iam::\(accountID):oidc-provider/\(issuerHost)"
    }

    /// Whether GitHub runs jobs on its own runners here (`runs-on: ubuntu-latest`); Enterprise Server has only the
    /// instance's self-hosted runners.
    public var hasHostedRunners: Bool {
        if case .enterpriseServer = self { return false }
        return true
    }

    /// Whether immutable (`owner@id/repo@id`) subjects exist on this flavour (not on Enterprise Server).
    public var supportsImmutableSubjects: Bool {
        if case .enterpriseServer = self { return false }
        return true
    }

    /// A short, human name: "github.com", "GitHub Enterprise Cloud (acme)", …
    public var displayName: String {
        switch self {
        case .githubDotCom: "github.com"
        case .enterpriseCloud(let slug): "GitHub Enterprise Cloud (enterprise \(slug))"
        case .gheDotCom(let subdomain): "GHE.com (\(subdomain).ghe.com)"
        case .enterpriseServer(let host): "GitHub Enterprise Server (\(host))"
        }
    }

    /// Recognises a GitHub issuer from an issuer URL, an issuer host, or the resource part of a provider
    /// ARN. Returns nil for anything that is not a GitHub Actions issuer (including the legacy one).
    public static func recognize(issuer raw: String) -> GitHubFlavor? {
        // github.com's host exactly, as nearly every provider names it: nothing to strip or lower-case.
        if raw == githubDotComHost { return .githubDotCom }
        var host = raw
        for scheme in ["https://", "http://"] where host.lowercased().hasPrefix(scheme) {
            host = String(host.dropFirst(scheme.count))
        }
        while host.hasSuffix("/") { host.removeLast() }
        let lower = host.lowercased()
        if lower == githubDotComHost { return .githubDotCom }
        if lower.hasPrefix(githubDotComHost + "/") {
            let slug = String(host.dropFirst(githubDotComHost.count + 1))
            return slug.isEmpty || slug.contains("/") ? nil : .enterpriseCloud(slug: slug)
        }
        if lower.hasPrefix("token.actions."), lower.hasSuffix(".ghe.com") {
            let sub = String(host.dropFirst("token.actions.".count).dropLast(".ghe.com".count))
            return sub.isEmpty || sub.contains(".") || sub.contains("/") ? nil : .gheDotCom(subdomain: sub)
        }
        if lower.hasSuffix("/_services/token") {
            let h = String(host.dropLast("/_services/token".count))
            return h.isEmpty || h.contains("/") ? nil : .enterpriseServer(host: h)
        }
        return nil
    }
}
