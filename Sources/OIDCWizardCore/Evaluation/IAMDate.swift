/// Dates as the Date* operators read them: ISO 8601 (`2026-07-15`, `2026-07-15T12:00:00Z`,
/// `2026-07-15T12:00:00.5+02:00`) or seconds since the epoch (`1784073600`).
enum IAMDate {
    static func secondsSinceEpoch(_ raw: String) -> Double? {
        let text = raw.trimmingSpaces
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { return Double(text) }
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                value = value * 10 + Int(s[k] - 48)
            }
            i += digits
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < s.count, s[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        guard i < s.count else { return seconds }
        guard expect(84) || expect(116), let hour = number(2), hour < 24, expect(58), let minute = number(2),
              minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if expect(58) {
            guard let second = number(2), second < 61 else { return nil }
            seconds += Double(second)
            if expect(46) {
                var scale = 0.1
                var any = false
                while i < s.count, s[i] >= 48, s[i] <= 57 {
                    seconds += Double(s[i] - 48) * scale
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { return nil }
            }
        }
        if i == s.count { return seconds } // no zone: read as UTC, as IAM does
        if expect(90) || expect(122) { return i == s.count ? seconds : nil }
        let sign: Double
        if expect(43) { sign = 1 } else if expect(45) { sign = -1 } else { return nil }
        guard let zoneHour = number(2), zoneHour < 24 else { return nil }
        _ = expect(58)
        guard let zoneMinute = number(2), zoneMinute < 60, i == s.count else { return nil }
        return seconds - sign * Double(zoneHour * 3600 + zoneMinute * 60)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
