import Foundation

/// When a school gives its lessons (`lesson_hours:` in postwacht.yaml): per weekday the periods of
/// lessons (breaks left out), in the school's time zone, and the days without lessons (holidays,
/// study days). conduct.during-lessons reads it; without it the rule says nothing.
///
/// ```yaml
/// lesson_hours:
///   timezone: Europe/Amsterdam        # the default
///   werkdagen: "08:30-12:00, 12:45-15:15"
///   woensdag: "08:30-12:15"           # a day named after werkdagen replaces it
///   vrije_dagen: ["2025-10-20..2025-10-24", "2025-12-22..2026-01-02", "2026-02-09"]
/// ```
public struct LessonHours: Sendable, Equatable {
    /// The school's time zone, in which periods and days off are read.
    public var timeZone: TimeZone
    /// Per weekday as `Calendar` numbers them (1 Sunday … 7 Saturday): lesson periods in minutes since midnight.
    public var periods: [Int: [Range<Int>]]
    /// Days without lessons, as (year, month, day) in the school's time zone.
    public var daysOff: [ClosedRange<DayNumber>]

    /// A date as one comparable number: 20251020.
    public typealias DayNumber = Int

    /// Lesson hours from periods per weekday and days off.
    public init(timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!, periods: [Int: [Range<Int>]], daysOff: [ClosedRange<DayNumber>] = []) {
        self.timeZone = timeZone
        self.periods = periods
        self.daysOff = daysOff
    }

    /// Whether `date` falls in a lesson period of a school day.
    public func contains(_ date: Date) -> Bool { lessonPeriod(containing: date) != nil }

    /// The period `date` falls in, if it falls in one.
    public func lessonPeriod(containing date: Date) -> Range<Int>? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        guard let weekday = parts.weekday, let hour = parts.hour, let minute = parts.minute,
              let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        let dayNumber = year * 10_000 + month * 100 + day
        guard !daysOff.contains(where: { $0.contains(dayNumber) }) else { return nil }
        let minutes = hour * 60 + minute
        return periods[weekday]?.first { $0.contains(minutes) }
    }

    /// "dinsdag 10:42" (or "Tuesday 10:42"): when a post was placed, in the school's time zone.
    func moment(_ date: Date, language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let names = language == .nl ? Self.dutchDays : Self.englishDays
        return String(format: "%@ %02d:%02d", names[(parts.weekday ?? 1) - 1], parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "08:30–12:00"
    static func describe(_ period: Range<Int>) -> String {
        String(format: "%02d:%02d–%02d:%02d", period.lowerBound / 60, period.lowerBound % 60, period.upperBound / 60, period.upperBound % 60)
    }

    static let dutchDays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]
    static let englishDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The weekdays a key names: one day (maandag, monday, ma, mon), or the working days (werkdagen, weekdays).
    static func weekdays(named key: String) -> [Int]? {
        let name = key.lowercased()
        if ["werkdagen", "weekdagen", "weekdays", "schooldagen"].contains(name) { return [2, 3, 4, 5, 6] }
        for (index, names) in zip(dutchDays, englishDays).enumerated() {
            let dutch = names.0, english = names.1.lowercased()
            if name == dutch || name == english || name == String(dutch.prefix(2)) || name == String(english.prefix(3)) { return [index + 1] }
        }
        return nil
    }

    /// "08:30-12:00, 12:45-15:15" → periods in minutes; nil when a part is not `HH:MM-HH:MM` with start before end.
    static func periods(_ text: String) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        for part in text.split(separator: ",") {
            let ends = part.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end else { return nil }
            result.append(start..<end)
        }
        return result.isEmpty ? nil : result
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute),
              hour * 60 + minute <= 24 * 60 else { return nil }
        return hour * 60 + minute
    }

    /// "2025-10-20" or "2025-10-20..2025-10-24" → day numbers; nil when not such a date or range.
    static func daysOff(_ text: String) -> ClosedRange<DayNumber>? {
        let ends = text.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(ends.count) else { return nil }
        let numbers = ends.compactMap(dayNumber)
        guard numbers.count == ends.count, numbers[0] <= numbers[numbers.count - 1] else { return nil }
        return numbers[0]...numbers[numbers.count - 1]
    }

    private static func dayNumber(_ text: String) -> DayNumber? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return year * 10_000 + month * 100 + day
    }
}
