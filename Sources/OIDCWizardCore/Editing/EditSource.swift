import Foundation

/// A file opened for editing: its exact bytes (to notice a change on disk before saving, and to back it
/// up), what kind of input it is (which decides how a save writes back), and the policies it holds.
public struct EditSource: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A trust policy on its own (JSON or URL-encoded): rewritten in place.
        case barePolicy
        /// `aws iam get-role` / `list-roles` / `get-account-authorization-details` output.
        case roleListing
        /// A CloudFormation template in JSON: the policy can also be patched into it in place.
        case cloudFormationJSON
        /// A CloudFormation template in YAML.
        case cloudFormationYAML

        /// What it is, for messages ("a bare trust policy").
        public var description: String {
            switch self {
            case .barePolicy: "a trust policy"
            case .roleListing: "aws iam output"
            case .cloudFormationJSON: "a CloudFormation template in JSON"
            case .cloudFormationYAML: "a CloudFormation template in YAML"
            }
        }

        /// Whether a save rewrites the file itself (rather than writing `<role>.trust-policy.json` next to it).
        public var rewritesInPlace: Bool { self == .barePolicy }
        public var isTemplate: Bool { self == .cloudFormationJSON || self == .cloudFormationYAML }
    }

    /// The path as the user gave it.
    public var path: String
    /// The bytes read when the file was opened.
    public var bytes: [UInt8]
    public var kind: Kind
    /// Every policy in the file (one for a bare policy, one per role otherwise).
    public var policies: [PolicySource]

    public init(path: String, bytes: [UInt8], kind: Kind, policies: [PolicySource]) {
        self.path = path
        self.bytes = bytes
        self.kind = kind
        self.policies = policies
    }

    /// Reads `path` like every other command does (same checks, same messages).
    public static func open(path: String) throws(InputError) -> EditSource {
        _ = try PolicyInput.read(path: path) // size, kind and readability checks with the usual messages
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot be read (check its permissions).")
        }
        return try EditSource(path: path, data: data)
    }

    /// A source from bytes already read (tests, the TUI).
    public init(path: String, data: Data) throws(InputError) {
        let policies = try PolicyInput.read(data: data, name: path)
        let bytes = Array(data)
        let kind: Kind
        if policies.first?.location == .root {
            kind = .barePolicy
        } else if policies.first?.location.text.hasPrefix("$.Resources") == true {
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            let lower = path.lowercased()
            kind = first == UInt8(ascii: "{") && !lower.hasSuffix(".yaml") && !lower.hasSuffix(".yml")
                ? .cloudFormationJSON : .cloudFormationYAML
        } else {
            kind = .roleListing
        }
        self.init(path: path, bytes: bytes, kind: kind, policies: policies)
    }

    /// The index of the role named `name` (case-sensitive, as IAM names are), or nil.
    public func index(ofRole name: String) -> Int? {
        policies.firstIndex { $0.roleName == name }
    }

    /// The role names, for messages ("the file holds deploy, ci").
    public var roleNames: [String] { policies.enumerated().map { $0.element.roleName ?? "role \($0.offset + 1)" } }
}
