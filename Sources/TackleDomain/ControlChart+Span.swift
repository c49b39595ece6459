extension ControlChart {
    /// One end of a chart's span as a user gives it: a month, or for a daily chart also a day.
    public enum Bound: Sendable, Hashable, CustomStringConvertible {
        case month(Month)
        case day(LocalDate)

        /// Reads `YYYY-MM`, or for a daily chart also `YYYY-MM-DD`.
        ///
        /// - Parameters:
        ///   - text: The bound as typed.
        ///   - granularity: The chart's periods: a monthly chart takes months only.
        ///   - field: The input's name for the error message.
        /// - Throws: ``DomainError`` naming `field` and the forms it takes.
        public static func parse(
            _ text: String, granularity: Observation.Granularity, field: String
        ) throws(DomainError) -> Bound {
            let dashes = text.trimmingSpaces.filter { $0 == "-" }.count
            switch granularity {
            case .month:
                guard dashes != 2 else {
                    throw DomainError(
                        .invalidFormat, field: field,
                        message: "'\(text)' is not a month; write YYYY-MM (days are for a daily chart)")
                }
                return .month(try Month.parse(text, field: field))
            case .day:
                if dashes == 2 { return .day(try LocalDate.parse(text, field: field)) }
                do throws(DomainError) {
                    return .month(try Month.parse(text))
                } catch {
                    throw DomainError(
                        .invalidFormat, field: field,
                        message: "'\(text)' is neither a day nor a month; write YYYY-MM-DD or YYYY-MM")
                }
            }
        }

        /// `2026-05` or `2026-05-14`.
        public var description: String {
            switch self {
            case .month(let month): month.description
            case .day(let day): day.description
            }
        }
    }

    /// The most days a daily chart covers: about ten years.
    public static let maximumDays = 3_700
    /// The most months a monthly chart covers: a hundred years.
    public static let maximumMonths = 1_200
    /// The days a daily chart covers when no start is given: the last 90 days up to its end.
    public static let defaultDays = 90

    /// The first days of a chart's first and last periods, from the bounds given and the defaults.
    ///
    /// A monthly chart runs from the baseline period's first month to the current month; a daily
    /// chart covers the ``defaultDays`` days up to today. A month given as a daily chart's bound
    /// means the whole month: from its first day, to its last day.
    ///
    /// - Parameters:
    ///   - granularity: Months or days.
    ///   - from: The first period given, or `nil` for the default.
    ///   - to: The last period given, or `nil` for the default.
    ///   - baselinePeriod: The project's baseline period.
    ///   - today: Today at the plant.
    /// - Returns: The first day of the first period and the first day of the last period.
    /// - Throws: ``DomainError`` naming `to` when the chart would end before it starts (`from`
    ///   when only the start was given), or `from` when it would cover more than
    ///   ``maximumDays`` days or ``maximumMonths`` months.
    public static func span(
        granularity: Observation.Granularity, from: Bound?, to: Bound?, baselinePeriod: MonthRange, today: LocalDate
    ) throws(DomainError) -> (first: LocalDate, last: LocalDate) {
        let first: LocalDate
        let last: LocalDate
        switch granularity {
        case .month:
            last = to.map(Self.month(of:))?.firstDay ?? today.monthOfYear.firstDay
            first = from.map(Self.month(of:))?.firstDay ?? baselinePeriod.first.firstDay
        case .day:
            last =
                switch to {
                case .day(let day): day
                case .month(let month): month.lastDay
                case nil: today
                }
            first =
                switch from {
                case .day(let day): day
                case .month(let month): month.firstDay
                case nil: last.adding(days: 1 - defaultDays)
                }
        }
        let text = { (day: LocalDate) in granularity == .month ? day.monthOfYear.description : day.description }
        guard first <= last else {
            switch (from, to) {
            case (let from?, let to?):
                throw DomainError(
                    .invalidValue, field: "to", message: "\(to) is before \(from), where the chart starts")
            case (nil, let to?):
                throw DomainError(
                    .invalidValue, field: "to",
                    message: "\(to) is before \(text(first)), where the chart starts by default "
                        + "(the baseline's first month); give the start as well")
            case (let from?, nil):
                throw DomainError(
                    .invalidValue, field: "from",
                    message: "\(from) is after \(text(last)), where the chart ends by default "
                        + "(today at the plant); give the end as well")
            case (nil, nil):
                throw DomainError(
                    .invalidValue, field: "from",
                    message: "the baseline period starts (\(text(first))) after today's period (\(text(last))); "
                        + "give the start and the end")
            }
        }
        switch granularity {
        case .month:
            let months = first.monthOfYear.months(until: last.monthOfYear) + 1
            guard months <= maximumMonths else {
                throw DomainError(
                    .outOfRange, field: "from",
                    message: "\(text(first))..\(text(last)) is \(months) months; a monthly chart covers at most "
                        + "\(maximumMonths)")
            }
        case .day:
            let days = first.days(until: last) + 1
            guard days <= maximumDays else {
                throw DomainError(
                    .outOfRange, field: "from",
                    message: "\(first)..\(last) is \(days) days; a daily chart covers at most \(maximumDays) "
                        + "(about ten years): chart a shorter period, or monthly")
            }
        }
        return (first, last)
    }

    /// The month a bound names or falls in.
    private static func month(of bound: Bound) -> Month {
        switch bound {
        case .month(let month): month
        case .day(let day): day.monthOfYear
        }
    }
}
