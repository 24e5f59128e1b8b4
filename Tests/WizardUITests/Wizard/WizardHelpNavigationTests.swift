import Testing
import OIDCWizardCore
@testable import WizardUI

/// Help follows its "See also" references: Tab / Shift-Tab select a link, Enter opens it, Backspace (or Left, or
/// `b`) goes back to the topic before as it was left, Esc closes help.
@Suite("Wizard: help follows See also")
struct WizardHelpNavigationTests {
    /// The text widths help is laid out at: the 80x24 and 120x40 boxes.
    static let widths = [WizardDriving.small, WizardDriving.large].map { WizardLayout(size: $0, formRows: 0).helpTextWidth }

    /// Help for the owner field (See also: repository, immutable-ids, wildcards).
    static func ownerHelp(size: Size = WizardDriving.small) -> ProgramDriver<Wizard> {
        var driver = WizardDriving.start(size: size)
        driver.send(.function(1))
        return driver
    }

    @Test("Every See also reference of every topic is a topic, and is a link in the box at both sizes",
          arguments: HelpLibrary.topics)
    func everyReferenceResolves(topic: HelpTopic) {
        #expect(!topic.relatedTopicIDs.isEmpty, "\(topic.id) has no See also line")
        for width in Self.widths {
            let (lines, links) = HelpOverlay.layout(of: topic, width: width)
            #expect(links.map(\.topicID) == topic.relatedTopicIDs, "\(topic.id) at width \(width): a reference is not a link")
            for link in links {
                #expect(HelpLibrary.topic(link.topicID) != nil, "\(topic.id) refers to unknown topic \(link.topicID)")
                #expect(link.topicID != topic.id, "\(topic.id) refers to itself")
                let text = Array(lines[link.line].text)
                #expect(String(text[link.column..<(link.column + link.length)]) == link.topicID, "the link sits on its name")
                #expect(link.column + link.length <= width, "the link is not cut off")
            }
        }
    }

    @Test("Every field's F1 opens its own topic, in every step and for every GitHub flavour")
    func everyFieldHasItsTopic() throws {
        for flavor in SetupDraft.FlavorKind.allCases {
            for id in FieldID.allCases {
                let topicID = id.spec.helpTopic(flavor: flavor)
                #expect(HelpLibrary.topic(topicID) != nil, "\(id) (\(flavor)) opens missing topic \(topicID)")
            }
        }
        // Driven: every field of every step, as the user reaches it with Tab, opens that field's topic (not the
        // fallback the wizard shows for an unknown one).
        var seen: Set<FieldID> = []
        /// F1 on the focused field, then Esc and Tab to the next one, `count` times (while not on the review step).
        func visitFields(_ driver: inout ProgramDriver<Wizard>, count: Int, flavor: SetupDraft.FlavorKind, _ context: String) {
            for _ in 0..<count where driver.state.step != .review {
                let focus = driver.state.focus
                driver.send(.function(1))
                #expect(driver.state.help?.topicID == focus.spec.helpTopic(flavor: flavor), "F1 on \(focus)\(context)")
                driver.send(.escape)
                seen.insert(focus)
                driver.send(.tab)
            }
        }
        var driver = WizardDriving.start(SetupDraft(flavorKind: .enterpriseServer))
        visitFields(&driver, count: 40, flavor: .enterpriseServer, "")
        driver.send([.ctrl("s")])
        driver.send(.function(1))
        #expect(driver.state.help?.topicID == FieldID.outputDirectory.spec.helpTopic)
        seen.insert(.outputDirectory)
        // Where an edit saves exists only when editing: reached from an edit of a CloudFormation JSON template.
        let editOnly: Set<FieldID> = [.saveTarget, .writeWorkflow]
        #expect(seen == Set(FieldID.allCases).subtracting(editOnly), "every field of a new setup was reached")
        var (edit, _) = try WizardEditSavingTests.open(WizardEditSavingTests.template, name: "stack.json", region: "eu-west-1")
        edit.send([.ctrl("s")])
        visitFields(&edit, count: 3, flavor: .githubDotCom, " while editing")
        #expect(seen == Set(FieldID.allCases), "the edit's own fields were reached too")
    }

    @Test("Tab selects the first link and scrolls it into view; Enter opens it; Backspace comes back as it was")
    func followAndBack() throws {
        var driver = Self.ownerHelp()
        #expect(driver.state.help?.selectedLink == nil)
        #expect(driver.screen.contains("Tab See also links"))
        driver.send(.tab)
        let help = try #require(driver.state.help)
        #expect(help.selectedLink == 0)
        #expect(help.scroll.offset > 0, "the See also line is below the first screen at 80x24")
        #expect(driver.screen.contains("See also: repository, immutable-ids, wildcards"))
        #expect(driver.screen.contains("Enter opens Repository"))
        let scrolled = help.scroll.offset

        driver.send(.enter)
        #expect(driver.state.help?.topicID == "repository")
        #expect(driver.state.help?.scroll.offset == 0)
        #expect(driver.state.help?.selectedLink == nil)
        #expect(driver.state.help?.previousTopicID == "owner")
        #expect(driver.screen.contains("Help: Repository"))
        #expect(driver.screen.contains("Backspace back to Owner"))

        driver.send(.backspace)
        #expect(driver.state.help?.topicID == "owner")
        #expect(driver.state.help?.selectedLink == 0, "the link followed is still selected")
        #expect(driver.state.help?.scroll.offset == scrolled)
        #expect(driver.state.help?.previousTopicID == nil)
        #expect(driver.state.focus == .owner, "help never moved the form")
    }

    @Test("Tab and Shift-Tab cycle through the links, wrapping at both ends")
    func cycleLinks() {
        var driver = Self.ownerHelp()
        driver.send(.backTab)
        #expect(driver.state.help?.selectedLink == 2, "Shift-Tab from none selects the last")
        driver.send(.tab)
        #expect(driver.state.help?.selectedLink == 0)
        driver.send([.tab, .tab])
        #expect(driver.state.help?.selectedLink == 2)
        driver.send(.enter)
        #expect(driver.state.help?.topicID == "wildcards")
    }

    @Test("A chain of topics: Left, Alt-Left and b go back too, one topic at a time; on the first topic back rings the bell")
    func chain() {
        var driver = Self.ownerHelp()
        driver.send([.tab, .enter])                       // owner → repository
        driver.send([.tab, .tab, .enter])                 // repository → its second link
        let second = HelpLibrary.topic("repository")!.relatedTopicIDs[1]
        #expect(driver.state.help?.topicID == second)
        #expect(driver.state.help?.history.map(\.topicID) == ["owner", "repository"])
        driver.send(.left)
        #expect(driver.state.help?.topicID == "repository")
        #expect(driver.state.help?.selectedLink == 1)
        driver.send(.wordLeft)                            // Alt-Left, as in a browser
        #expect(driver.state.help?.topicID == "owner")
        _ = driver.takeBells()
        driver.send(.backspace)
        #expect(driver.takeBells() == 1)
        #expect(driver.state.help?.topicID == "owner")
        driver.send([.tab, .enter, .character("b")])
        #expect(driver.state.help?.topicID == "owner", "b goes back as well")
    }

    @Test("Esc closes help from a followed topic; Enter without a selected link closes it; Right opens like Enter")
    func closing() {
        var driver = Self.ownerHelp()
        driver.send([.tab, .right])
        #expect(driver.state.help?.topicID == "repository")
        driver.send(.escape)
        #expect(driver.state.help == nil)
        #expect(driver.state.text(.owner) == "", "nothing reached the field")
        driver.send(.function(1))
        #expect(driver.state.help?.topicID == "owner", "help opens afresh on the field's topic")
        #expect(driver.state.help?.history.isEmpty == true)
        driver.send(.enter)
        #expect(driver.state.help == nil)
    }

    @Test("Scrolling a selected link out of sight lets it go, so Enter closes instead of opening something unseen")
    func scrollingDeselects() {
        var driver = Self.ownerHelp()
        driver.send(.tab)
        #expect(driver.state.help?.selectedLink == 0)
        driver.send(.home)
        #expect(driver.state.help?.selectedLink == nil)
        driver.send(.enter)
        #expect(driver.state.help == nil)
    }

    @Test("Help after following a link, at 80x24 and 120x40", arguments: [0, 1])
    func followedSnapshot(_ index: Int) {
        let (name, size) = WizardSnapshotTests.sizes[index]
        var driver = Self.ownerHelp(size: size)
        driver.send([.tab, .tab, .enter, .tab])
        #expect(driver.state.help?.topicID == "immutable-ids")
        Golden.assertFrame(driver.frame, matches: "wizard-help-followed-\(name)", styles: true)
    }
}
