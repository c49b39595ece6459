import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension MetricCommand {
    /// `tackle metric chart`: the p-chart of a project's rate against its baseline.
    struct Chart: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The p-chart of a project's monthly (or daily) defect rate against its baseline.",
            discussion: """
                The centre line p̄ is the baseline's rate (baseline defective / baseline inspected); each period \
                gets the limits p̄ ± 3·sqrt(p̄(1-p̄)/n) for its own n, the lower floored at 0 (NIST/SEMATECH \
                6.3.3.2). Flagged: a rate outside its limits, and every period from the 8th on of a run of 8 or \
                more in a row on one side of the centre (a shift down: the countermeasure worked, or the \
                measurement changed; a shift up: something broke). A rate exactly on the centre ends a run; a \
                period without figures neither ends nor extends one. The MARKS column shows the trials running \
                in the period (T3) and status changes (→on-hold).

                A month's figures are all its records, monthly or daily, summed; --daily charts the daily records \
                only. By default a monthly chart runs from the baseline's first month to the current month at the \
                plant; a daily chart covers the 90 days up to today. --from and --to take YYYY-MM (a monthly \
                chart) or YYYY-MM-DD (a daily chart, which also takes YYYY-MM for whole months); a daily chart \
                covers at most 3700 days.

                The sparkline draws one character per period, ▁ for 0 up to █ for the highest of the rates and \
                the centre (so a full block means at or above the baseline), · for a period without figures; a \
                daily chart draws one line per month, each character under its day of the month. A daily table \
                lists only the days with a signal, a status change, or a trial's first or last day; --all lists \
                every day. --json prints the whole chart.

                Examples:
                  tackle metric chart SLAB-CRACK-2026
                  tackle metric chart SLAB-CRACK-2026 --from 2026-01 --to 2026-10
                  tackle metric chart SLAB-CRACK-2026 --daily --from 2026-05 --to 2026-06 --json
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Option(
            help: ArgumentHelp(
                "The first period: YYYY-MM, or YYYY-MM-DD with --daily (default: the baseline's first month; "
                    + "with --daily, 90 days up to --to)."))
        var from: String?
        @Option(
            help: "The last period: YYYY-MM, or YYYY-MM-DD with --daily (default: this month; with --daily, today).")
        var to: String?
        @Flag(help: "One point per day (daily records only) instead of per month.")
        var daily = false
        @Flag(help: "With --daily: list every day in the table, not only the signalled and marked days.")
        var all = false
        @OptionGroup var format: JSONFlag
        @OptionGroup var plant: PlantOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let granularity: Observation.Granularity = daily ? .day : .month
            let first = try from.map { try ControlChart.Bound.parse($0, granularity: granularity, field: "--from") }
            let last = try to.map { try ControlChart.Bound.parse($0, granularity: granularity, field: "--to") }
            let today = try plant.clock().date()
            let chart = try global.withStore { store in
                try store.controlChart(of: key, granularity: granularity, from: first, to: last, today: today)
            }
            if chart.points.allSatisfy({ $0.counts == nil }) {
                Output.note(
                    daily
                        ? "note: \(key) has no daily figures in this period (monthly figures are charted without --daily)"
                        : "note: \(key) has no figures in this period")
            }
            if format.json { return try Output.json(chart) }
            Output.text(Self.text(chart, allDays: all))
        }

        /// The chart as text: header, table, sparkline, signals in words, marks.
        static func text(_ chart: ControlChart, allDays: Bool = false) -> String {
            let monthly = chart.granularity == .month
            let unit = monthly ? "month" : "day"
            var lines = [
                "\(chart.projectKey)  \(chart.title) — \(chart.metricName); centre p̄ \(Format.percent(chart.centre)) "
                    + "= baseline \(chart.baseline) (\(chart.baselinePeriod))",
                "\(monthly ? "monthly" : "daily") p-chart \(span(of: chart)); limits p̄ ± 3·sqrt(p̄(1-p̄)/n) for "
                    + "each \(unit)'s n, the lower floored at 0",
                "",
            ]
            let shown = allDays || monthly ? chart.points : chart.points.filter { isEventDay($0, of: chart) }
            if shown.isEmpty {
                lines.append("no day signalled or marked (--all lists every day)")
            } else {
                lines.append(String(table(shown, monthly: monthly).render().dropLast()))
            }
            if !monthly && !allDays && !shown.isEmpty {
                lines.append(
                    "(\(shown.count) of \(chart.points.count) days: those with a signal, a status change, "
                        + "or a trial's first or last day; --all lists every day)")
            }
            lines.append("")
            lines += sparklineLines(chart)
            lines.append("")
            lines += signalLines(chart, unit: unit)
            // Marks by day: trials from their first day, status changes on theirs.
            let marks =
                (chart.trials.map { ($0.startedOn, "\($0.label) \($0.startedOn)..\($0.endedOn)") }
                + chart.statusChanges.map { ($0.effectiveOn, "→\($0.status) \($0.effectiveOn)") })
                .enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
            if !marks.isEmpty { lines.append("Marks: " + marks.joined(separator: "; ")) }
            return lines.joined(separator: "\n") + "\n"
        }

        /// `2026-01..2026-10`, or the one period.
        static func span(of chart: ControlChart) -> String {
            guard let first = chart.points.first?.period, let last = chart.points.last?.period else { return "" }
            return first == last ? first : "\(first)..\(last)"
        }

        /// Whether a day belongs in the short daily table.
        static func isEventDay(_ point: ControlChart.Point, of chart: ControlChart) -> Bool {
            point.isSignalled || !point.statusChanges.isEmpty
                || chart.trials.contains { $0.startedOn == point.firstDay || $0.endedOn == point.firstDay }
        }

        static func table(_ points: [ControlChart.Point], monthly: Bool) -> TextTable {
            var table = TextTable(columns: [
                .init("PERIOD"), .init("DEFECTIVE/INSPECTED", alignment: .right), .init("RATE", alignment: .right),
                .init("LCL", alignment: .right), .init("UCL", alignment: .right), .init("SIGNAL"),
                .init("MARKS", maxWidth: 40),
            ])
            for point in points {
                let signals = point.signals.map { signal -> String in
                    let length = point.run.map { " (\($0.length))" } ?? ""
                    switch signal {
                    case .aboveUpperLimit: return "above UCL"
                    case .belowLowerLimit: return "below LCL"
                    case .shiftUp: return "shift up" + length
                    case .shiftDown: return "shift down" + length
                    }
                }
                let changes = point.statusChanges.map { change in
                    "→\(change.status)" + (monthly ? " \(change.effectiveOn.description.dropFirst(5))" : "")
                }
                table.append([
                    point.period, point.counts?.description ?? "-", point.rate.map { Format.percent($0) } ?? "-",
                    point.limits.map { Format.percent($0.lower) } ?? "-",
                    point.limits.map { Format.percent($0.upper) } ?? "-", signals.joined(separator: ", "),
                    (point.trials + changes).joined(separator: " "),
                ])
            }
            return table
        }

        /// The rates as a sparkline: one line for a monthly chart, one line per month for a daily one.
        static func sparklineLines(_ chart: ControlChart) -> [String] {
            let rates = chart.points.map(\.rate)
            let sparkline = Sparkline(scaling: rates, reference: chart.centre)
            let scale =
                "▁ 0 to █ \(Format.percent(sparkline.top)) (the highest of the rates and the centre); · no figures"
            guard chart.granularity == .day else {
                return ["trend  \(sparkline.render(rates))  \(scale)"]
            }
            var lines = ["trend, a character a day under its day of the month: \(scale)"]
            var month: Month?
            var line = ""
            for point in chart.points {
                if point.firstDay.monthOfYear != month {
                    if let month { lines.append("  \(month)  \(line)") }
                    month = point.firstDay.monthOfYear
                    line = String(repeating: " ", count: point.firstDay.day - 1)
                }
                line.append(sparkline.character(for: point.rate))
            }
            if let month { lines.append("  \(month)  \(line)") }
            return lines
        }

        /// The signals in words, oldest first; a run's signalled periods summed up in one line.
        static func signalLines(_ chart: ControlChart, unit: String) -> [String] {
            var items: [(index: Int, text: String)] = []
            var run: (start: Int, end: Int)?
            let points = chart.points
            func closeRun() {
                guard let (start, end) = run, let first = points[start].run, let last = points[end].run else { return }
                let side = first.side == .below ? "below" : "above"
                let meaning =
                    first.side == .below
                    ? "a shift down (the countermeasure worked, or the measurement changed)"
                    : "a shift up (something broke, or the measurement changed)"
                let which =
                    start == end
                    ? "\(points[start].period): \(ordinal(first.length)) \(unit) in a row \(side) the centre"
                    : "\(points[start].period)..\(points[end].period): \(unit)s \(first.length) to \(last.length) "
                        + "in a row \(side) the centre"
                items.append((start, "\(which): \(meaning)"))
                run = nil
            }
            for (index, point) in points.enumerated() {
                guard let rate = point.rate, let limits = point.limits else { continue }
                let rateText = Format.percent(rate)
                if point.signals.contains(.aboveUpperLimit) {
                    let upper = Format.percent(limits.upper)
                    items.append((index, "\(point.period): above the upper limit (\(rateText) > \(upper))"))
                }
                if point.signals.contains(.belowLowerLimit) {
                    let lower = Format.percent(limits.lower)
                    items.append((index, "\(point.period): below the lower limit (\(rateText) < \(lower))"))
                }
                if point.signals.contains(.shiftUp) || point.signals.contains(.shiftDown) {
                    // The next period of the same run extends the line; any other starts a new one.
                    if let (start, end) = run, points[end].run?.side == point.run?.side,
                        (points[end].run?.length ?? 0) + 1 == point.run?.length
                    {
                        run = (start, index)
                    } else {
                        closeRun()
                        run = (index, index)
                    }
                } else {
                    closeRun()
                }
            }
            closeRun()
            guard !items.isEmpty else {
                return ["Signals: none (no \(unit) outside its limits, no run of \(ControlChart.runRule) on one side)"]
            }
            // Stable: a run's line sorts by its first period, before that period's limit signal.
            let ordered = items.enumerated().sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }
            return ["Signals:"] + ordered.map { "  " + $0.element.text }
        }

        /// `1st`, `2nd`, `8th`, `11th`, `21st`.
        static func ordinal(_ number: Int) -> String {
            let tens = number % 100
            if (11...13).contains(tens) { return "\(number)th" }
            switch number % 10 {
            case 1: return "\(number)st"
            case 2: return "\(number)nd"
            case 3: return "\(number)rd"
            default: return "\(number)th"
            }
        }
    }
}
