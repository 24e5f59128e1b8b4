/// A validated AWS region and the partition it belongs to.
public struct Region: Hashable, Sendable {
    public var name: String
    public var partition: Partition

    public init(name: String, partition: Partition) {
        self.name = name
        self.partition = partition
    }
}
