/// The AWS CLI commands that put a generated setup into an account, for the user to run (the tool never
/// calls AWS itself). Every interpolated value is shell-quoted.
public struct NextStep: Hashable, Sendable {
    /// What the step does, in one line.
    public var title: String
    /// When to run it / why, in one line.
    public var explanation: String
    public var command: String

    public init(title: String, explanation: String, command: String) {
        self.title = title
        self.explanation = explanation
        self.command = command
    }
}

public enum NextSteps {
    /// The steps for `setup`, with the trust policy at `policyPath` (as the user would type it from where they
    /// run the commands).
    public static func steps(for setup: Setup, policyPath: String) -> [NextStep] {
        let q = ShellQuote.quote
        // IAM is global, but the CLI picks the partition's endpoint from the region.
        let regionFlag = setup.partition == .aws ? "" : " --region \(q(setup.region.name))"
        let document = q("file://" + policyPath)
        var createRole = "aws iam create-role\(regionFlag) --role-name \(q(setup.roleName)) --assume-role-policy-document \(document)"
        if let seconds = setup.sessionDuration, seconds > 3600 {
            createRole += " --max-session-duration \(seconds)"
        }
        var steps = [
            NextStep(
                title: "Check whether the account already trusts GitHub's OIDC issuer",
                explanation: "If this prints the provider, skip the next step.",
                command: "aws iam get-open-id-connect-provider\(regionFlag) --open-id-connect-provider-arn \(q(setup.providerARN))"),
            NextStep(
                title: "Create the OIDC provider (once per account)",
                explanation: "Thumbprints are no longer needed for GitHub's issuer.",
                command: "aws iam create-open-id-connect-provider\(regionFlag) --url \(q(setup.flavor.issuerURL)) --client-id-list \(q(setup.audience))"),
        ]
        if !setup.usesDefaultAudience {
            steps.append(NextStep(
                title: "If the provider already existed, let it accept this audience",
                explanation: "The provider's client-id list must contain the audience the workflow requests.",
                command: "aws iam add-client-id-to-open-id-connect-provider\(regionFlag) --open-id-connect-provider-arn \(q(setup.providerARN)) --client-id \(q(setup.audience))"))
        }
        steps += [
            NextStep(
                title: "Create the role with this trust policy",
                explanation: "The trust policy decides who may assume the role; permissions come next.",
                command: createRole),
            NextStep(
                title: "Give the role only the permissions the workflow needs",
                explanation: "Replace the example policy ARN with a policy scoped to your deployment.",
                command: "aws iam attach-role-policy\(regionFlag) --role-name \(q(setup.roleName)) --policy-arn \(q("arn:\(setup.partition.rawValue):iam::aws:policy/ReadOnlyAccess"))"),
            NextStep(
                title: "Or, if the role exists already, replace its trust policy",
                explanation: "This overwrites the current trust policy of the role.",
                command: "aws iam update-assume-role-policy\(regionFlag) --role-name \(q(setup.roleName)) --policy-document \(document)"),
        ]
        if let seconds = setup.sessionDuration, seconds > 3600 {
            // create-role sets the longer maximum; a role that exists keeps its own (one hour unless changed), and
            // the workflow's role-duration-seconds would be refused.
            steps.append(NextStep(
                title: "And, if the role exists already, let its sessions last \(seconds) seconds",
                explanation: "The workflow asks for \(seconds)-second sessions; a role allows one hour unless its maximum is raised.",
                command: "aws iam update-role\(regionFlag) --role-name \(q(setup.roleName)) --max-session-duration \(seconds)"))
        }
        return steps
    }

    /// The steps as text: a numbered title, the explanation, the command indented.
    public static func text(for setup: Setup, policyPath: String) -> String {
        steps(for: setup, policyPath: policyPath).enumerated().map { index, step in
            "\(index + 1). \(step.title)\n   \(step.explanation)\n\n     \(step.command)\n"
        }.joined(separator: "\n")
    }
}
