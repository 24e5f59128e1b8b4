import Foundation
import OIDCWizardCore
import WizardUI
import TerminalBackend

// Measures what a person feels in the wizard (build with `swift run -c release oidc-wizard-bench`):
// - per keystroke: update (resolve the setup, generate the policy, run every rule and every scenario) plus
//   rendering a frame, at 200x60 and at 80x24;
// - update alone and render alone at 200x60;
// - start to first frame: building the wizard from command-line options and rendering once.
// Reported as median and 95th percentile over many iterations.

let clock = ContinuousClock()

func microseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
}

struct Stats {
    var median: Double
    var p95: Double
    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        median = sorted[sorted.count / 2]
        p95 = sorted[min(sorted.count - 1, sorted.count * 95 / 100)]
    }
}

/// A realistic pre-filled setup: the owner field has focus, so typing changes the repository owner and every
/// keystroke regenerates the policy, re-runs the rules and the scenarios.
let draft = SetupDraft(repositories: ["acme/app", "acme/web"], branches: ["main", "release/*"], tags: ["v*"],
                       environments: ["production"], pullRequests: true,
                       extraClaims: ["job_workflow_ref=acme/ci/.github/workflows/deploy.yml@refs/heads/main"],
                       region: "eu-central-1", accountID: "123456789012", roleName: "deploy")

/// Typing and erasing in the owner field: "acme" → "acmex" → "acme" → "acme*" (a critical finding) → "acme".
let typingKeys: [Key] = [.character("x"), .backspace, .character("*"), .backspace]

/// `pause`: idle time before each keystroke (not measured), as between a person's keystrokes; without it the
/// keystrokes come back to back, which keeps the first core busy and makes the second slow to join in.
///
/// `busy`: spend the pause spinning on the clock instead of asleep, so that the CPU never goes idle (to tell the
/// cost of a CPU coming back from idle apart from the rest).
func measureKeystrokes(size: Size, iterations: Int, keys: [Key] = typingKeys, pause: UInt32 = 0, busy: Bool = false) -> Stats {
    timeKeystrokes(size: size, iterations: iterations, keys: keys, pause: pause, busy: busy, on: nil).whole
}

/// Keystrokes as a person at the terminal waits for them: `measureKeystrokes`, then the ncurses backend sending the
/// cells that changed and working out the terminal's update, as the wizard's loop does (written to /dev/null, so
/// no terminal emulator's time is counted). Returns the whole and the drawing alone.
func measureKeystrokesOnTerminal(size: Size, iterations: Int, pause: UInt32 = 0) -> (whole: Stats, drawing: Stats) {
    setlocale(LC_ALL, "C.UTF-8")  // as the wizard's own locale would be on a UTF-8 terminal
    guard let session = try? TerminalSession.headless(size: size) else { fatalError("ncurses could not open a headless screen") }
    defer { session.close() }
    let times = timeKeystrokes(size: size, iterations: iterations, keys: typingKeys, pause: pause, busy: false, on: session)
    return (times.whole, times.drawing!)
}

/// Both of the above: each keystroke sent to the wizard and, with a `session`, its frame drawn through it (the
/// drawing is then part of the whole, and timed on its own too). 200 keystrokes first, untimed, to warm up.
func timeKeystrokes(size: Size, iterations: Int, keys: [Key], pause: UInt32, busy: Bool,
                    on session: TerminalSession?) -> (whole: Stats, drawing: Stats?) {
    var driver = ProgramDriver(program: Wizard(draft: draft), size: size)
    for i in 0..<200 {
        driver.send(keys[i % keys.count])
        session?.draw(driver.frame)
    }
    var whole: [Double] = [], drawing: [Double] = []
    whole.reserveCapacity(iterations)
    drawing.reserveCapacity(session == nil ? 0 : iterations)
    // Like the ncurses backend, keep the frame last shown (it sends only the cells that changed); with a session,
    // the session keeps it.
    var shown = driver.frame
    for i in 0..<iterations {
        if pause > 0 {
            if busy {
                let until = clock.now + .microseconds(Int(pause))
                while clock.now < until {}
            } else {
                usleep(pause)
            }
        }
        let start = clock.now
        driver.send(keys[i % keys.count])
        if let session {
            let middle = clock.now
            session.draw(driver.frame)
            drawing.append(microseconds(clock.now - middle))
        }
        whole.append(microseconds(clock.now - start))
        shown = driver.frame
    }
    precondition(shown.size == size)
    return (Stats(whole), session == nil ? nil : Stats(drawing))
}

func measureParts(size: Size, iterations: Int) -> (update: Stats, render: Stats) {
    var wizard = Wizard(draft: draft)
    _ = wizard.update(.resized(size))
    var frame = Frame(size: size)
    var updates: [Double] = []
    var renders: [Double] = []
    for i in 0..<iterations {
        let start = clock.now
        _ = wizard.update(.key(typingKeys[i % typingKeys.count]))
        let middle = clock.now
        frame.clear()
        wizard.render(into: &frame)
        let end = clock.now
        updates.append(microseconds(middle - start))
        renders.append(microseconds(end - middle))
    }
    return (Stats(updates), Stats(renders))
}

func measureStart(iterations: Int) -> Stats {
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = clock.now
        let driver = ProgramDriver(program: Wizard(draft: draft), size: Size(width: 200, height: 60))
        samples.append(microseconds(clock.now - start))
        precondition(driver.frame.size.width == 200)
    }
    return Stats(samples)
}

func row(_ name: String, _ stats: Stats) {
    let label = name.padding(toLength: 52, withPad: " ", startingAt: 0)
    print("\(label) \(format(stats.median).leftPad(10)) \(format(stats.p95).leftPad(10))")
}

func format(_ microseconds: Double) -> String {
    let tenths = Int((microseconds * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) µs"
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

let iterations = 2000

// `oidc-wizard-bench --profile N [--literal] [--pause µs [--busy]]`: only N keystrokes at 200x60, for `perf record`.
if let flag = CommandLine.arguments.firstIndex(of: "--profile"), flag + 1 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[flag + 1]) {
    // --literal: only "acme" → "acmex" → "acme", never the wildcard's critical finding.
    let typed: [Key] = CommandLine.arguments.contains("--literal") ? [.character("x"), .backspace] : typingKeys
    let pause = CommandLine.arguments.firstIndex(of: "--pause").flatMap { $0 + 1 < CommandLine.arguments.count ? UInt32(CommandLine.arguments[$0 + 1]) : nil } ?? 0
    let stats = measureKeystrokes(size: Size(width: 200, height: 60), iterations: count, keys: typed, pause: pause,
                                  busy: CommandLine.arguments.contains("--busy"))
    row("keystroke 200x60 (update + render)", stats)
    exit(0)
}

// `oidc-wizard-bench --profile-core N [--analysis | --table]`: only the core's analysis and scenario table, N times,
// for `perf record` or `valgrind --tool=callgrind` (instruction counts do not depend on the machine's load).
if let flag = CommandLine.arguments.firstIndex(of: "--profile-core"), flag + 1 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[flag + 1]) {
    let setup = draft.resolve().setup!
    let policy = TrustPolicyGenerator.policy(for: setup)
    let intent = PolicyIntent(setup: setup)
    // --analysis / --table: only that half of the wizard's update (the table with the short reasons it shows).
    let analysis = !CommandLine.arguments.contains("--table")
    let table = !CommandLine.arguments.contains("--analysis")
    var sink = 0
    for _ in 0..<count {
        let compiled = CompiledPolicy(policy)
        if analysis { sink &+= PolicyAnalyzer.analyze(compiled, context: AnalysisContext(intent: intent)).count }
        if table {
            sink &+= ScenarioBuilder.scenarios(for: compiled, intent: intent)
                .reduce(0) { $0 + ($1.ruling.isAllowed && !$1.isSurprise ? 0 : $1.briefReason.utf8.count) }
        }
    }
    print(sink)
    exit(0)
}

// `oidc-wizard-bench --profile-render N`: only rendering the same state N times at 200x60, for `perf record`.
if let flag = CommandLine.arguments.firstIndex(of: "--profile-render"), flag + 1 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[flag + 1]) {
    var wizard = Wizard(draft: draft)
    _ = wizard.update(.resized(Size(width: 200, height: 60)))
    var frame = Frame(size: Size(width: 200, height: 60))
    var samples: [Double] = []
    for _ in 0..<count {
        let start = clock.now
        frame.clear()
        wizard.render(into: &frame)
        samples.append(microseconds(clock.now - start))
    }
    row("render 200x60", Stats(samples))
    exit(0)
}

// `oidc-wizard-bench --profile-terminal N [--pause µs]`: N keystrokes at 200x60 with the ncurses drawing.
if let flag = CommandLine.arguments.firstIndex(of: "--profile-terminal"), flag + 1 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[flag + 1]) {
    let pause = CommandLine.arguments.firstIndex(of: "--pause").flatMap { $0 + 1 < CommandLine.arguments.count ? UInt32(CommandLine.arguments[$0 + 1]) : nil } ?? 0
    let (whole, terminal) = measureKeystrokesOnTerminal(size: Size(width: 200, height: 60), iterations: count, pause: pause)
    row("keystroke 200x60 with ncurses drawing", whole)
    row("  the ncurses drawing", terminal)
    exit(0)
}

// `oidc-wizard-bench --large`: only the large-input rows.
if CommandLine.arguments.contains("--large") {
    LargeInputBenchmark.run()
    exit(0)
}

print("oidc-wizard-bench: \(iterations) keystrokes per row (typing in the owner field of a full setup)")
print("\("".padding(toLength: 52, withPad: " ", startingAt: 0)) \("median".leftPad(10)) \("p95".leftPad(10))")
let wide = Size(width: 200, height: 60)
// At a person's pace: 5 ms of idle time before each keystroke (a fast typist leaves 50 ms or more).
let pace: UInt32 = 5_000
let paced = iterations / 4
row("keystroke 200x60 (update + render), typing pace", measureKeystrokes(size: wide, iterations: paced, pause: pace))
row("  letters only (no wildcard, no critical)", measureKeystrokes(size: wide, iterations: paced, keys: [.character("x"), .backspace], pause: pace))
row("  a wildcard typed and erased (critical)", measureKeystrokes(size: wide, iterations: paced, keys: [.character("*"), .backspace], pause: pace))
row("keystroke 80x24 (update + render), typing pace", measureKeystrokes(size: Size(width: 80, height: 24), iterations: paced, pause: pace))
let onTerminal = measureKeystrokesOnTerminal(size: wide, iterations: paced, pause: pace)
row("keystroke 200x60 with ncurses drawing, typing pace", onTerminal.whole)
row("  the ncurses drawing alone (to /dev/null)", onTerminal.drawing)
row("keystroke 200x60, back to back (no pause)", measureKeystrokes(size: wide, iterations: iterations))
row("  letters only, back to back", measureKeystrokes(size: wide, iterations: iterations, keys: [.character("x"), .backspace]))
let parts = measureParts(size: wide, iterations: iterations)
row("  update alone (resolve+generate+rules+scenarios)", parts.update)
row("  render alone 200x60", parts.render)
row("start to first frame 200x60", measureStart(iterations: 50))

// Where an update's time goes (the core's parts, on the same setup).
func measureCore(iterations: Int) {
    var resolve: [Double] = [], generate: [Double] = [], analyze: [Double] = [], scenarios: [Double] = []
    for _ in 0..<iterations {
        let t0 = clock.now
        let setup = draft.resolve().setup!
        let t1 = clock.now
        let policy = TrustPolicyGenerator.policy(for: setup)
        let t2 = clock.now
        let findings = PolicyAnalyzer.analyze(policy, context: AnalysisContext(intent: PolicyIntent(setup: setup)))
        let t3 = clock.now
        let rows = ScenarioBuilder.scenarios(for: policy, intent: PolicyIntent(setup: setup))
        let t4 = clock.now
        precondition(findings.count >= 0 && rows.count >= 0)
        resolve.append(microseconds(t1 - t0))
        generate.append(microseconds(t2 - t1))
        analyze.append(microseconds(t3 - t2))
        scenarios.append(microseconds(t4 - t3))
    }
    row("  core: resolve", Stats(resolve))
    row("  core: generate", Stats(generate))
    row("  core: analyze (every rule)", Stats(analyze))
    row("  core: scenarios", Stats(scenarios))
    var files: [Double] = []
    let setup = draft.resolve().setup!
    for _ in 0..<iterations {
        let t0 = clock.now
        let plan = GeneratedFiles.plan(for: setup)
        let steps = NextSteps.steps(for: setup, policyPath: "trust-policy.json")
        files.append(microseconds(clock.now - t0))
        precondition(!plan.files.isEmpty && !steps.isEmpty)
    }
    row("  core: files to write + next steps", Stats(files))
}
measureCore(iterations: 200)

// The analysis and scenario helpers' own benchmarks (their rule-by-rule and row-by-row figures).
print("")
AnalysisBenchmark.run()
ScenarioBenchmark.run()
LargeInputBenchmark.run()
