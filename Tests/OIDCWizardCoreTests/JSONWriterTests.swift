import Testing
@testable import OIDCWizardCore

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("escapes quotes, backslashes and control characters")
    func escapesSpecials() {
        #expect(JSONWriter.quoted("a\"b\\c\nd") == #""a\"b\\c\nd""#)
    }

    @Test("writes non-ASCII as \\u escapes so look-alikes and bidi controls stay visible")
    func escapesNonASCII() {
        #expect(JSONWriter.quoted("\u{0430}cme") == #""\u0430cme""#)
        #expect(JSONWriter.quoted("x\u{202E}y") == #""x\u202ey""#)
        #expect(JSONWriter.quoted("😀") == #""\ud83d\ude00""#)
    }

    @Test("keeps member order and duplicate keys")
    func keepsOrderAndDuplicates() {
        let value = JSONValue.object([JSONMember("b", .number("1")), JSONMember("a", .array([])), JSONMember("b", .null)])
        #expect(JSONWriter.prettyPrinted(value) == "{\n  \"b\": 1,\n  \"a\": [],\n  \"b\": null\n}\n")
    }
}
