import Testing
@testable import OIDCWizardCore

@Suite("Region catalog")
struct RegionCatalogTests {
    @Test("known regions map to their partition", arguments: [
        ("us-east-1", Partition.aws), ("eu-central-1", .aws), ("ap-southeast-7", .aws), ("mx-central-1", .aws),
        ("cn-north-1", .awsCN), ("cn-northwest-1", .awsCN), ("us-gov-west-1", .awsUSGov), ("us-gov-east-1", .awsUSGov),
        ("eusc-de-east-1", .awsEUSC),
    ])
    func known(name: String, partition: Partition) {
        #expect(RegionCatalog.lookup(name) == .known(Region(name: name, partition: partition)))
    }

    @Test("unknown but well-formed regions pass with a guessed partition", arguments: [
        ("ap-south-9", Partition.aws), ("cn-south-1", .awsCN), ("us-gov-north-1", .awsUSGov), ("eusc-fr-west-1", .awsEUSC),
    ])
    func unknown(name: String, partition: Partition) throws {
        #expect(RegionCatalog.lookup(name) == .unknown(Region(name: name, partition: partition)))
        let resolution = blogDraft { $0.region = name }.resolve()
        let setup = try #require(resolution.setup)
        #expect(setup.partition == partition)
        #expect(resolution.warnings.map(\.field) == [.region])
    }

    @Test("isolated partitions are named unsupported", arguments: [
        ("us-iso-east-1", "aws-iso"), ("us-isob-east-1", "aws-iso-b"), ("eu-isoe-west-1", "aws-iso-e"), ("us-isof-south-1", "aws-iso-f"),
    ])
    func isolated(name: String, partition: String) throws {
        #expect(RegionCatalog.lookup(name) == .isolated(partition: partition))
        let issue = try #require(blogDraft { $0.region = name }.resolve().errors.first)
        #expect(issue.rule.contains(partition))
        #expect(issue.rule.contains("not support"))
    }

    @Test("malformed names say what a region looks like", arguments: [
        ("", "Give the AWS region"), ("EU-CENTRAL-1", "lower case: eu-central-1"), ("eu_central_1", "hyphens: eu-central-1"),
        ("eu-central-1a", "availability zone; the region is eu-central-1"), ("frankfurt", "looks like us-east-1"),
        ("eu-central", "looks like us-east-1"), ("eu-\u{0441}entral-1", "looks like us-east-1"),
    ])
    func malformed(name: String, expected: String) throws {
        guard case .malformed(let reason) = RegionCatalog.lookup(name) else {
            Issue.record("\(name) was not malformed")
            return
        }
        #expect(reason.contains(expected), "\(reason)")
    }

    @Test("allRegions lists every region once, commercial first")
    func allRegions() {
        #expect(RegionCatalog.allRegions.first == "af-south-1")
        #expect(Set(RegionCatalog.allRegions).count == RegionCatalog.allRegions.count)
        #expect(RegionCatalog.allRegions.contains("eusc-de-east-1"))
    }
}
