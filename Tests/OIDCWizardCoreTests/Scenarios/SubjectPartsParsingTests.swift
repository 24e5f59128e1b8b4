import Testing
@testable import OIDCWizardCore

/// The table parses every run's subject on every keystroke, so `SubjectParts(parsing:)` reads bytes at integer
/// offsets. These tests hold it to the plain reading of the format: `repo:<owner>[@id]/<name>[@id]:<context>`.
@Suite("Subject parts parsing")
struct SubjectPartsParsingTests {
    /// The format read with String's own operations: the owner up to the first `/` (no `:` in it), the name up
    /// to the next `:`, each split at its first `@`; the context is the rest.
    static func reference(_ sub: String) -> SubjectParts? {
        guard sub.hasPrefix("repo:") else { return nil }
        let rest = sub.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let ownerPart = rest[..<slash]
        let afterSlash = rest[rest.index(after: slash)...]
        guard !ownerPart.isEmpty, !ownerPart.contains(":"), let colon = afterSlash.firstIndex(of: ":") else { return nil }
        let namePart = afterSlash[..<colon]
        guard !namePart.isEmpty else { return nil }
        func split(_ part: Substring) -> (String, String?) {
            guard let at = part.firstIndex(of: "@") else { return (String(part), nil) }
            return (String(part[..<at]), String(part[part.index(after: at)...]))
        }
        let (owner, ownerID) = split(ownerPart)
        let (name, repositoryID) = split(namePart)
        let context = String(afterSlash[afterSlash.index(after: colon)...])
        let parsedContext: SubjectContext =
            context.hasPrefix("ref:refs/heads/") ? .branch(String(context.dropFirst(15)))
            : context.hasPrefix("ref:refs/tags/") ? .tag(String(context.dropFirst(14)))
            : context.hasPrefix("environment:") ? .environment(String(context.dropFirst(12)))
            : context == "pull_request" ? .pullRequest : .other(context)
        return SubjectParts(owner: owner, ownerID: ownerID, name: name, repositoryID: repositoryID, context: parsedContext)
    }

    static let subjects = [
        "repo:acme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/tags/v1.2.3", "repo:acme/app:environment:prod",
        "repo:acme/app:pull_request", "repo:acme/app:pull_requests", "repo:acme/app:*", "repo:acme/app:",
        "repo:acme@123/app@456:ref:refs/heads/main", "repo:acme@/app@:environment:", "repo:acme@1@2/app:x",
        "repo:acme/app:job_workflow_ref:acme/ci/.github/workflows/d.yml@refs/heads/main", "repo:acme/app:ref:refs/heads/",
        "repo:acme/app", "repo:acme:x/app:y", "repo:/app:ref:refs/heads/main", "repo:acme/:ref", "repo:acme",
        "repo:", "repo", "", "repoacme/app:x", "Repo:acme/app:x", "repo:ac/me/app:ref:refs/heads/main",
        "repo:äcme/äpp:environment:prödüction", "repo:acme/app:ref:refs/heads/feature/日本", "repo:*/*:*",
        "repo:acme/app:environment:prod:extra", "repo:a/b:ref:refs/tags/", "repo:a/b:ref:refs/heads",
    ]

    @Test("reads every subject as the plain reading of the format does", arguments: subjects)
    func matchesReference(_ sub: String) {
        #expect(SubjectParts(parsing: sub) == Self.reference(sub))
        // The same through a subject made at run time (its own storage, or inline when short; not a literal's).
        let embedded = ("x" + sub + "x").dropFirst().dropLast()
        #expect(SubjectParts(parsing: String(embedded)) == Self.reference(sub))
    }

    @Test("a parsed subject writes back as the same text")
    func roundTrip() {
        for sub in Self.subjects {
            guard let parts = SubjectParts(parsing: sub) else { continue }
            #expect(parts.text == sub)
        }
    }
}
