/// What the analysis knows besides the policy text: what the user meant (when a setup exists) and what
/// the reader noticed while reading the document (duplicate keys, wrong types, …).
public struct AnalysisContext: Sendable {
    /// What the user meant, when known (the wizard's or `generate`'s setup). Without it the analysis
    /// infers the intended owners and repositories from the policy's own exact values.
    public var intent: PolicyIntent?
    /// Reader notes from `PolicyReader`, turned into findings (a lost duplicate key is a finding).
    public var readerNotes: [ReaderNote]
    /// The analysed policy's `jsonValue`, when the caller has built it already (the wizard lays it out for the
    /// preview on every keystroke): the size quota is counted on it instead of building it again.
    public var policyJSON: JSONValue?

    public init(intent: PolicyIntent? = nil, readerNotes: [ReaderNote] = [], policyJSON: JSONValue? = nil) {
        self.intent = intent
        self.readerNotes = readerNotes
        self.policyJSON = policyJSON
    }
}
