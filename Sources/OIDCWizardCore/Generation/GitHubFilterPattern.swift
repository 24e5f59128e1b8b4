/// Translates an IAM glob on a branch or tag name into a GitHub Actions filter pattern for
/// `on.push.branches` / `on.push.tags`, as faithfully as the two languages allow.
///
/// - IAM `*` matches any run of characters *including `/`*; GitHub's `*` stops at `/` and `**` does not.
///   So IAM `release/*` (which also lets in `release/a/b`) becomes `release/**`.
/// - IAM `?` is exactly one character; GitHub's `?` means "the previous character is optional" and has no
///   single-character wildcard. We use `*`, which can start the workflow on a name the role then refuses
///   (never the reverse), and say so in the workflow's comment.
/// - `+` and a leading `!` are pattern syntax on GitHub but plain characters in git names: escaped with `\`.
public struct GitHubFilterPattern: Hashable, Sendable {
    /// The GitHub filter.
    public var filter: String
    /// A one-line note when the translation is not word for word; nil when it is exact.
    public var note: String?

    public init(iamPattern: String) {
        var out = ""
        var usedQuestionMark = false
        var usedStar = false
        for (offset, character) in iamPattern.enumerated() {
            switch character {
            case "*":
                usedStar = true
                if !out.hasSuffix("**") { out += "**" }
            case "?":
                usedQuestionMark = true
                out += "*"
            case "+": out += "\\+"
            case "!" where offset == 0: out += "\\!"
            default: out.append(character)
            }
        }
        filter = out
        var notes: [String] = []
        if usedStar { notes.append("IAM's * also matches '/', so the trigger uses ** to start on the same names") }
        if usedQuestionMark {
            notes.append("IAM's ? is exactly one character and GitHub has no such wildcard, so the trigger uses * and may start on a name the role refuses")
        }
        note = notes.isEmpty ? nil : "\(iamPattern) -> \(out): " + notes.joined(separator: "; ") + "."
    }
}
