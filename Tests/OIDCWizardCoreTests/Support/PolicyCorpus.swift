import Foundation
@testable import OIDCWizardCore

/// The policies and setups that specifications hold over "every case we know": the shipped examples, the
/// hazard corpus, the editing corpus, and setups as the wizard produces them while someone types.
enum PolicyCorpus {
    /// Every policy the tool ships or is tested on: the examples, the hazard corpus and the editing corpus.
    static func all() throws -> [(name: String, policy: TrustPolicy, notes: [ReaderNote])] {
        var directory = URL(fileURLWithPath: #filePath)
        while directory.lastPathComponent != "Tests" { directory.deleteLastPathComponent() }
        let examples = directory.deletingLastPathComponent().appendingPathComponent("Resources/examples")
        var texts: [(String, String)] = []
        for folder in [examples, examples.appendingPathComponent("hazards")] {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".json") {
                texts.append((file, try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)))
            }
        }
        texts += EditingCorpus.policies.map { ($0.name, $0.json) }
        return try texts.map { name, text in
            let reading = try PolicyReader.read(text: text).reading
            return (name, reading.policy, reading.notes)
        }
    }

    /// Setups as the wizard produces them while someone types: tight ones, globs in every part, several
    /// repositories, ids, other flavours and partitions, extra claims.
    static func generatedSetups() -> [Setup] {
        let drafts: [SetupDraft] = [
            SetupDraft(repositories: ["acme/app"], branches: ["main"]),
            SetupDraft(repositories: ["*/app"], branches: ["main"]),
            SetupDraft(repositories: ["acme*/app"], branches: ["main"]),
            SetupDraft(repositories: ["acme/*"], branches: ["main"]),
            SetupDraft(repositories: ["acme/app*"], branches: ["main"]),
            SetupDraft(repositories: ["acme/app", "acme/api"], branches: ["main", "release/*"], tags: ["v*"],
                       environments: ["prod"], pullRequests: true),
            SetupDraft(repositories: ["acme/app"], anyContext: true),
            SetupDraft(repositories: ["Acme/App", "acme/web"], branches: ["main", "release/*"], tags: ["v*"],
                       environments: ["production"], pullRequests: true,
                       extraClaims: ["job_workflow_ref=acme/ci/.github/workflows/deploy.yml@refs/heads/main"]),
            SetupDraft(repositories: ["acme@1234567/app@89012345"], branches: ["main"]),
            SetupDraft(repositories: ["acme/app"], branches: ["main"], extraClaims: ["job_workflow_ref=acme/shared/.github/workflows/deploy.yml@refs/heads/main"]),
            SetupDraft(flavorKind: .enterpriseCloud, flavorName: "octo-corp", repositories: ["acme/app"], environments: ["prod*"]),
            SetupDraft(flavorKind: .enterpriseServer, flavorName: "github.example.com", repositories: ["acme/app"], branches: ["main"]),
        ].map { draft in
            var draft = draft
            draft.region = draft.flavorKind == .enterpriseServer ? "cn-north-1" : "eu-central-1"
            draft.accountID = "123456789012"
            draft.roleName = "deploy"
            return draft
        }
        return drafts.compactMap { $0.resolve().setup }
    }
}
