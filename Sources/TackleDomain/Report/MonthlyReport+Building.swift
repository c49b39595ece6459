extension MonthlyReport.ProjectEntry {
    /// Computes a project's line from its facts, leaving the rank to the report.
    ///
    /// - Parameters:
    ///   - facts: The project's facts.
    ///   - month: The month reported on.
    init(facts: ProjectFacts, month: Month) {
        let asOf = month.lastDay
        let isClosed = facts.status.isFinished
        key = facts.key
        title = facts.title
        unitCode = facts.unitCode
        leaderNo = facts.leaderNo
        leaderName = facts.leaderName
        status = facts.status
        openedOn = facts.openedOn
        dueOn = facts.dueOn
        closedOn = facts.closedOn
        daysLeft = isClosed ? nil : asOf.days(until: facts.dueOn)
        isOverdue = !isClosed && asOf > facts.dueOn

        metricName = facts.metricName
        baseline = MonthlyReport.Figures(facts.baseline)
        baselinePeriod = facts.baselinePeriod
        targetRate = facts.targetRate
        monthFigures = facts.monthFigures.map(MonthlyReport.Figures.init)
        previousMonthFigures = facts.previousMonthFigures.map(MonthlyReport.Figures.init)
        let share = Self.elapsedShare(openedOn: facts.openedOn, dueOn: facts.dueOn, asOf: asOf)
        expectedGapClosed = share
        expectedRate = baseline.rate.map { $0 - share * ($0 - facts.targetRate) }
        if let baselineRate = baseline.rate, let monthRate = monthFigures?.rate {
            gapClosed = Statistics.gapClosed(baseline: baselineRate, target: facts.targetRate, current: monthRate)
        } else {
            gapClosed = nil
        }

        trials = facts.trials.sorted { $0.number < $1.number }
            .map { MonthlyReport.TrialEntry(trial: $0, baseline: facts.baseline) }
        milestones = MonthlyReport.MilestoneProgress(facts.milestones, in: month)
        rank = nil
        judgement = .closed
        reasons = []
        (judgement, reasons) = judged(in: month)
    }

    /// The share of the project's time elapsed at the end of `asOf`, 0 to 1.
    ///
    /// - Returns: days(openedOn → asOf) / days(openedOn → dueOn) clamped to 0...1; 1 when the
    ///   project is due the day it opened (or, in bad data, before).
    static func elapsedShare(openedOn: LocalDate, dueOn: LocalDate, asOf: LocalDate) -> Double {
        let duration = openedOn.days(until: dueOn)
        guard duration > 0 else { return 1 }
        let share = Double(openedOn.days(until: asOf)) / Double(duration)
        return min(max(share, 0), 1)
    }

    /// Applies the rule of ``MonthlyReport/Judgement`` to the derived figures.
    ///
    /// Reasons list every finding, the ones that make a project off track first, so that a
    /// project off track for one reason still shows its other problems.
    private func judged(in month: Month) -> (MonthlyReport.Judgement, [String]) {
        if status.isFinished {
            let when = closedOn.map { " on \($0)" } ?? ""
            return (.closed, ["\(status)\(when)"])
        }
        var offTrack: [String] = []
        var atRisk: [String] = []
        var notes: [String] = []
        switch status {
        case .onHold: notes.append("on hold")
        case .proposed: notes.append("proposed, not yet active")
        case .active, .completed, .cancelled: break
        }

        if let daysLeft, daysLeft < 0 {
            offTrack.append("past due date by \(Self.days(-daysLeft))")
        }
        let overdue = milestones.overdue
        let overdueList = overdue.map { "#\($0)" }.joined(separator: ", ")
        if overdue.count >= 2 {
            offTrack.append("\(overdue.count) milestones overdue (\(overdueList))")
        } else if overdue.count == 1 {
            atRisk.append("1 milestone overdue (\(overdueList))")
        }

        var onGlidePath: String?
        if let monthRate = monthFigures?.rate {
            if let baselineRate = baseline.rate, let expectedRate {
                if monthRate >= baselineRate {
                    let (rate, base) = Self.percents(monthRate, baselineRate)
                    offTrack.append("month rate \(rate) is not below the baseline \(base)")
                } else if monthRate <= expectedRate + Self.tolerance {
                    let (rate, expected) = Self.percents(monthRate, expectedRate)
                    onGlidePath = "on the glide path: \(rate) ≤ expected \(expected)"
                } else {
                    let (rate, expected) = Self.percents(monthRate, expectedRate)
                    atRisk.append("month rate \(rate) is above the glide path's expected \(expected)")
                }
            } else {
                atRisk.append("the baseline has no slabs inspected, so the month rate cannot be judged")
            }
        } else if monthFigures == nil {
            atRisk.append("no defect figures for \(month)")
        } else {
            atRisk.append("no slabs inspected in \(month)")
        }

        if !offTrack.isEmpty { return (.offTrack, notes + offTrack + atRisk) }
        if !atRisk.isEmpty { return (.atRisk, notes + atRisk) }
        return (.onTrack, notes + [onGlidePath].compactMap { $0 })
    }

    /// Slack for comparing a rate with the glide path: the expected rate is computed, and a rate
    /// exactly on the path must not fall off it by rounding.
    private static let tolerance = 1e-12

    /// `1 day`, `12 days`.
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// Two rates as percentages with enough decimals (2 to 4) that different rates read differently.
    static func percents(_ a: Double, _ b: Double) -> (String, String) {
        for decimals in 2..<4 where Format.percent(a, decimals: decimals) != Format.percent(b, decimals: decimals) {
            return (Format.percent(a, decimals: decimals), Format.percent(b, decimals: decimals))
        }
        return (Format.percent(a, decimals: a == b ? 2 : 4), Format.percent(b, decimals: a == b ? 2 : 4))
    }
}
