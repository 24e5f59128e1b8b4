/// Something the policy reader noticed that the analysis must show: a constraint that vanishes, a
/// value of the wrong type, a missing Version, an operator IAM does not know. Notes never stop reading.
public struct ReaderNote: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A member name appears more than once in one object. IAM (like nearly every JSON parser) keeps
        /// the last one; the earlier values are lost without a word. `lostValues` are in document order.
        case duplicateKey(key: String, keptValue: JSONValue, lostValues: [JSONValue])
        /// A member has a type IAM does not accept there (e.g. a condition value that is an object).
        case wrongType(member: String, expected: String, found: String)
        /// No `Version`: IAM reads the policy as `2008-10-17`, where `${…}` policy variables are plain text.
        case missingVersion
        /// A `Version` IAM does not know.
        case unknownVersion(String)
        /// A condition operator IAM does not know; the condition can never hold.
        case unknownOperator(String)
        /// An operator spelled with a case other than the documented one (`stringlike`).
        case unusualOperatorSpelling(written: String, documented: String)
        /// `Effect` missing or neither `Allow` nor `Deny`.
        case invalidEffect(String?)
        /// Neither `Principal` nor `NotPrincipal`.
        case missingPrincipal
        /// Neither `Action` nor `NotAction`.
        case missingAction
        /// Both `Principal` and `NotPrincipal` (or both `Action` and `NotAction`) in one statement.
        case conflictingMembers(String, String)
        /// A member IAM does not accept in a trust policy (e.g. `Resource`) or does not know at all.
        case unexpectedMember(String)
        /// An empty list where IAM needs at least one value.
        case emptyList(member: String)
    }

    public var kind: Kind
    /// Where in the policy document (relative to the document's root `$`).
    public var path: JSONPath
    /// The statement the note is about (0-based), or nil for document-level notes.
    public var statementIndex: Int?
    /// One sentence a newcomer understands.
    public var message: String

    public init(kind: Kind, path: JSONPath, statementIndex: Int?, message: String) {
        self.kind = kind
        self.path = path
        self.statementIndex = statementIndex
        self.message = message
    }

    /// Whether IAM would refuse to store a policy with this problem (CreateRole/UpdateAssumeRolePolicy
    /// answer MalformedPolicyDocument). Duplicate keys are accepted by IAM, which is why they are dangerous.
    public var awsWillReject: Bool {
        switch kind {
        case .duplicateKey, .missingVersion, .unusualOperatorSpelling: false
        case .wrongType, .unknownVersion, .unknownOperator, .invalidEffect, .missingPrincipal, .missingAction,
             .conflictingMembers, .unexpectedMember, .emptyList: true
        }
    }
}
