import ArgumentParser
import Foundation
import OIDCWizardCore

/// `oidc-wizard simulate POLICY --claim KEY=VALUE …`: asks the exact IAM evaluator whether a workflow
/// with these token claims may assume the role, and which statement decides.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Decide, as IAM would, whether a token with the given claims may assume the role.",
        discussion: """
            Only the claims you give are in the request; a claim you leave out is missing, exactly as a \
            claim IAM cannot see is missing. A key without a colon gets the policy's GitHub issuer prefix \
            (sub → token.actions.githubusercontent.com:sub); a key with a colon is used as written. Give \
            the same key twice for a multi-valued key.

            Example:
              oidc-wizard simulate trust-policy.json --claim sub=repo:acme/app:ref:refs/heads/main --claim aud=sts.amazonaws.com

            Exit status: 0 allowed, 1 denied, 2 the input or the options could not be used.
            In --format json, "statement" is the 0-based index of the deciding statement ($.Statement[N]), or null.
            """
    )

    @Argument(help: "The trust policy: a policy file, aws iam get-role/list-roles output, or a CloudFormation template.")
    var policy: String

    @Option(name: .customLong("claim"), help: ArgumentHelp("A token claim in the request, as KEY=VALUE (repeatable).", valueName: "KEY=VALUE"))
    var claims: [String] = []

    @Option(help: ArgumentHelp("The caller's federated provider ARN (default: the policy's GitHub provider).", valueName: "ARN"))
    var principal: String?

    @Option(help: ArgumentHelp("Which role to simulate when the file holds several.", valueName: "NAME"))
    var role: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        switch SimulationRun.decide(policyPath: policy, claims: claims, principal: principal, role: role) {
        case .failure(let error):
            FileHandle.standardError.write(Data("oidc-wizard simulate: \(error.message)\n".utf8))
            throw ExitCode(2)
        case .success(let simulation):
            if format == .json {
                print(simulation.jsonLine)
            } else {
                for note in simulation.source.notes {
                    FileHandle.standardError.write(Data("note: \(note.path): \(note.message)\n".utf8))
                }
                print(simulation.text, terminator: "")
            }
            throw ExitCode(simulation.decision.isAllowed ? 0 : 1)
        }
    }
}

/// The simulate command's logic, apart from argument parsing and printing.
struct SimulationRun {
    var source: PolicySource
    var request: AssumeRequest
    var decision: Decision

    static func decide(policyPath: String, claims: [String], principal: String?, role: String?) -> Result<SimulationRun, SimulateError> {
        let sources: [PolicySource]
        do {
            sources = try PolicyInput.read(path: policyPath)
        } catch {
            return .failure(SimulateError(error.description))
        }
        let source: PolicySource
        if let role {
            guard let match = sources.first(where: { $0.roleName == role }) else {
                let names = sources.compactMap(\.roleName)
                let known = names.isEmpty ? "it names no roles" : "its roles are " + names.map { "\"\($0)\"" }.joined(separator: ", ")
                return .failure(SimulateError("\(policyPath): there is no role \"\(role)\" in the file; \(known)."))
            }
            source = match
        } else if sources.count > 1 {
            let names = sources.map { $0.roleName ?? "?" }.map { "\"\($0)\"" }.joined(separator: ", ")
            return .failure(SimulateError("\(policyPath): the file holds \(sources.count) roles (\(names)); choose one with --role NAME."))
        } else {
            source = sources[0]
        }

        let github = githubProvider(in: source.policy)
        guard let caller = principal ?? github?.arn else {
            return .failure(SimulateError("\(policyPath): the policy names no GitHub OIDC provider, so the caller is unknown; give it with --principal ARN."))
        }
        let flavor = github?.flavor ?? providerFlavor(caller)

        var context: [String: [String]] = [:]
        for claim in claims {
            guard let equals = claim.firstIndex(of: "="), equals != claim.startIndex else {
                return .failure(SimulateError("--claim \"\(claim)\" is not KEY=VALUE; write e.g. --claim sub=repo:acme/app:ref:refs/heads/main."))
            }
            var key = String(claim[..<equals])
            let value = String(claim[claim.index(after: equals)...])
            if !key.contains(":") {
                guard let flavor else {
                    return .failure(SimulateError("--claim \(key)=…: the issuer prefix is unknown because the caller is not a GitHub provider; write the key in full, e.g. --claim token.actions.githubusercontent.com:\(key)=…"))
                }
                key = flavor.conditionKey(key)
            }
            context[key, default: []].append(value)
        }
        let request = AssumeRequest(principal: caller, context: context)
        return .success(SimulationRun(source: source, request: request, decision: PolicyEvaluator.evaluate(source.policy, request)))
    }

    /// The first Federated principal in the policy whose issuer is a GitHub Actions issuer.
    static func githubProvider(in policy: TrustPolicy) -> (arn: String, flavor: GitHubFlavor)? {
        for statement in policy.statements {
            for block in [statement.principal, statement.notPrincipal].compactMap({ $0 }) {
                for arn in block.values(ofType: "Federated") {
                    if let flavor = providerFlavor(arn) { return (arn, flavor) }
                }
            }
        }
        return nil
    }

    /// `arn:…:oidc-provider/<issuer>` → the GitHub flavour of that issuer, if it is one.
    static func providerFlavor(_ arn: String) -> GitHubFlavor? {
        guard let range = arn.range(of: ":oidc-provider/") else { return nil }
        return GitHubFlavor.recognize(issuer: String(arn[range.upperBound...]))
    }

    var jsonLine: String {
        let decisionText = decision.isAllowed ? "allow" : "deny"
        let statement = decision.statementIndex.map(String.init) ?? "null"
        return "{\"decision\":\"\(decisionText)\",\"statement\":\(statement),\"reason\":\(JSONWriter.quoted(decision.reason))}"
    }

    var text: String {
        var out = ""
        let headline: String
        switch decision.outcome {
        case .allowed: headline = "ALLOWED"
        case .explicitDeny: headline = "DENIED (an explicit Deny)"
        case .implicitDeny: headline = "DENIED (no statement allows it)"
        }
        out += "Decision: \(headline)\n"
        if let role = source.roleName { out += "Role:     \(role)\n" }
        out += "Caller:   \(request.principal)\n"
        if request.context.isEmpty {
            out += "Claims:   none (every condition key is missing)\n"
        } else {
            out += "Claims:\n"
            for key in request.context.keys.sorted() {
                for value in request.context[key] ?? [] { out += "  \(key) = \(value)\n" }
            }
        }
        out += "\n\(decision.reason)\n"
        if decision.statements.count > 1 || decision.statementIndex == nil {
            out += "\nStatement by statement:\n"
            for verdict in decision.statements { out += "  - \(verdict.summary)\n" }
        }
        return out
    }
}

struct SimulateError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
