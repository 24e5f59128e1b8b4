import Foundation
import Testing
@testable import OIDCWizardCore

/// The wizard re-runs the analysis on every keystroke; a typical policy must take well under 0.5 ms in
/// release. Debug builds are many times slower and the test machine is shared, so this test only guards
/// against a blow-up (25 ms per analysis in any build); `oidc-wizard-bench` measures the release number.
@Suite("Analysis cost")
struct AnalysisPerformanceTests {
    @Test("a typical policy is analysed in far less than a keystroke's budget")
    func typicalPolicy() throws {
        let json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"\(Lint.prefix):aud": "sts.amazonaws.com"},
                         "StringLike": {"\(Lint.prefix):sub": ["repo:acme/app:ref:refs/heads/main", "repo:acme/app:environment:prod", "repo:acme/api:ref:refs/tags/v*"]}}},
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"\(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\(Lint.prefix):sub": "repo:acme/*"}}}]}
        """
        let reading = try PolicyReader.read(text: json).reading
        let context = AnalysisContext(intent: Lint.intent(), readerNotes: reading.notes)
        let runs = 50
        let start = ContinuousClock.now
        for _ in 0..<runs { _ = PolicyAnalyzer.analyze(reading.policy, context: context) }
        let perRun = (ContinuousClock.now - start) / runs
        #expect(perRun < .milliseconds(25), "\(perRun) per analysis")
    }
}
