/// `explain`: walks a newcomer through a trust policy statement by statement and condition by condition
/// in plain words, then shows the findings and the who-can-assume table. Pure text, no I/O.
public enum PolicyExplanation {
    public static func render(_ source: PolicySource, file: String, findings: [Finding], scenarios: [Scenario],
                              colored: Bool = false) -> String {
        let style = TextStyle(enabled: colored)
        let policy = source.policy
        var out = style.bold("Trust policy \(file)" + (source.roleName.map { " (role \($0))" } ?? "")) + "\n"
        let count = policy.statements.count
        out += "It has \(count == 1 ? "1 statement" : "\(count) statements"). IAM lets a caller in when at least one Allow "
            + "statement applies and no Deny statement does; a statement applies only when its principal, its action "
            + "and every one of its conditions hold.\n"
        if policy.version != TrustPolicy.currentVersion {
            out += "Its Version is \(policy.version.map { "\"\($0)\"" } ?? "missing"): IAM then reads ${…} policy variables as plain text; "
                + "write \"Version\": \"\(TrustPolicy.currentVersion)\".\n"
        }
        for (index, statement) in policy.statements.enumerated() {
            out += "\n" + explain(statement, index: index, style: style)
        }
        if !source.notes.isEmpty {
            out += "\n" + style.bold("What the reader noticed") + "\n"
            for note in source.notes { out += "  - \(note.path): \(note.message)\n" }
        }

        out += "\n" + style.bold("Findings") + "\n"
        if findings.isEmpty {
            out += "  None: nothing in this policy lets in more than it names, and nothing stops it from working.\n"
        } else {
            for finding in findings {
                let place = finding.statement.map { " (statement \($0 + 1))" } ?? ""
                out += "  " + style.severity(finding.severity, finding.severity.label) + "  " + finding.message + place + "\n"
                out += "      Why: \(finding.why)\n      Fix: \(finding.fix)\n"
            }
        }

        out += "\n" + style.bold("Who can assume this role") + " (each run judged with IAM's rules)\n"
        out += ScenarioTable.render(scenarios, style: style)
        return out
    }

    static func explain(_ statement: PolicyStatement, index: Int, style: TextStyle) -> String {
        let label = StatementVerdict.label(index: index, sid: statement.sid)
        let effect: String
        switch statement.effect {
        case .allow: effect = "Allow: it lets in the callers it describes"
        case .deny: effect = "Deny: it keeps out the callers it describes, whatever any Allow says"
        case .invalid(let raw): effect = "Effect \"\(raw)\" is neither Allow nor Deny, so IAM refuses the policy"
        }
        var out = style.bold(label.prefix(1).uppercased() + label.dropFirst()) + " — \(effect).\n"
        out += "  Who: " + describePrincipal(statement) + "\n"
        out += "  What: " + describeAction(statement) + "\n"
        if statement.conditions.isEmpty {
            out += "  Conditions: none, so every token the principal accepts gets in.\n"
        } else {
            out += "  Conditions (all of them must hold):\n"
            for (number, clause) in statement.conditions.enumerated() {
                out += "    \(number + 1). " + ConditionWords.describe(clause) + "\n"
                if let meaning = ConditionWords.meaning(clause) {
                    out += "       which means: \(meaning)\n"
                }
            }
        }
        return out
    }

    static func describePrincipal(_ statement: PolicyStatement) -> String {
        if let not = statement.notPrincipal {
            return "everyone except \(principalWords(not)) (NotPrincipal) — far wider than any GitHub role needs."
        }
        guard let principal = statement.principal else { return "nobody: the statement names no Principal, so IAM refuses it." }
        return principalWords(principal).prefix(1).uppercased() + principalWords(principal).dropFirst() + "."
    }

    static func principalWords(_ block: PrincipalBlock) -> String {
        guard case .entries(let entries) = block else { return "anyone at all (Principal \"*\"), from any account or identity provider" }
        var parts: [String] = []
        for entry in entries {
            for value in entry.values {
                if entry.type == "Federated" {
                    if value == "*" { parts.append("tokens from any identity provider (Federated \"*\")"); continue }
                    if let range = value.range(of: ":oidc-provider/") {
                        let issuer = String(value[range.upperBound...])
                        let account = value.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) ?? "?"
                        if let flavor = GitHubFlavor.recognize(issuer: issuer) {
                            parts.append("only tokens from GitHub Actions (\(issuer)\(flavor == .githubDotCom ? "" : ", \(flavor.displayName)")), "
                                + "through the IAM OIDC provider of account \(account)")
                        } else if issuer.lowercased().hasPrefix(GitHubFlavor.legacyHost) {
                            parts.append("tokens from the retired GitHub issuer \(issuer), which no longer issues tokens")
                        } else {
                            parts.append("tokens from the identity provider \(issuer) (not a GitHub Actions issuer)")
                        }
                    } else {
                        parts.append("the federated provider \(value)")
                    }
                } else {
                    parts.append(value == "*" ? "any \(entry.type) principal" : "the \(entry.type) principal \(value)")
                }
            }
        }
        return parts.isEmpty ? "nobody (the principal list is empty)" : parts.joined(separator: "; ")
    }

    static func describeAction(_ statement: PolicyStatement) -> String {
        if let not = statement.notActions {
            return "every action except \(not.joined(separator: ", ")) (NotAction)."
        }
        guard let actions = statement.actions, !actions.isEmpty else { return "no action, so IAM refuses the statement." }
        let covers = actions.contains { WildcardPattern(glob: $0.lowercased()).matches(AssumeRequest.webIdentityAction.lowercased()) }
        let list = actions.joined(separator: ", ")
        if actions == [AssumeRequest.webIdentityAction] {
            return "\(list) — exchanging a GitHub token for AWS credentials."
        }
        return covers ? "\(list) — this covers \(AssumeRequest.webIdentityAction), the call that exchanges a GitHub token; a narrower list is better."
            : "\(list) — this does not include \(AssumeRequest.webIdentityAction), so no GitHub token can be exchanged."
    }
}

/// The who-can-assume table as text: "✓ push to main in acme/app: allowed", surprises marked.
public enum ScenarioTable {
    public static func render(_ scenarios: [Scenario], colored: Bool = false) -> String {
        render(scenarios, style: TextStyle(enabled: colored))
    }

    static func render(_ scenarios: [Scenario], style: TextStyle) -> String {
        var out = ""
        for (actor, heading) in [(Scenario.Actor.intended, "Runs the policy is meant for:"),
                                 (.attacker, "Runs it should keep out:")] {
            let rows = scenarios.filter { $0.actor == actor }
            guard !rows.isEmpty else { continue }
            out += "  \(heading)\n"
            for row in rows {
                let mark = row.decision.isAllowed ? "+" : "-"
                var line = "    \(mark) \(row.label): "
                line += row.isSurprise ? style.severity(.critical, row.outcomeWord.uppercased()) : row.outcomeWord
                if row.isSurprise {
                    line += row.actor == .intended ? "  <- meant to get in, but cannot" : "  <- gets in, but should not"
                }
                out += line + "\n"
                if row.isSurprise { out += "        \(row.decision.reason)\n" }
            }
        }
        let surprises = scenarios.filter(\.isSurprise).count
        out += surprises == 0 ? "  Every run turned out as meant.\n"
            : "  \(surprises == 1 ? "1 run does" : "\(surprises) runs do") not turn out as meant.\n"
        return out
    }
}
