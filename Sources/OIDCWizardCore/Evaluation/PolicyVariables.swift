/// Policy variables in condition values: `${aws:username}`, `${token.actions.githubusercontent.com:sub}`,
/// `${aws:PrincipalTag/team, 'default'}`, and the escapes `${*}`, `${?}`, `${$}`.
///
/// IAM only substitutes variables in policies with `"Version": "2012-10-17"`; under the old version (or no
/// version, which IAM reads as `2008-10-17`) `${…}` is plain text. A variable whose key is not in the
/// request (and has no default) cannot be filled in, and IAM then treats the value as not matching;
/// we model that as "this policy value matches nothing". A filled-in value is literal text: a `*` that
/// comes from the request is never a wildcard.
enum PolicyVariables {
    enum Resolution: Equatable {
        case pattern(WildcardPattern)
        /// The value names a variable the request cannot fill in.
        case unresolved(variable: String)
    }

    /// Turns one policy value into a pattern. `wildcards` says whether `*`/`?` written in the policy are
    /// wildcards (StringLike, ArnLike) or literal (StringEquals).
    static func resolve(_ value: String, wildcards: Bool, substitute: Bool, context: RequestContext) -> Resolution {
        var tokens: [WildcardPattern.Token] = []
        func appendPolicyText<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
            for scalar in scalars {
                switch scalar {
                case "*" where wildcards: tokens.append(.anyRun)
                case "?" where wildcards: tokens.append(.anyOne)
                default: tokens.append(.literal(scalar))
                }
            }
        }
        guard substitute else {
            appendPolicyText(value.unicodeScalars)
            return .pattern(WildcardPattern(tokens: tokens))
        }
        let scalars = Array(value.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "$", i + 1 < scalars.count, scalars[i + 1] == "{",
               let close = scalars[(i + 2)...].firstIndex(of: "}") {
                let body = String(String.UnicodeScalarView(scalars[(i + 2)..<close]))
                switch body {
                case "*": tokens.append(.literal("*"))
                case "?": tokens.append(.literal("?"))
                case "$": tokens.append(.literal("$"))
                default:
                    let (name, fallback) = splitDefault(body)
                    if let values = context.values(for: name), values.count == 1 {
                        tokens.append(contentsOf: values[0].unicodeScalars.map(WildcardPattern.Token.literal))
                    } else if let fallback {
                        tokens.append(contentsOf: fallback.unicodeScalars.map(WildcardPattern.Token.literal))
                    } else {
                        return .unresolved(variable: name)
                    }
                }
                i = close + 1
            } else {
                appendPolicyText(CollectionOfOne(scalars[i]))
                i += 1
            }
        }
        return .pattern(WildcardPattern(tokens: tokens))
    }

    /// `aws:PrincipalTag/team, 'default'` → ("aws:PrincipalTag/team", "default").
    private static func splitDefault(_ body: String) -> (String, String?) {
        guard let comma = body.firstIndex(of: ",") else {
            return (body.trimmingSpaces, nil)
        }
        let name = String(body[..<comma]).trimmingSpaces
        var fallback = String(body[body.index(after: comma)...]).trimmingSpaces
        if fallback.count >= 2, fallback.hasPrefix("'"), fallback.hasSuffix("'") {
            fallback = String(fallback.dropFirst().dropLast())
            return (name, fallback)
        }
        // Not the documented `, 'default'` form: the whole text is the (unknown) variable name.
        return (body.trimmingSpaces, nil)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
