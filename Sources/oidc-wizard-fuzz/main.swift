import Foundation

// Two ways to run the same check (PolicyReaderFuzzing.check):
//
// - Built with `-sanitize=fuzzer,address -DFUZZING` (see .ci/run): libFuzzer calls
//   LLVMFuzzerTestOneInput with mutated inputs. Its own `main` cannot be used because SwiftPM always gives
//   an executable target a `main`, so this `main` hands control to libFuzzer's driver instead, with the
//   command line unchanged (-max_total_time, corpus directories, … all work as documented).
// - Built normally (`swift build`): replays files and directories given on the command line (default:
//   Resources/examples) through the check, so the target always builds and a crashing input found by the
//   fuzzer can be re-run under the debugger: `swift run oidc-wizard-fuzz crash-…`.

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    PolicyReaderFuzzing.check(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

#if FUZZING
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzCallback) -> Int32

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
#else
let arguments = Array(CommandLine.arguments.dropFirst())
let roots = arguments.isEmpty ? ["Resources/examples"] : arguments
var files: [String] = []
for root in roots {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
        FileHandle.standardError.write(Data("oidc-wizard-fuzz: \(root): no such file or directory.\n".utf8))
        exit(2)
    }
    if isDirectory.boolValue {
        let entries = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        files += entries.sorted().map { root + "/" + $0 }.filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
        }
    } else {
        files.append(root)
    }
}
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else { continue }
    data.withUnsafeBytes { PolicyReaderFuzzing.check($0) }
}
print("Replayed \(files.count) input(s) through the policy reader check; no crash.")
#endif
