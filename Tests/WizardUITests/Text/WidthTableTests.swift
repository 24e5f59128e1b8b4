import Testing
@testable import WizardUI

@Suite("The width table")
struct WidthTableTests {
    @Test("The generated width table agrees with the Unicode properties for every scalar")
    func tableMatchesDefinition() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let fromTable = CharacterWidth.of(scalar)
            let defined = CharacterWidth.computedWidth(scalar)
            if fromTable != defined, mismatches.count < 10 {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): table \(fromTable), definition \(defined)")
            }
        }
        #expect(mismatches.isEmpty, "regenerate CharacterWidth.widthRuns from computedWidth: \(mismatches)")
    }

    @Test("The runs are sorted and start at U+0000")
    func runsAreSorted() {
        let runs = CharacterWidth.widthRuns
        #expect(runs.first == 0)
        #expect(zip(runs, runs.dropFirst()).allSatisfy { ($0 >> 2) < ($1 >> 2) })
    }
}
