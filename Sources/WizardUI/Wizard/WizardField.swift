import OIDCWizardCore

/// Every input of the wizard, by what it means to the user.
public enum FieldID: String, CaseIterable, Hashable, Sendable {
    case owner, repositories, ownerID, repositoryIDs, flavor, flavorName
    case branches, tags, environments, pullRequests, anyContext, extraClaims, subjectTemplate, subjectTemplateValues
    case accountID, region, audience, roleName, sessionDuration
    case outputDirectory
    /// Edit mode: where the policy goes (a CloudFormation JSON template: the side file or the template itself).
    case saveTarget
    /// Edit mode: also write the workflow file from the edited setup.
    case writeWorkflow
}

/// How a field is edited.
public enum FieldKind: Hashable, Sendable {
    /// One line of text.
    case text
    /// Several entries: type one and press Enter to add it; Up/Down select an entry to edit or delete it.
    case list
    /// One of a few options, changed with Left/Right or Space.
    case choice
    /// On or off, changed with Space (or Left/Right).
    case toggle
}

/// A field as data (in the manner of charmbracelet/huh): what it is called, which step shows it, how it is
/// edited, which help topic explains it. Its validator is the setup model itself: the field shows the
/// `SetupIssue`s `SetupDraft.resolve()` reports for the `SetupField`s it feeds (see `WizardDerived`).
public struct FieldSpec: Hashable, Sendable {
    public let id: FieldID
    public let label: String
    public let kind: FieldKind
    public let step: WizardStep
    /// The `HelpLibrary` topic `?`/F1 opens (the flavour name's depends on the flavour; see `helpTopic(flavor:)`).
    public let helpTopic: String
    /// Shown in muted text while the field is empty.
    public let placeholder: String
    /// Whether `?` is a legal character here (an IAM wildcard), so typing it must not open help; F1 still does.
    public let acceptsQuestionMark: Bool

    /// The help topic for this field given the chosen GitHub flavour.
    public func helpTopic(flavor: SetupDraft.FlavorKind) -> String {
        guard id == .flavorName else { return helpTopic }
        switch flavor {
        case .githubDotCom, .enterpriseCloud: return "enterprise-slug"
        case .gheDotCom: return "ghe-subdomain"
        case .enterpriseServer: return "enterprise-server-host"
        }
    }

    public static func spec(_ id: FieldID) -> FieldSpec { table[id.index] }

    /// The fields of a step in Tab order. Step 1 starts at the owner and Tab goes on to the repositories:
    /// that order is a contract other checks rely on.
    public static func fields(of step: WizardStep) -> [FieldID] {
        switch step {
        case .github: [.owner, .repositories, .ownerID, .repositoryIDs, .flavor, .flavorName]
        case .access: [.branches, .tags, .environments, .pullRequests, .anyContext, .extraClaims, .subjectTemplate, .subjectTemplateValues]
        case .aws: [.accountID, .region, .audience, .roleName, .sessionDuration]
        case .review: []
        case .write: [.saveTarget, .writeWorkflow, .outputDirectory]
        }
    }

    private static let table: [FieldSpec] = FieldID.allCases.map(make)

    private static func make(_ id: FieldID) -> FieldSpec {
        func f(_ label: String, _ kind: FieldKind, _ step: WizardStep, _ topic: String, _ placeholder: String, glob: Bool = false) -> FieldSpec {
            FieldSpec(id: id, label: label, kind: kind, step: step, helpTopic: topic, placeholder: placeholder, acceptsQuestionMark: glob)
        }
        switch id {
        case .owner: return f("Owner", .text, .github, "owner", "user or organisation, e.g. acme", glob: true)
        case .repositories: return f("Repositories", .list, .github, "repository", "repository name, e.g. app (or other-owner/app)", glob: true)
        case .ownerID: return f("Owner id", .text, .github, "immutable-ids", "optional: numeric owner id")
        case .repositoryIDs: return f("Repository ids", .text, .github, "immutable-ids", "optional: ids in repository order, comma-separated")
        case .flavor: return f("GitHub", .choice, .github, "github-flavor", "")
        case .flavorName: return f("Enterprise", .text, .github, "enterprise-slug", "")
        case .branches: return f("Branches", .list, .access, "branches", "branch or pattern, e.g. main or release/*", glob: true)
        case .tags: return f("Tags", .list, .access, "tags", "tag or pattern, e.g. v*", glob: true)
        case .environments: return f("Environments", .list, .access, "environments", "deployment environment, e.g. production")
        case .pullRequests: return f("Pull requests", .toggle, .access, "pull-requests", "")
        case .anyContext: return f("Any context", .toggle, .access, "any-context", "")
        case .extraClaims: return f("Extra claims", .list, .access, "extra-claims", "optional: KEY=VALUE, e.g. job_workflow_ref=…", glob: true)
        case .subjectTemplate: return f("Subject template", .text, .access, "subject-template", "optional: custom claim keys, e.g. repo,context")
        case .subjectTemplateValues: return f("Template values", .list, .access, "subject-template", "optional: KEY=VALUE for template keys", glob: true)
        case .accountID: return f("Account id", .text, .aws, "account-id", "12 digits, e.g. 123456789012")
        case .region: return f("Region", .text, .aws, "region", "e.g. eu-central-1 (suggestions as you type)")
        case .audience: return f("Audience", .text, .aws, "audience", "")
        case .roleName: return f("Role name", .text, .aws, "role-name", "e.g. github-deploy")
        case .sessionDuration: return f("Session (s)", .text, .aws, "session-duration", "3600 (AWS default); 900 to 43200")
        case .outputDirectory: return f("Directory", .text, .write, "output-directory", ". (the current directory)")
        case .saveTarget: return f("Save to", .choice, .write, "saving-edits", "")
        case .writeWorkflow: return f("Workflow", .toggle, .write, "saving-edits", "")
        }
    }
}

extension FieldID {
    var index: Int { FieldID.allCases.firstIndex(of: self)! }
    public var spec: FieldSpec { FieldSpec.spec(self) }
}

extension SetupDraft.FlavorKind {
    /// The option as the choice field shows it.
    public var choiceLabel: String {
        switch self {
        case .githubDotCom: "github.com"
        case .enterpriseCloud: "Enterprise Cloud (own issuer)"
        case .gheDotCom: "GHE.com (data residency)"
        case .enterpriseServer: "Enterprise Server"
        }
    }

    /// What the name field holds for this flavour.
    public var nameLabel: String {
        switch self {
        case .githubDotCom, .enterpriseCloud: "Enterprise slug"
        case .gheDotCom: "GHE subdomain"
        case .enterpriseServer: "Server host"
        }
    }

    public var namePlaceholder: String {
        switch self {
        case .githubDotCom, .enterpriseCloud: "your enterprise's slug, e.g. acme"
        case .gheDotCom: "acme for acme.ghe.com"
        case .enterpriseServer: "e.g. github.example.com"
        }
    }
}
