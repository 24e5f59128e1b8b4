import Testing
@testable import WizardUI

@Suite("Running a program headless: keys in, effects out, frames rendered")
struct ProgramDriverTests {
    @Test("The program learns its size before the first frame, and renders at that size")
    func start() {
        let driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        #expect(driver.program.size == Size(width: 40, height: 10))
        #expect(driver.program.name.visibleWidth == 34)
        #expect(driver.frame.size == Size(width: 40, height: 10))
        #expect(driver.frame.cursor == Position(x: 6, y: 1), "the name field has focus")
    }

    @Test("Typed keys edit the focused field and appear in the next frame")
    func typing() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        driver.type("Ada Lovelace")
        driver.send([.ctrl("w"), .backspace])
        #expect(driver.program.name.text == "Ada")
        #expect(driver.frame.line(1) == "Name: Ada")
        #expect(driver.frame.cursor == Position(x: 9, y: 1))
    }

    @Test("A command is performed by the app and its answer comes back to the program")
    func commandsAndMessages() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        var performed: [DemoProgram.Command] = []
        driver.type("ada")
        driver.send([.tab, .down, .down, .enter]) { command in
            performed.append(command)
            return .saved(path: "out/ada.json")
        }
        #expect(performed == [.save(name: "ada", region: "eu-west-1")])
        #expect(driver.frame.line(9) == "Saved to out/ada.json")
        #expect(driver.frame[0, 9].style.foreground == .ok)
        #expect(driver.exitCode == nil)
    }

    @Test("A failing command is reported by the app as a message, or thrown out of the loop")
    func failures() throws {
        struct DiskFull: Error {}
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        driver.send([.tab, .enter]) { _ in .failed("The disk is full; free some space and press Enter again.") }
        #expect(driver.frame.line(9) == "The disk is full; free some space and p…")
        #expect(throws: DiskFull.self) {
            try driver.send(.enter) { _ in throw DiskFull() }
        }
    }

    @Test("Quitting stops the loop: later keys are ignored")
    func quitting() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        driver.send([.escape] + Key.typing("ignored"))
        #expect(driver.exitCode == 0)
        #expect(driver.program.name.text == "")
    }

    @Test("Keys the program does not use ring the bell once each")
    func bells() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        driver.send([.tab, .left, .right])
        #expect(driver.takeBells() == 2)
        #expect(driver.takeBells() == 0)
    }

    @Test("Below the minimum size the too-small screen replaces the program, and it comes back on resize")
    func tooSmall() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        driver.type("ada")
        driver.resize(to: Size(width: 24, height: 6))
        #expect(driver.isTooSmall)
        #expect(driver.frame.lines.contains { $0.contains("Terminal too small") })
        #expect(driver.frame.lines.joined(separator: " ").contains("24×6"))
        driver.type("xyz")
        #expect(driver.program.name.text == "ada", "keys are not delivered to a screen the user cannot see")
        driver.resize(to: Size(width: 40, height: 10))
        #expect(driver.frame.line(1) == "Name: ada")
    }

    @Test("Ctrl-C on the too-small screen quits as an interrupt")
    func tooSmallInterrupt() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 10, height: 4))
        driver.send(.interrupt)
        #expect(driver.exitCode == TooSmallScreen.interruptExitCode)
    }

    @Test("Whole screen: the demo after typing and moving to the list, in Unicode")
    func snapshotUnicode() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 40, height: 10))
        driver.type("Ada 漢字")
        driver.send([.tab, .down])
        Golden.assertFrame(driver.frame, matches: "demo-40x10-unicode", styles: true)
    }

    @Test("Whole screen: the same state in ASCII glyphs, with a list that scrolls")
    func snapshotASCII() {
        var driver = ProgramDriver(program: DemoProgram(), size: Size(width: 30, height: 8), glyphs: .ascii)
        driver.type("Ada")
        driver.send([.tab, .end])
        Golden.assertFrame(driver.frame, matches: "demo-30x8-ascii")
    }

    @Test("Whole screen: the too-small message at 24x6")
    func snapshotTooSmall() {
        let driver = ProgramDriver(program: DemoProgram(), size: Size(width: 24, height: 6))
        Golden.assertFrame(driver.frame, matches: "too-small-24x6", styles: true)
    }
}
