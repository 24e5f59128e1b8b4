import Testing
@testable import OIDCWizardCore

@Suite("Strict JSON parser")
struct JSONParserTests {
    func parseError(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    func parseError(bytes: [UInt8], parser: JSONParser = JSONParser()) -> JSONParseError? {
        do {
            _ = try parser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("keeps members in order, duplicates included, and numbers as written")
    func keepsWhatWasWritten() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [true, false, null], "b": 1e400, "n": -0.50}"#)
        let members = try #require(value.objectMembers)
        #expect(members.map(\.key) == ["b", "a", "b", "n"])
        #expect(members[0].value == .number("1"))
        #expect(members[2].value == .number("1e400"))
        #expect(members[3].value == .number("-0.50"))
        #expect(members[1].value == .array([.bool(true), .bool(false), .null]))
        #expect(value["b"] == .number("1e400"))
    }

    @Test("reads escapes, including surrogate pairs, and raw UTF-8")
    func strings() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\n\t", "\u00e9\ud83d\ude00", "é😀", "\u0430cme"]"#)
        #expect(value == .array([.string("a\"b\\c/d\n\t"), .string("é😀"), .string("é😀"), .string("аcme")]))
    }

    @Test("tolerates a UTF-8 byte-order mark")
    func bom() throws {
        let value = try JSONParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
        #expect(value == .object([JSONMember("a", .number("1"))]))
    }

    @Test("an error says what was expected, with line and column")
    func errorsCarryPosition() throws {
        let error = try #require(parseError("{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}"))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.description == "line 3, column 3: expected ',' or '}' after an object member but found '\"'.")
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() throws {
        let error = try #require(parseError(#"["é😀" x]"#))
        #expect(error.column == 7)
    }

    @Test("rejects what is not strict JSON", arguments: [
        ("", "empty"),
        ("{", "end of the text"),
        (#"{"a":1,}"#, "member name"),
        ("[1,]", "expected a value"),
        ("[1 2]", "expected ',' or ']'"),
        ("{'a':1}", "member name in double quotes"),
        (#"{"a" 1}"#, "expected ':'"),
        ("[01]", "leading zeros"),
        ("[1.]", "decimal point"),
        ("[1e]", "exponent"),
        ("[+1]", "expected a value"),
        ("[True]", "lower-case"),
        ("[\"a\tb\"]", "raw control character"),
        (#"["\x"]"#, "not a JSON escape"),
        (#"["\u12"]"#, "four hex digits"),
        (#"["abc]"#, "never closed"),
        ("{} {}", "after the end"),
        ("// comment\n{}", "expected a value"),
        (#"["\u0000"]"#, "NUL"),
    ])
    func rejects(text: String, expected: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test("a lone surrogate in a \\u escape is an error, not a silent replacement", arguments: [
        #"["\ud800"]"#, #"["\ud800x"]"#, #"["\ud800\u0041"]"#, #"["\udc00"]"#,
    ])
    func loneSurrogates(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message.contains("surrogate"))
        #expect(error.column == 3)
    }

    @Test("invalid UTF-8, NUL bytes and UTF-16 are refused with their own message", arguments: [
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D] as [UInt8], "not valid UTF-8"),
        ([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], "not valid UTF-8"),   // an encoded surrogate
        ([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "not valid UTF-8"),         // an overlong '/'
        ([0x5B, 0x22, 0xE2, 0x82], "not valid UTF-8"),                     // cut short
        ([0x7B, 0x7D, 0x00], "NUL byte"),
        ([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "UTF-16"),
        ([0x7B, 0x00, 0x7D, 0x00], "UTF-16"),
    ])
    func encodings(bytes: [UInt8], expected: String) throws {
        let error = try #require(parseError(bytes: bytes))
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test("100 000 nested brackets give an error, not a stack overflow")
    func deepNesting() throws {
        let error = try #require(parseError(String(repeating: "[", count: 100_000)))
        #expect(error.message.contains("nested more than 512 levels"))
        let objects = try #require(parseError(String(repeating: #"{"a":"#, count: 100_000)))
        #expect(objects.message.contains("nested more than 512 levels"))
    }

    @Test("nesting up to the limit is fine")
    func nestingAtLimit() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONParser.parse(text)
        #expect(parseError(String(repeating: "[", count: 513) + String(repeating: "]", count: 513)) != nil)
    }

    @Test("input over the size limit is refused before parsing")
    func sizeLimit() throws {
        let parser = JSONParser(maxBytes: 16)
        let error = try #require(parseError(bytes: Array(#"{"a":"0123456789abcdef"}"#.utf8), parser: parser))
        #expect(error.message.contains("limit is 16 bytes"))
    }

    @Test("a large flat document parses completely")
    func largeDocument() throws {
        let items = (0..<50_000).map { #"{"k\#($0)":"v","n":\#($0)}"# }.joined(separator: ",")
        let value = try JSONParser.parse("[\(items)]")
        #expect(value.arrayValue?.count == 50_000)
        #expect(value.arrayValue?.last?["n"] == .number("49999"))
    }
}
