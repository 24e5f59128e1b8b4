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
}
