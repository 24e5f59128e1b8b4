import Foundation

/// The one entry point for reading trust policies from a file, whatever its shape: a bare policy
/// (JSON or URL-encoded), `aws iam get-role` / `list-roles` / `get-account-authorization-details`
/// output, or a CloudFormation template in JSON or YAML.
///
/// Never crashes and never hangs: files over `maxBytes` are refused before they are read, and the
/// JSON and YAML readers refuse absurd nesting and alias bombs. Errors name the file.
public enum PolicyInput {
    public static let maxBytes = JSONParser.defaultMaxBytes

    /// Reads the file at `path`. Errors are attributed to `path` as the user wrote it.
    public static func read(path: String) throws(InputError) -> [PolicySource] {
        let name = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: name, "no such file; check the path.")
        }
        guard !isDirectory.boolValue else {
            throw InputError(file: name, "is a directory; give the policy file inside it.")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            throw InputError(file: name, "the file is \(size) bytes; a trust policy or template over \(maxBytes / (1024 * 1024)) MiB is refused.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: name, "cannot be read (check its permissions).")
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a file that grew (or a device) still cannot exhaust memory.
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw InputError(file: name, "cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maxBytes else {
            throw InputError(file: name, "the file is larger than \(maxBytes / (1024 * 1024)) MiB and is refused.")
        }
        return try read(data: data, name: name)
    }

    /// Reads file contents already in memory (tests, the TUI). `name` is used in errors and to tell
    /// YAML (`.yaml`, `.yml`) from JSON.
    public static func read(data: Data, name: String) throws(InputError) -> [PolicySource] {
        do {
            return try readUnattributed(Array(data), name: name)
        } catch {
            throw error.inFile(name)
        }
    }

    private static func readUnattributed(_ bytes: [UInt8], name: String) throws(InputError) -> [PolicySource] {
        guard bytes.count <= maxBytes else {
            throw InputError("the file is larger than \(maxBytes / (1024 * 1024)) MiB and is refused.")
        }
        let lowerName = name.lowercased()
        let looksYAML = lowerName.hasSuffix(".yaml") || lowerName.hasSuffix(".yml")
        // A plain loop: a closure building an array literal per byte took seconds on a 10 MB file of blanks.
        var firstByte: UInt8?
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue
            default: firstByte = byte
            }
            break
        }

        guard firstByte != nil else {
            throw InputError("the file is empty; it should hold a trust policy, \"aws iam\" role output or a CloudFormation template.")
        }
        // URL-encoded policy text, as the IAM API returns it.
        if firstByte == UInt8(ascii: "%") {
            let (document, reading) = try PolicyReader.read(text: String(decoding: bytes, as: UTF8.self))
            return [PolicySource(roleName: nil, policy: reading.policy, notes: reading.notes, location: .root, document: document)]
        }

        let root: JSONValue
        if looksYAML || (firstByte != UInt8(ascii: "{") && firstByte != UInt8(ascii: "[") && firstByte != nil) {
            // The JSON checks (UTF-8, NUL, size) apply to YAML too; run them by parsing as JSON first
            // only when the text could be JSON. Otherwise validate the encoding directly.
            guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
                throw InputError("the text is not valid UTF-8 (or contains NUL bytes); save the file as UTF-8.")
            }
            if let json = try? JSONParser.parse(text) {
                root = json
            } else {
                // CloudFormation refuses templates over 1 MB, so a larger YAML file cannot be a real
                // template; refusing it up front also keeps libyaml's slow paths out of reach.
                guard bytes.count <= YAMLDocument.maxBytes else {
                    throw InputError("the YAML file is \(bytes.count) bytes; CloudFormation templates are at most 1 MB, so it is refused.")
                }
                // libyaml takes a byte-order mark inside the text for content; editors on Windows write one.
                var yaml = text
                if yaml.unicodeScalars.first == "\u{FEFF}" { yaml.unicodeScalars.removeFirst() }
                root = try YAMLDocument.parse(yaml)
            }
        } else {
            do {
                root = try JSONParser().parse(bytes)
            } catch {
                throw InputError(error.description)
            }
        }
        return try sources(in: root)
    }

    /// Recognises the shape of a parsed file and extracts its policies.
    public static func sources(in root: JSONValue) throws(InputError) -> [PolicySource] {
        guard root.objectMembers != nil else {
            throw InputError("expected a trust policy (a JSON object with \"Statement\"), but the file holds \(root.typeDescription).")
        }
        if root["Statement"] != nil {
            let reading = try PolicyReader.read(root)
            return [PolicySource(roleName: nil, policy: reading.policy, notes: reading.notes, location: .root, document: root)]
        }
        if let roles = try IAMRoleListing.sources(in: root) {
            if roles.isEmpty { throw InputError("the role listing holds no roles.") }
            return roles
        }
        if CloudFormationTemplate.isTemplate(root) {
            return try CloudFormationTemplate.sources(in: root)
        }
        throw InputError("""
            this is not a trust policy, \"aws iam\" role output or CloudFormation template \
            (none of \"Statement\", \"Role\", \"Roles\", \"RoleDetailList\" or \"Resources\" is present).
            """)
    }
}
