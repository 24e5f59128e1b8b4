/// Proving, from a `sub` value's text, that nothing it matches reaches beyond what was meant.
///
/// The exposure searches for attacker subjects that pass a statement's own `sub` test and reach further
/// than meant. For a statement generated from the setup, every such value names a meant repository and
/// is itself one of the setup's patterns, so the search cannot find anything: every candidate it builds
/// is rejected by the gate or measured as meant. Proving that first skips the search — the same result,
/// without building and measuring hundreds of candidates on every keystroke.
///
/// The proof is sound, not complete: `true` means every subject the value matches is meant (or one
/// GitHub never sends); `false` only means "search".
extension IntendedScope {
    /// The value taken apart and compiled as a glob, as the analysis keeps them (`StatementFacts.Clause`).
    func confines(_ shape: SubjectShape, glob pattern: WildcardPattern, comparison: ConditionOperator.Comparison) -> Bool {
        let value = shape.value
        switch comparison {
        case .stringEquals:
            return isMeantOrNeverSent(value, shape)
        case .stringLike:
            if !pattern.hasWildcards { return isMeantOrNeverSent(value, shape) }
        default:
            // IgnoreCase matches other spellings, which the setup's case-sensitive patterns may not.
            return false
        }
        // Every subject the pattern matches starts with its fixed `repo:<owner>/<repo>:` (no wildcard and
        // no id before the context), so each has that owner and repository and no ids: `reach` finds the
        // owner and the repository meant and asks only whether the setup's subjects match it.
        guard shape.isRepositoryBound, shape.wildcardSite == .context, shape.ownerID == nil, shape.repositoryID == nil,
              let owner = shape.owner?.lowercased(), let repository = shape.repository, !repository.isEmpty,
              Self.plausibleOwner(owner), owners.contains(owner),
              repositories.contains("\(owner)/\(repository.lowercased())") else { return false }
        guard let subjects else { return true }
        return subjects.contains { Self.pattern($0, covers: pattern) }
    }

    private func isMeantOrNeverSent(_ subject: String, _ shape: SubjectShape) -> Bool {
        guard let reach = reach(of: subject, shape: shape) else { return true }
        return reach == .meant
    }

    /// Whether every text `inner` matches is also matched by `outer`: the same pattern, or `outer` is a
    /// fixed head and one trailing `*` that `inner` begins with (`repo:acme/app:*` covers any
    /// `repo:acme/app:…`).
    static func pattern(_ outer: WildcardPattern, covers inner: WildcardPattern) -> Bool {
        if outer == inner { return true }
        guard outer.tokens.last == .anyRun else { return false }
        let head = outer.tokens.dropLast()
        guard head.allSatisfy({ if case .literal = $0 { true } else { false } }),
              inner.tokens.count >= head.count else { return false }
        return inner.tokens.prefix(head.count).elementsEqual(head)
    }
}
