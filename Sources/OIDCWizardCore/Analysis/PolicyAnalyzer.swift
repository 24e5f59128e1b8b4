/// Runs every hazard rule over a trust policy and returns the findings, worst first.
///
/// Rules judge ALL statements and ALL values. Where a question can be decided by the evaluator ("does a
/// repository of another owner get in?") it is: the analysis builds attacker requests and evaluates the
/// whole policy, so the findings and the who-can-assume table can never disagree.
public enum PolicyAnalyzer {
    /// The rule families, in the order they run. Each is a pure function of the shared analysis.
    static let families: [@Sendable (PolicyAnalysis) -> [Finding]] = [
        ReaderNoteRules.check,
        PrincipalRules.check,
        GuardrailRule.check,
        SubjectRules.check,
        KeyRules.check,
        DenyRules.check,
        OperatorRules.check,
        AudienceRules.check,
        ContextRules.check,
        RepositoryNameRules.check,
        IntentRules.check,
    ]

    /// Every finding for `policy`, sorted: severity (worst first), then statement (whole-policy findings
    /// first), then JSON path, then rule id.
    public static func analyze(_ policy: TrustPolicy, context: AnalysisContext = .init()) -> [Finding] {
        analyze(CompiledPolicy(policy), context: context)
    }

    /// The same for a policy already compiled, so that the findings and the scenario table share one compilation.
    public static func analyze(_ compiled: CompiledPolicy, context: AnalysisContext = .init()) -> [Finding] {
        let analysis = PolicyAnalysis(compiled: compiled, context: context)
        var findings: [Finding] = []
        for family in families { findings.append(contentsOf: family(analysis)) }
        findings.append(contentsOf: Backstop.check(analysis, findings: findings))
        findings.append(contentsOf: IntentRules.namedButDenied(analysis, findings: findings))
        if analysis.budget.exhausted {
            findings.append(analysis.finding(
                .analysisIncomplete, statement: nil, path: JSONPath.root.member("Statement"),
                message: "The analysis stopped after \(analysis.budget.evaluations) evaluations (the cap for a policy of this size), so some attacker requests were not tried; the exposure above is a lower bound.",
                why: "Each evaluation judges every value of the policy, so the work is capped to keep the wizard and lint responsive on huge documents. Rules that could not ask the evaluator fall back to what the text alone says.",
                fix: "Split the policy or remove repeated statements and lint again."))
        }
        return sorted(deduplicated(findings))
    }

    static func sorted(_ findings: [Finding]) -> [Finding] {
        // Sorted by position, then gathered: a finding is a dozen references, and moving findings while sorting
        // retains and releases each of them at every move. Equal findings keep their order (the last test).
        let order = findings.withUnsafeBufferPointer { all in
            all.indices.sorted { i, j in
                if all[i].severity != all[j].severity { return all[i].severity > all[j].severity }
                if all[i].statement != all[j].statement { return (all[i].statement ?? -1) < (all[j].statement ?? -1) }
                if all[i].path != all[j].path { return JSONPath.precedes(all[i].path, all[j].path) }
                if all[i].rule != all[j].rule { return all[i].rule < all[j].rule }
                if all[i].message != all[j].message { return all[i].message < all[j].message }
                return i < j
            }
        }
        return order.map { findings[$0] }
    }

    /// One finding per rule and path: the same value reached from two angles is reported once.
    static func deduplicated(_ findings: [Finding]) -> [Finding] {
        var seen = SeenKeys<Identity>()
        return findings.filter { seen.insert(Identity(rule: $0.rule, path: $0.path, message: $0.message)) }
    }

    private struct Identity: Hashable {
        var rule, path, message: String
    }
}
