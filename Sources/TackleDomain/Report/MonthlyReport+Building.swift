extension MonthlyReport.ProjectEntry {
    /// Computes a project's line from its facts, leaving rank and call-in to the report.
    ///
    /// - Parameters:
    ///   - facts: The project's facts.
    ///   - month: The month reported on.
    ///   - asOf: The last day whose data counts: the month's last day, or today in a month not yet complete.
    ///   - rubric: The rubric that scores the month.
    ///   - comparisons: The month's trials judged (``judgedTrials(of:)``).
    ///   - plans: The plans made for this report, shared by projects with the same baseline and target.
    init(
        facts: ProjectFacts, month: Month, asOf: LocalDate, rubric: Rubric, comparisons: [Comparison],
        plans: TrialPlans
    ) {
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
        baselineChanged = facts.baselineChangedInMonth
        targetRate = facts.targetRate
        monthFigures = facts.monthFigures.map(MonthlyReport.Figures.init)
        previousMonthFigures = facts.previousMonthFigures.map(MonthlyReport.Figures.init)
        figuresRecordedOn = facts.monthFigures == nil ? nil : facts.figuresRecordedOn
        recentMonths = Self.recentMonths(of: facts, endingWith: month)
        let share = Self.elapsedShare(openedOn: facts.openedOn, dueOn: facts.dueOn, asOf: asOf)
        expectedGapClosed = share
        expectedRate = baseline.rate.map { $0 - share * ($0 - facts.targetRate) }
        if let baselineRate = baseline.rate, let monthRate = monthFigures?.rate {
            gapClosed = Statistics.gapClosed(baseline: baselineRate, target: facts.targetRate, current: monthRate)
        } else {
            gapClosed = nil
        }

        trials = Self.trialEntries(facts, judged: comparisons, plans: plans)
        milestones = MonthlyReport.MilestoneProgress(facts.milestones, in: month, asOf: asOf)
        rank = nil
        calledIn = false
        judgement = .closed
        reasons = []
        score = nil
        (judgement, reasons) = judged(in: month)
        if status == .active {
            score = scored(facts: facts, month: month, asOf: asOf, rubric: rubric)
        }
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

    /// The month's figures against the glide path, as the judgement and the progress score see them.
    enum RateFinding {
        case onPath(Finding)
        case abovePath(Finding)
        case notBelowBaseline(Finding)
        case unknown(Finding)
    }

    /// Where the month's rate stands against the baseline and the glide path.
    func rateFinding(in month: Month) -> RateFinding {
        guard let figures = monthFigures else { return .unknown(Finding(.noFigures, month: month)) }
        guard let monthRate = figures.rate else { return .unknown(Finding(.noSlabsInspected, month: month)) }
        guard let baselineRate = baseline.rate, let expectedRate else {
            return .unknown(Finding(.baselineEmpty))
        }
        if monthRate >= baselineRate {
            return .notBelowBaseline(Finding(.notBelowBaseline, rate: monthRate, expected: baselineRate))
        }
        if monthRate <= expectedRate + Self.tolerance {
            return .onPath(
                Finding(
                    .onGlidePath, rate: monthRate, expected: expectedRate, share: gapClosed,
                    expectedShare: expectedGapClosed))
        }
        return .abovePath(
            Finding(
                .aboveGlidePath, rate: monthRate, expected: expectedRate, share: gapClosed,
                expectedShare: expectedGapClosed))
    }

    /// Applies the rule of ``MonthlyReport/Judgement`` to the derived figures.
    ///
    /// Reasons list every finding, the ones that make a project off track first, so that a
    /// project off track for one reason still shows its other problems.
    private func judged(in month: Month) -> (MonthlyReport.Judgement, [Finding]) {
        switch status {
        case .completed, .cancelled: return (.closed, [Finding(.closed, date: closedOn, status: status)])
        case .onHold: return (.notRanked, [Finding(.onHold)])
        case .proposed: return (.notRanked, [Finding(.proposed)])
        case .active: break
        }
        var offTrack: [Finding] = []
        var atRisk: [Finding] = []
        if let daysLeft, daysLeft < 0 {
            offTrack.append(Finding(.pastDue, count: -daysLeft))
        }
        let overdue = milestones.overdue
        if overdue.count >= 2 {
            offTrack.append(Finding(.milestonesOverdue, count: overdue.count, numbers: overdue))
        } else if overdue.count == 1 {
            atRisk.append(Finding(.milestonesOverdue, count: 1, numbers: overdue))
        }
        var onGlidePath: Finding?
        switch rateFinding(in: month) {
        case .onPath(let finding): onGlidePath = finding
        case .abovePath(let finding), .unknown(let finding): atRisk.append(finding)
        case .notBelowBaseline(let finding): offTrack.append(finding)
        }
        if !offTrack.isEmpty { return (.offTrack, offTrack + atRisk) }
        if !atRisk.isEmpty { return (.atRisk, atRisk) }
        return (.onTrack, [onGlidePath].compactMap { $0 })
    }

    /// Slack for comparing a rate with the glide path: the expected rate is computed, and a rate
    /// exactly on the path must not fall off it by rounding.
    static let tolerance = 1e-12

    /// The month's trials, by number, each judged against the baseline with its verdict adjusted
    /// (Holm) over the project's trials as of the month's end: the earlier ones and the month's.
    /// Nothing is computed for a month without trials.
    static func judgedTrials(of facts: ProjectFacts) -> [Comparison] {
        let monthTrials = facts.trials.sorted { $0.number < $1.number }
        guard !monthTrials.isEmpty else { return [] }
        return Statistics.compare(
            monthTrials.count, of: facts.earlierTrialOutcomes + monthTrials.map(\.outcome), baseline: facts.baseline,
            alpha: 0.05)
    }

    /// The inputs of the plan behind the slab advice, which is made (the costly part) only when
    /// one of the month's trials is inconclusive; nil otherwise.
    static func planInputs(of facts: ProjectFacts, judged: [Comparison]) -> TrialPlans.Key? {
        guard judged.contains(where: { $0.verdict == .noDetectableChange }) else { return nil }
        return TrialPlans.Key(baseline: facts.baseline, rate: facts.targetRate, alpha: judged[0].alpha)
    }

    /// The month's trials with their verdicts (``judgedTrials(of:)``) and the advice of the plan.
    static func trialEntries(
        _ facts: ProjectFacts, judged: [Comparison], plans: TrialPlans
    ) -> [MonthlyReport.TrialEntry] {
        let monthTrials = facts.trials.sorted { $0.number < $1.number }
        let plan = planInputs(of: facts, judged: judged).flatMap(plans.plan)
        return zip(monthTrials, judged).map { MonthlyReport.TrialEntry(trial: $0, comparison: $1.advised(by: plan)) }
    }
}
