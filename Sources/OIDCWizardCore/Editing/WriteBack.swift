import Foundation

/// Saves an edited policy the way its input calls for:
///
/// - a bare policy file is rewritten in place, atomically, after a backup `FILE.bak` — an older backup
///   that differs is never replaced unless asked (`overwriteBackup`); `backup: false` skips it;
/// - role dumps and CloudFormation templates are not rewritten: the policy goes to `<role>.trust-policy.json`
///   next to the input (never replacing a file unless `force`), with the AWS CLI command that applies it;
/// - with `patchTemplate`, a CloudFormation JSON template is patched in place instead (`TemplatePatch`: only
///   the role's document changes), with the same backup and changed-on-disk rules as a bare policy;
/// - `--out FILE` writes the policy there instead (never replacing a file unless `force`).
/// Before replacing a file it checks that the file still holds the bytes read when it was opened: a change
/// made in the meantime (an editor, `git checkout`) is reported and nothing is written.
public enum WriteBack {
    public struct Options: Hashable, Sendable {
        public var backup: Bool
        public var overwriteBackup: Bool
        public var force: Bool
        /// Write the policy to this file instead.
        public var outPath: String?
        /// Patch a CloudFormation JSON template in place rather than writing `<role>.trust-policy.json`.
        public var patchTemplate: Bool

        public init(backup: Bool = true, overwriteBackup: Bool = false, force: Bool = false, outPath: String? = nil,
                    patchTemplate: Bool = false) {
            self.backup = backup
            self.overwriteBackup = overwriteBackup
            self.force = force
            self.outPath = outPath
            self.patchTemplate = patchTemplate
        }
    }

    public struct Result: Hashable, Sendable {
        /// The file the policy was written to.
        public var written: String
        /// The backup written (or already present with the same contents), if any.
        public var backup: String?
        /// The AWS CLI command that applies the policy to the role, for role dumps and templates.
        public var applyCommand: String?
    }

    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// `FILE.bak`.
    public static func backupPath(for path: String) -> String { path + ".bak" }

    /// `<directory of input>/<role>.trust-policy.json`.
    public static func sidecarPath(for source: EditSource, roleIndex: Int) -> String {
        let role = source.policies[roleIndex].roleName ?? "role-\(roleIndex + 1)"
        let safe = String(role.map { $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) ? $0 : "_" })
        return AtomicFileWriter.join(AtomicFileWriter.parent(of: source.path), "\(safe).trust-policy.json")
    }

    /// A policy read from a template may name its provider the way only CloudFormation can fill in
    /// (`arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/…`, from a `Ref` or `Fn::Sub`). Written to a
    /// file for `aws iam update-assume-role-policy`, IAM would refuse that principal, so it is not written.
    static func refuseTemplatePlaceholders(in policy: TrustPolicy) throws(Failure) {
        for statement in policy.statements {
            for block in [statement.principal, statement.notPrincipal].compactMap({ $0 }) {
                guard case .entries(let entries) = block else { continue }
                for value in entries.flatMap(\.values) where value.contains("${AWS::") {
                    // The way that always works comes first: patching the template is refused in some cases (a value
                    // built from a parameter, YAML), and this message is then read next to that refusal.
                    throw Failure(message: "The policy names its provider as \(value), which only CloudFormation fills in, so aws iam update-assume-role-policy would refuse it. Give the role's 12-digit account id and region (in edit: step 3, or --account-id and --region) so the provider is written out; or, where the template can be patched, patch it in place (edit --patch-template or the write step's choice; fix --in-place).")
                }
            }
        }
    }

    /// `aws iam update-assume-role-policy --role-name <role> --policy-document file://<path>`, shell-quoted.
    public static func applyCommand(role: String, policyPath: String) -> String {
        "aws iam update-assume-role-policy --role-name \(ShellQuote.quote(role)) --policy-document \(ShellQuote.quote("file://" + policyPath))"
    }

    public static func save(_ policy: TrustPolicy, roleIndex: Int = 0, of source: EditSource,
                            options: Options = Options()) throws(Failure) -> Result {
        let text = policy.jsonText
        let role = source.policies[roleIndex].roleName
        if let out = options.outPath {
            if source.kind.isTemplate { try refuseTemplatePlaceholders(in: policy) }
            try write(text, to: out, force: options.force)
            return Result(written: out, backup: nil, applyCommand: role.map { applyCommand(role: $0, policyPath: out) })
        }
        if options.patchTemplate {
            return try patchTemplate([roleIndex: policy], of: source, options: options)
        }
        guard source.kind.rewritesInPlace else {
            try refuseTemplatePlaceholders(in: policy)
            let path = sidecarPath(for: source, roleIndex: roleIndex)
            try write(text, to: path, force: options.force)
            return Result(written: path, backup: nil,
                          applyCommand: applyCommand(role: role ?? "<role-name>", policyPath: path))
        }
        let backup = try rewriteInPlace(source, with: text, options: options)
        return Result(written: source.path, backup: backup, applyCommand: nil)
    }

    /// Patches the policies (role index → policy) into a CloudFormation JSON template in place, after the
    /// backup, all in one write; the result's command deploys the stack (the template is what applies them).
    public static func patchTemplate(_ policies: [Int: TrustPolicy], of source: EditSource,
                                     options: Options = Options(patchTemplate: true)) throws(Failure) -> Result {
        guard source.kind == .cloudFormationJSON else {
            throw Failure(message: "cannot patch \(source.path) in place: only a CloudFormation template in JSON can be patched; nothing was written.")
        }
        let bytes: [UInt8]
        switch TemplatePatch.patch(source, policies: policies) {
        case .success(let patched): bytes = patched
        case .failure(let refusal):
            throw Failure(message: "cannot patch \(source.path) in place: \(refusal.reason); nothing was written.")
        }
        let backup = try rewriteInPlace(source, with: String(decoding: bytes, as: UTF8.self), options: options)
        return Result(written: source.path, backup: backup, applyCommand: deployCommand(templatePath: source.path))
    }

    /// `aws cloudformation deploy …` for a patched template (the stack name is the user's to fill in).
    public static func deployCommand(templatePath: String) -> String {
        "aws cloudformation deploy --template-file \(ShellQuote.quote(templatePath)) --stack-name STACK-NAME --capabilities CAPABILITY_NAMED_IAM"
    }

    /// Replaces `source.path` with `text` after the backup; returns the backup path, if one was kept.
    static func rewriteInPlace(_ source: EditSource, with text: String, options: Options) throws(Failure) -> String? {
        try checkUnchanged(source)
        var backup: String?
        if options.backup {
            let path = backupPath(for: source.path)
            if let existing = FileManager.default.contents(atPath: path), Array(existing) != source.bytes, !options.overwriteBackup {
                throw Failure(message: "\(path) already exists and holds an older backup; nothing was written. Move it away, or pass --overwrite-backup to replace it (or --no-backup to save without one).")
            }
            if FileManager.default.contents(atPath: path).map({ Array($0) }) != source.bytes {
                try write(String(decoding: source.bytes, as: UTF8.self), to: path, force: true)
            }
            backup = path
        }
        try checkUnchanged(source)
        // The writer compares again right before its rename, after the new text is safely on disk: the
        // window in which another change could be lost shrinks from the whole write to one rename.
        try write(text, to: source.path, expecting: FileSnapshot(contents: source.bytes))
        return backup
    }

    /// Refuses when the file no longer holds what was read.
    static func checkUnchanged(_ source: EditSource) throws(Failure) {
        guard let now = FileManager.default.contents(atPath: source.path), Array(now) == source.bytes else {
            throw Failure(message: "\(source.path) changed on disk after it was opened (or was removed); nothing was written. Open it again to see the other change, then redo yours.")
        }
    }

    static func write(_ text: String, to path: String, expecting previous: FileSnapshot) throws(Failure) {
        let writer = AtomicFileWriter(directory: AtomicFileWriter.parent(of: path))
        do {
            try writer.write(OutputFile(relativePath: AtomicFileWriter.lastComponent(of: path), contents: text), expecting: previous)
        } catch {
            if error.kind == .changedSinceRead {
                throw Failure(message: "\(path) changed on disk after it was opened (or was removed); nothing was written. Open it again to see the other change, then redo yours.")
            }
            throw Failure(message: "cannot write \(path): \(error.reason). \(error.advice)")
        }
    }

    static func write(_ text: String, to path: String, force: Bool) throws(Failure) {
        let writer = AtomicFileWriter(directory: AtomicFileWriter.parent(of: path))
        do {
            try writer.write(OutputPlan(files: [OutputFile(relativePath: AtomicFileWriter.lastComponent(of: path), contents: text)]), force: force)
        } catch {
            throw Failure(message: "cannot write \(path): \(error.reason). \(error.advice)")
        }
    }
}
