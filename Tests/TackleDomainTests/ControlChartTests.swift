import FoundationEssentials
import Testing

@testable import TackleDomain

/// The p-chart of a project's rate against its baseline, 48/1500 = 3.20 % over 2026-01..2026-03.
///
/// Reference limits: NIST/SEMATECH e-Handbook 6.3.3.2, p̄ ± 3·sqrt(p̄(1-p̄)/n) with the lower limit
/// floored at 0, computed independently with Python 3.12 `p = 48/1500; s = 3 * math.sqrt(p * (1 - p) / n);
/// (max(0, p - s), min(1, p + s))`.
@Suite("Control chart")
struct ControlChartTests {
    static let baseline = try! Proportion(defective: 48, inspected: 1500)
    static let baselinePeriod = try! MonthRange.parse("2026-01..2026-03")

    static func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    static func chart(
        _ counts: [Proportion?], granularity: Observation.Granularity = .month, start: String = "2026-01-01",
        trials: [ControlChart.TrialSpan] = [], statusChanges: [ControlChart.StatusChange] = []
    ) throws -> ControlChart {
        let first = day(start)
        let samples = counts.enumerated().map { index, counts in
            ControlChart.Sample(
                firstDay: granularity == .month
                    ? first.monthOfYear.adding(months: index).firstDay : first.adding(days: index),
                counts: counts)
        }
        return try ControlChart(
            projectKey: "SLAB-CRACK-2026", title: "板坯纵裂攻关", metricName: "longitudinal crack rate",
            baseline: baseline, baselinePeriod: baselinePeriod, granularity: granularity, samples: samples,
            trials: trials, statusChanges: statusChanges)
    }

    static func counts(_ defective: Int, of inspected: Int) -> Proportion {
        try! Proportion(defective: defective, inspected: inspected)
    }

    /// Six months of very different sizes: on the centre, below it, small, below the lower limit,
    /// tiny (lower limit floored at 0), above the upper limit.
    static let months = [
        counts(16, of: 500), counts(30, of: 1450), counts(2, of: 300), counts(10, of: 2000), counts(5, of: 120),
        counts(60, of: 1000),
    ]

    @Test("the centre is the baseline's rate, not the rate of the charted months")
    func centre() throws {
        let chart = try Self.chart(Self.months)
        #expect(chart.centre == 48.0 / 1500)
        #expect(chart.baseline == Self.baseline)
        #expect(chart.points.map(\.period) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        #expect(chart.points[1].firstDay == Self.day("2026-02-01") && chart.points[1].lastDay == Self.day("2026-02-28"))
    }

    @Test(
        "limits are p̄ ± 3·sqrt(p̄(1-p̄)/n) for each month's own n, the lower floored at 0 (NIST 6.3.3.2)",
        arguments: [
            (0, 0.008_387_122_157_602_22, 0.055_612_877_842_397_78),  // n = 500
            (1, 0.018_134_040_690_013_3, 0.045_865_959_309_986_7),  // n = 1450
            (2, 0.001_515_905_786_787_758, 0.062_484_094_213_212_24),  // n = 300
            (3, 0.020_193_561_078_801_11, 0.043_806_438_921_198_89),  // n = 2000
            (4, 0, 0.080_199_585_060_454_62),  // n = 120: p̄ - 3σ < 0
            (5, 0.015_303_173_954_310_956, 0.048_696_826_045_689_05),  // n = 1000
        ])
    func limits(index: Int, lower: Double, upper: Double) throws {
        let limits = try #require(try Self.chart(Self.months).points[index].limits)
        #expect(isClose(limits.lower, lower, within: 1e-15))
        #expect(isClose(limits.upper, upper, within: 1e-15))
    }

    @Test("a rate outside its limits is flagged on its side; inside, it is not")
    func outsideLimits() throws {
        let points = try Self.chart(Self.months).points
        #expect(points.map(\.signals) == [[], [], [], [.belowLowerLimit], [], [.aboveUpperLimit]])
        #expect(points[3].rate == 0.005)
        // 2/300 = 0.67 % is far below the centre but inside its wide limits.
        #expect(points[2].signals.isEmpty && points[2].run == .init(side: .below, length: 2))
        // 16/500 is exactly the centre: no side, no run.
        #expect(points[0].run == nil)
    }

    /// `b` a month below the centre (1/100), `a` above it (5/100), `c` exactly on it (32/1000), `_` a gap.
    static func pattern(_ text: String) -> [Proportion?] {
        text.map { symbol in
            switch symbol {
            case "b": counts(1, of: 100)
            case "a": counts(5, of: 100)
            case "c": counts(32, of: 1000)
            default: nil
            }
        }
    }

    @Test(
        "runs of 8 on one side of the centre are flagged from the 8th point on",
        arguments: [
            ("bbbbbbb", [Int](), ControlChart.Signal.shiftDown),  // 7 in a row: not yet
            ("bbbbbbbb", [7], .shiftDown),  // the 8th
            ("bbbbbbbbbb", [7, 8, 9], .shiftDown),  // every point from the 8th on
            ("aaaaaaaa", [7], .shiftUp),
            ("bbbbcbbbbb", [], .shiftDown),  // a point exactly on the centre breaks the run
            ("bbbbbbbabbbbbbbb", [15], .shiftDown),  // the other side starts a new run
            ("bbbb__bbbb", [9], .shiftDown),  // a gap neither breaks nor extends a run
            ("__bbbbbbbb", [9], .shiftDown),
        ])
    func runs(pattern: String, flagged: [Int], signal: ControlChart.Signal) throws {
        let points = try Self.chart(Self.pattern(pattern)).points
        let signalled = points.indices.filter { points[$0].signals.contains(signal) }
        #expect(signalled == flagged, "\(pattern)")
        #expect(points.allSatisfy { $0.signals.allSatisfy { $0 == signal } }, "\(pattern)")
        for index in flagged {
            #expect((points[index].run?.length ?? 0) >= ControlChart.runRule)
        }
    }

    @Test("the run's length counts the points with a rate, on the side they lie")
    func runLengths() throws {
        let points = try Self.chart(Self.pattern("bb_bcaa")).points
        #expect(
            points.map(\.run) == [
                .init(side: .below, length: 1), .init(side: .below, length: 2), nil, .init(side: .below, length: 3),
                nil, .init(side: .above, length: 1), .init(side: .above, length: 2),
            ])
    }

    @Test("a period without figures, or with nothing inspected, stays on the chart as a gap")
    func gaps() throws {
        let points = try Self.chart([nil, Self.counts(0, of: 0), Self.counts(3, of: 100)]).points
        #expect(points.count == 3)
        for point in points.prefix(2) {
            #expect(point.rate == nil && point.limits == nil && point.run == nil && point.signals.isEmpty)
        }
        #expect(points[0].counts == nil)
        #expect(points[1].counts == Self.counts(0, of: 0))
        #expect(points[2].rate == 0.03)
    }

    @Test("trials mark every period they overlap, status changes the period of their day")
    func marks() throws {
        let trials = [
            ControlChart.TrialSpan(number: 2, startedOn: Self.day("2026-06-01"), endedOn: Self.day("2026-06-01")),
            ControlChart.TrialSpan(number: 1, startedOn: Self.day("2026-04-20"), endedOn: Self.day("2026-05-03")),
            ControlChart.TrialSpan(number: 3, startedOn: Self.day("2026-09-01"), endedOn: Self.day("2026-09-10")),
        ]
        let changes = [
            ControlChart.StatusChange(status: .onHold, effectiveOn: Self.day("2026-06-15")),
            ControlChart.StatusChange(status: .active, effectiveOn: Self.day("2026-04-01")),
        ]
        let chart = try Self.chart(
            [nil, nil, nil, nil], start: "2026-04-01", trials: trials, statusChanges: changes)
        #expect(chart.points.map(\.trials) == [["T1"], ["T1"], ["T2"], []])
        #expect(chart.points.map { $0.statusChanges.map(\.status) } == [[.active], [], [.onHold], []])
        // The chart lists what falls in its span, trials by number and changes by day.
        #expect(chart.trials.map(\.label) == ["T1", "T2"])
        #expect(chart.statusChanges.map(\.effectiveOn) == [Self.day("2026-04-01"), Self.day("2026-06-15")])

        let daily = try Self.chart(
            [nil, nil, nil, nil, nil], granularity: .day, start: "2026-04-30", trials: trials, statusChanges: changes)
        #expect(daily.points.map(\.period) == ["2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04"])
        #expect(daily.points.map(\.trials) == [["T1"], ["T1"], ["T1"], ["T1"], []])
        #expect(daily.points.allSatisfy { $0.firstDay == $0.lastDay })
    }

    @Test("a baseline that inspected nothing has no centre line and is refused")
    func emptyBaseline() throws {
        #expect {
            try ControlChart(
                projectKey: "X", title: "", metricName: "m", baseline: Self.counts(0, of: 0),
                baselinePeriod: Self.baselinePeriod, granularity: .month, samples: [], trials: [], statusChanges: [])
        } throws: { ($0 as? DomainError)?.field == "baseline" }
    }

    @Test("JSON: snake_case keys, limits and runs as named fields, signals as words, gaps without figures")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let chart = try Self.chart(
            Self.pattern("bbbbbbbb") + [nil],
            trials: [.init(number: 3, startedOn: Self.day("2026-08-20"), endedOn: Self.day("2026-09-02"))],
            statusChanges: [.init(status: .onHold, effectiveOn: Self.day("2026-09-10"))])
        let object = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(chart))
        #expect(
            object.keys == [
                "project_key", "title", "metric_name", "granularity", "baseline", "baseline_period", "centre",
                "points", "trials", "status_changes",
            ])
        #expect(object["granularity"] == .string("month"))
        #expect(object["baseline_period"] == .string("2026-01..2026-03"))
        #expect(object["centre"] == .number(0.032))
        let eighth = try #require(object["points"]?[7])
        #expect(eighth["period"] == .string("2026-08"))
        #expect(eighth["first_day"] == .string("2026-08-01"))
        #expect(eighth["last_day"] == .string("2026-08-31"))
        #expect(eighth["limits"]?.keys == ["lower", "upper"])
        #expect(eighth["run"] == .object(["side": .string("below"), "length": .number(8)]))
        #expect(eighth["signals"] == .array([.string("shift-down")]))
        #expect(eighth["trials"] == .array([.string("T3")]))
        #expect(eighth["counts"] == .object(["defective": .number(1), "inspected": .number(100)]))
        let gap = try #require(object["points"]?[8])
        #expect(gap.keys == ["period", "first_day", "last_day", "signals", "trials", "status_changes"])
        #expect(
            gap["status_changes"]
                == .array([.object(["status": .string("on-hold"), "effective_on": .string("2026-09-10")])]))
        #expect(object["trials"]?[0]?["label"] == .string("T3"))
        #expect(object["trials"]?[0]?["started_on"] == .string("2026-08-20"))
        #expect(try JSONDecoder.snakeCase.decode(ControlChart.self, from: try encoder.encode(chart)) == chart)
    }
}

extension JSONDecoder {
    fileprivate static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
