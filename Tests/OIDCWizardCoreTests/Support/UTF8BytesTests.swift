import Testing
@testable import OIDCWizardCore

/// Reading UTF-8 in place must answer exactly what the string views answer.
@Suite("Bytes read in place")
struct UTF8BytesTests {
    @Test("a text is ASCII exactly when no byte is 0x80 or above, wherever the first such byte sits")
    func asciiCheck() {
        for length in 0...24 {
            let ascii = String(repeating: "x", count: length)
            #expect(Array(ascii.utf8).withUnsafeBufferPointer(UTF8Bytes.isASCII))
            for position in 0..<length {
                var bytes = Array(ascii.utf8)
                bytes[position] = 0x80
                #expect(!bytes.withUnsafeBufferPointer(UTF8Bytes.isASCII), "byte \(position) of \(length)")
            }
        }
    }

    @Test("a text is printable ASCII exactly when every byte is 0x20 to 0x7E, and its printable prefix ends at the first that is not")
    func printableCheck() {
        for length in 0...19 {
            let printable = Array(String(repeating: "~ ", count: 10).utf8.prefix(length))
            #expect(printable.withUnsafeBufferPointer(UTF8Bytes.isPrintableASCII))
            for position in 0..<length {
                for value in UInt8.min...UInt8.max {
                    var bytes = printable
                    bytes[position] = value
                    let expected = value >= 0x20 && value <= 0x7E
                    #expect(bytes.withUnsafeBufferPointer(UTF8Bytes.isPrintableASCII) == expected, "byte \(value) at \(position) of \(length)")
                    for limit in [position, position + 1, length + 3] {
                        let prefix = bytes.withUnsafeBufferPointer { UTF8Bytes.printableASCIIPrefix($0, upTo: limit) }
                        #expect(prefix == (expected ? min(limit, length) : min(limit, position)), "prefix up to \(limit)")
                    }
                }
            }
        }
    }
}
