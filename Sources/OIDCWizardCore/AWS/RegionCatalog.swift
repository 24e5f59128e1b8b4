/// The one place that knows AWS's regions (botocore 1.43 endpoint data, 2026) and which partition each
/// belongs to. The partition decides the ARNs (`arn:aws-cn:…`) and the audience, so a wrong guess here
/// produces a role nobody can assume.
///
/// The list grows every year. A region we do not know but that is well-formed passes with a warning and a
/// partition guessed from its prefix, so a brand-new region never blocks anyone. Isolated partitions
/// (`us-iso-…` and friends) have no GitHub-hosted access and are refused by name rather than guessed.
public enum RegionCatalog {
    /// Every known region, by partition, in a stable order (for completion in the wizard).
    public static let regionsByPartition: [(partition: Partition, regions: [String])] = [
        (.aws, [
            "af-south-1",
            "ap-east-1", "ap-east-2",
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7",
            "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2",
            "eu-north-1",
            "eu-south-1", "eu-south-2",
            "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1",
            "me-central-1", "me-south-1",
            "mx-central-1",
            "sa-east-1",
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        ]),
        (.awsCN, ["cn-north-1", "cn-northwest-1"]),
        (.awsUSGov, ["us-gov-east-1", "us-gov-west-1"]),
        (.awsEUSC, ["eusc-de-east-1"]),
    ]

    /// Every known region name, commercial first (for completion).
    public static let allRegions: [String] = regionsByPartition.flatMap(\.regions)

    /// Prefixes of the isolated partitions (aws-iso, aws-iso-b, aws-iso-e, aws-iso-f).
    public static let isolatedPrefixes: [(prefix: String, partition: String)] = [
        ("us-isob-", "aws-iso-b"), ("us-isof-", "aws-iso-f"), ("eu-isoe-", "aws-iso-e"), ("us-iso-", "aws-iso"),
    ]

    private static let partitionByRegion: [String: Partition] = {
        var map: [String: Partition] = [:]
        for entry in regionsByPartition { for region in entry.regions { map[region] = entry.partition } }
        return map
    }()

    /// What the catalog says about a region name as typed.
    public enum Lookup: Hashable, Sendable {
        /// A region in the list.
        case known(Region)
        /// Well-formed but not in the list; the partition is guessed from the prefix.
        case unknown(Region)
        /// A region of an isolated partition, which GitHub-hosted runners cannot reach.
        case isolated(partition: String)
        /// Not a region name at all; the text says why, in a newcomer's words.
        case malformed(reason: String)
    }

    public static func lookup(_ raw: String) -> Lookup {
        let name = raw
        if name.isEmpty { return .malformed(reason: "Give the AWS region the workflow uses, e.g. us-east-1.") }
        if name != name.lowercased(), isWellFormed(name.lowercased()) {
            return .malformed(reason: "Region names are lower case: \(name.lowercased()).")
        }
        if name.contains(" ") || name.contains("_") {
            let suggestion = name.lowercased().replacingAll(" ", "-").replacingAll("_", "-")
            return .malformed(reason: isWellFormed(suggestion)
                ? "Region names use hyphens: \(suggestion)."
                : "A region name looks like us-east-1: letters, hyphens and a number at the end.")
        }
        if let partition = partitionByRegion[name] { return .known(Region(name: name, partition: partition)) }
        if let iso = isolatedPrefixes.first(where: { name.hasPrefix($0.prefix) }), isWellFormed(name) {
            return .isolated(partition: iso.partition)
        }
        guard isWellFormed(name) else {
            if let availabilityZone = strippingAvailabilityZone(name) {
                return .malformed(reason: "That is an availability zone; the region is \(availabilityZone).")
            }
            return .malformed(reason: "A region name looks like us-east-1: letters, hyphens and a number at the end.")
        }
        return .unknown(Region(name: name, partition: guessPartition(name)))
    }

    /// `cn-` → aws-cn, `us-gov-` → aws-us-gov, `eusc-` → aws-eusc, anything else → aws.
    public static func guessPartition(_ name: String) -> Partition {
        if name.hasPrefix("cn-") { return .awsCN }
        if name.hasPrefix("us-gov-") { return .awsUSGov }
        if name.hasPrefix("eusc-") { return .awsEUSC }
        return .aws
    }

    /// `xx(-word)+-N`: lower-case ASCII words separated by single hyphens, ending in a number.
    static func isWellFormed(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.count <= 2,
              last.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.dropLast().allSatisfy { part in
            !part.isEmpty && part.count <= 12 && part.allSatisfy { $0.isASCII && $0.isLowercase }
        }
    }

    /// `eu-central-1a` → `eu-central-1` when that is a region.
    private static func strippingAvailabilityZone(_ name: String) -> String? {
        guard let last = name.last, last.isASCII, last.isLetter else { return nil }
        let region = String(name.dropLast())
        return isWellFormed(region) ? region : nil
    }
}

extension String {
    func replacingAll(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
