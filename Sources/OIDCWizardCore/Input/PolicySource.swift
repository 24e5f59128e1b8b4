/// One trust policy found in an input file: a bare policy, one role of `aws iam` output, or one
/// `AWS::IAM::Role` of a CloudFormation template.
public struct PolicySource: Hashable, Sendable {
    /// The role's name when the input names one (nil for a bare policy).
    public var roleName: String?
    /// The policy IAM will evaluate.
    public var policy: TrustPolicy
    /// What the reader noticed (duplicate keys, wrong types, …), with paths relative to `document`.
    public var notes: [ReaderNote]
    /// Where the policy document sits inside the file, e.g. `$.Roles[2].AssumeRolePolicyDocument`
    /// (`$` for a bare policy).
    public var location: JSONPath
    /// The document exactly as read (after URL-decoding and CloudFormation resolution), duplicates included.
    public var document: JSONValue

    public init(roleName: String?, policy: TrustPolicy, notes: [ReaderNote], location: JSONPath, document: JSONValue) {
        self.roleName = roleName
        self.policy = policy
        self.notes = notes
        self.location = location
        self.document = document
    }
}
