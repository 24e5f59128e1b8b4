/// Quotes a value for a POSIX shell so that it reaches the command as exactly one argument, whatever it
/// contains. Plain words stay bare so the commands read naturally.
public enum ShellQuote {
    public static func quote(_ value: String) -> String {
        let safe = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "/", ":", "=", "@", ",", "+", "-", "%": true
            default: false
            }
        }
        if safe { return value }
        return "'" + value.replacing("'", with: "'\\''") + "'"
    }
}
