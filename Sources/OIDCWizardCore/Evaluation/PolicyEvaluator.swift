/// Decides, exactly as IAM does, whether a trust policy lets one `sts:AssumeRoleWithWebIdentity`
/// request in — and says which statement and which condition decided.
///
/// The rules, in IAM's order:
/// 1. A statement *applies* when its principal part, its action part and every condition clause hold
///    (operators AND, keys AND, the values of one key OR — the flat clause list is one big AND).
/// 2. Any applying Deny → explicit deny. A Deny always wins, whatever the Allows say.
/// 3. Otherwise any applying Allow → allowed.
/// 4. Otherwise → implicit deny (nothing allowed it).
///
/// Principals: `"Principal": "*"`, `{"Federated": "*"}` and `{"AWS": "*"}` name everyone (AWS documents
/// `{"AWS":"*"}` as equivalent to `"*"`); a `Federated` value names the caller when it equals the provider
/// ARN exactly. `NotPrincipal` applies to every caller it does not name. A statement with neither
/// Principal nor NotPrincipal (or neither Action nor NotAction) applies to nobody — IAM refuses such a
/// trust policy, and the reader reports it. Actions match with `*`/`?` wildcards, case-insensitively.
/// A statement whose Effect is neither Allow nor Deny is ignored (IAM refuses that policy too).
public enum PolicyEvaluator {
    public static func evaluate(_ policy: TrustPolicy, _ request: AssumeRequest) -> Decision {
        evaluate(CompiledPolicy(policy), request)
    }

    /// The decision without the words (see `Ruling`); for many requests against one policy, compile it
    /// once with `CompiledPolicy` and call `decide` on that.
    public static func decide(_ policy: TrustPolicy, _ request: AssumeRequest) -> Ruling {
        CompiledPolicy(policy).decide(request)
    }

    static func evaluate(_ compiled: CompiledPolicy, _ request: AssumeRequest) -> Decision {
        let context = RequestContext(request.context)
        let action = CompiledPolicy.lowercasedAction(request.action)
        let verdicts = compiled.statements.map { statement in
            evaluate(statement, request: request, action: action, context: context)
        }

        if let deny = verdicts.first(where: { $0.applies && $0.effect == .deny }) {
            let reason = "\(deny.label.capitalizedFirst) denies it, and an explicit Deny always wins: \(because(deny))"
            return Decision(outcome: .explicitDeny, statementIndex: deny.statementIndex, reason: reason, statements: verdicts)
        }
        if let allow = verdicts.first(where: { $0.applies && $0.effect == .allow }) {
            let reason = "\(allow.label.capitalizedFirst) allows it: \(because(allow))"
            return Decision(outcome: .allowed, statementIndex: allow.statementIndex, reason: reason, statements: verdicts)
        }
        return Decision(outcome: .implicitDeny, statementIndex: nil, reason: implicitDenyReason(verdicts),
                        statements: verdicts)
    }

    /// Judges one statement on its own (used by `evaluate`, and by rules that look at one statement).
    public static func evaluate(_ statement: PolicyStatement, index: Int, request: AssumeRequest,
                                version: String? = TrustPolicy.currentVersion) -> StatementVerdict {
        let compiled = CompiledStatement(statement, index: index, substituteVariables: version == TrustPolicy.currentVersion)
        return evaluate(compiled, request: request, action: CompiledPolicy.lowercasedAction(request.action),
                        context: RequestContext(request.context))
    }

    /// `action` is the request's action, lower-cased.
    static func evaluate(_ compiled: CompiledStatement, request: AssumeRequest, action: String,
                         context: RequestContext) -> StatementVerdict {
        let statement = compiled.source
        let index = compiled.index
        let (principalMatches, principalText) = principalPart(statement, request.principal)
        let (actionMatches, actionText) = actionPart(compiled, request.action, lowercased: action)
        let clauses = compiled.clauses.map { ConditionEvaluator.evaluate($0, context: context) }
        let effectKnown = compiled.effectKnown
        let applies = effectKnown && principalMatches && actionMatches && clauses.allSatisfy(\.holds)
        let summary = summary(compiled, principal: (principalMatches, principalText), action: (actionMatches, actionText),
                              firstFailed: { clauses.first { !$0.holds } })
        return StatementVerdict(statementIndex: index, sid: statement.sid, effect: statement.effect, applies: applies,
                                principalMatches: principalMatches, principalExplanation: principalText,
                                actionMatches: actionMatches, actionExplanation: actionText,
                                clauses: clauses, summary: summary)
    }

    /// A sentence saying whether the statement applies and the first reason it does not. `firstFailed` is
    /// asked only when the principal and the action match, so a caller may word that one clause on demand.
    static func summary(_ compiled: CompiledStatement, principal: (matches: Bool, text: String),
                        action: (matches: Bool, text: String), firstFailed: () -> ClauseVerdict?) -> String {
        let statement = compiled.source
        let label = StatementVerdict.label(index: compiled.index, sid: statement.sid).capitalizedFirst
        if !compiled.effectKnown {
            return "\(label) does not count: its Effect \"\(statement.effect.jsonText)\" is neither Allow nor Deny."
        } else if !principal.matches {
            return "\(label) does not apply: \(principal.text)"
        } else if !action.matches {
            return "\(label) does not apply: \(action.text)"
        } else if let failed = firstFailed() {
            return "\(label) does not apply: \(failed.explanation)"
        }
        return "\(label) applies (\(statement.effect == .deny ? "Deny" : "Allow"))."
    }

    // MARK: - The reason alone

    /// `evaluate(compiled, request).reason`, worded from the quick `ruling` of the same request: only the parts
    /// the sentence names are worded (the deciding statement's clauses, or each Allow's first failing clause),
    /// instead of every clause of every statement. The scenario table words a reason per row it draws, on every
    /// keystroke. A test holds it equal to the full evaluator's reason over the corpora.
    static func reason(_ compiled: CompiledPolicy, _ request: AssumeRequest, ruling: Ruling) -> String {
        let context = RequestContext(request.context)
        let action = CompiledPolicy.lowercasedAction(request.action)
        if let index = ruling.statementIndex, ruling.outcome != .implicitDeny {
            let verdict = evaluate(compiled.statements[index], request: request, action: action, context: context)
            return ruling.outcome == .explicitDeny
                ? "\(verdict.label.capitalizedFirst) denies it, and an explicit Deny always wins: \(because(verdict))"
                : "\(verdict.label.capitalizedFirst) allows it: \(because(verdict))"
        }
        let allows = compiled.statements.filter { $0.source.effect == .allow }
        if allows.isEmpty { return "No statement allows it: the policy has no Allow statement." }
        let parts = allows.map { statement -> String in
            let principal = principalPart(statement.source, request.principal)
            let actionPart = actionPart(statement, request.action, lowercased: action)
            return summary(statement, principal: principal, action: actionPart, firstFailed: {
                statement.clauses.first { !$0.holds(in: context) }.map { ConditionEvaluator.evaluate($0, context: context) }
            }).droppingFinalPeriod
        }
        return "No statement allows it. " + parts.joined(separator: ". ") + "."
    }

    // MARK: - Principal and action

    /// Whether `block` names `caller`, and the value that named it.
    static func names(_ block: PrincipalBlock, _ caller: String) -> String? {
        switch block {
        case .wildcard:
            return "*"
        case .entries(let entries):
            for entry in entries {
                for value in entry.values {
                    switch entry.type {
                    case "Federated" where value == "*" || value == caller: return value
                    case "AWS" where value == "*": return value
                    default: continue
                    }
                }
            }
            return nil
        }
    }

    private static func principalPart(_ statement: PolicyStatement, _ caller: String) -> (Bool, String) {
        switch (statement.principal, statement.notPrincipal) {
        case (nil, nil):
            return (false, "it has neither Principal nor NotPrincipal, so it names nobody.")
        case (let principal?, let notPrincipal):
            guard let named = names(principal, caller) else {
                return (false, "its Principal does not name the caller \"\(caller)\".")
            }
            if let notPrincipal, names(notPrincipal, caller) != nil {
                return (false, "its NotPrincipal excludes the caller \"\(caller)\".")
            }
            return (true, named == "*" ? "its Principal \"*\" names every caller." : "its Principal names \"\(named)\".")
        case (nil, let notPrincipal?):
            if let named = names(notPrincipal, caller) {
                return (false, "its NotPrincipal lists \"\(named)\", which covers the caller.")
            }
            return (true, "its NotPrincipal does not list the caller \"\(caller)\", so it applies to the caller.")
        }
    }

    private static func actionPart(_ compiled: CompiledStatement, _ action: String, lowercased: String) -> (Bool, String) {
        func firstMatch(_ patterns: [WildcardPattern], _ texts: [String]) -> String? {
            CompiledStatement.firstMatch(patterns, lowercased).map { texts[$0] }
        }
        let statement = compiled.source
        switch (statement.actions, statement.notActions) {
        case (nil, nil):
            return (false, "it has neither Action nor NotAction, so it covers no action.")
        case (let actions?, let notActions):
            guard let matched = firstMatch(compiled.actions ?? [], actions) else {
                let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
                return (false, "its Action (\(list.isEmpty ? "empty" : list)) does not cover \(action).")
            }
            if let notActions, let excluded = firstMatch(compiled.notActions ?? [], notActions) {
                return (false, "its NotAction \"\(excluded)\" excludes \(action).")
            }
            return (true, "its Action \"\(matched)\" covers \(action).")
        case (nil, let notActions?):
            if let excluded = firstMatch(compiled.notActions ?? [], notActions) {
                return (false, "its NotAction \"\(excluded)\" excludes \(action).")
            }
            return (true, "its NotAction does not list \(action), so it covers it.")
        }
    }

    // MARK: - Reasons

    /// The conditions that made an applying statement apply, or why it has none.
    private static func because(_ verdict: StatementVerdict) -> String {
        if verdict.clauses.isEmpty {
            return "its principal and action match and it has no conditions, so every such request gets in."
        }
        return verdict.clauses.map { $0.explanation.droppingFinalPeriod }.joined(separator: "; ") + "."
    }

    private static func implicitDenyReason(_ verdicts: [StatementVerdict]) -> String {
        let allows = verdicts.filter { $0.effect == .allow }
        if allows.isEmpty { return "No statement allows it: the policy has no Allow statement." }
        let parts = allows.map { verdict -> String in
            // The summary already starts with the label and the first failing reason.
            verdict.summary.droppingFinalPeriod
        }
        return "No statement allows it. " + parts.joined(separator: ". ") + "."
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    /// The text without its final `.` (compared as a byte: reasons are long, and a Character scan is not free).
    var droppingFinalPeriod: String { utf8.last == 0x2E ? String(Substring(utf8.dropLast())) : self }
}
