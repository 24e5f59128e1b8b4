/// An AWS partition: a separate copy of AWS with its own ARNs (`arn:<partition>:…`) and, for China,
/// its own STS audience. A policy that mixes partitions can never be assumed.
public enum Partition: String, Hashable, Sendable, CaseIterable {
    case aws
    case awsCN = "aws-cn"
    case awsUSGov = "aws-us-gov"
    /// AWS European Sovereign Cloud.
    case awsEUSC = "aws-eusc"

    /// The audience configure-aws-credentials requests, which the provider and policy must accept.
    public var defaultAudience: String {
        self == .awsCN ? "sts.amazonaws.com.cn" : "sts.amazonaws.com"
    }

    public var displayName: String {
        switch self {
        case .aws: "AWS (commercial)"
        case .awsCN: "AWS China"
        case .awsUSGov: "AWS GovCloud (US)"
        case .awsEUSC: "AWS European Sovereign Cloud"
        }
    }
}
