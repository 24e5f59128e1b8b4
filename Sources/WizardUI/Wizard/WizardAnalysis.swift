import OIDCWizardCore

/// The analysis the wizard shows, computed by the core (the wizard re-implements none of it): the hazard
/// rules' findings and the "who can get in" scenarios, both given what the user meant (`PolicyIntent`).
public enum WizardAnalysis {
    /// `policyJSON`: the policy's `jsonValue` when the caller has built it (for the preview).
    public static func findings(for policy: CompiledPolicy, intent: PolicyIntent, policyJSON: JSONValue? = nil) -> [Finding] {
        PolicyAnalyzer.analyze(policy, context: AnalysisContext(intent: intent, policyJSON: policyJSON))
    }

    public static func scenarios(for policy: CompiledPolicy, intent: PolicyIntent) -> [ScenarioRow] {
        ScenarioBuilder.scenarios(for: policy, intent: intent).map(ScenarioRow.init)
    }
}
