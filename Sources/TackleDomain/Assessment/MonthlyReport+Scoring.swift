extension MonthlyReport.ProjectEntry {
    /// Scores the month by the rubric: the sum of four parts.
    ///
    /// - Progress: full points on or below the glide path (the project's own plan, so a young
    ///   project is judged against what it planned by now); above it, the points in proportion to
    ///   the share of the gap closed against the share expected; none when the rate is not below
    ///   the baseline or there are no figures.
    /// - Milestones: of the milestones due by the month's end, one for each done on time and a
    ///   half for each done late, as a share of those due; full points when none was due yet.
    /// - Trials: half the points for any trial ended in the last ``Rubric/trialMonths`` months,
    ///   the other half in proportion to those with a conclusion written; none without trials.
    /// - Reporting: full points when the month's figures were recorded by the figures deadline,
    ///   half when later, none when missing.
    ///
    /// Each part's points are rounded to a whole number, so equal work scores equal points.
    func scored(facts: ProjectFacts, month: Month, asOf: LocalDate, rubric: Rubric) -> Score {
        func part(_ part: ScorePart.Part, _ fraction: Double, _ finding: Finding) -> ScorePart {
            let maximum = rubric.points(for: part)
            let points = Int((Double(maximum) * min(max(fraction, 0), 1)).rounded())
            return ScorePart(part: part, points: points, maximum: maximum, finding: finding)
        }

        let progress: ScorePart
        switch rateFinding(in: month) {
        case .onPath(let finding): progress = part(.progress, 1, finding)
        case .notBelowBaseline(let finding), .unknown(let finding): progress = part(.progress, 0, finding)
        case .abovePath(let finding):
            let fraction = expectedGapClosed > 0 ? (gapClosed ?? 0) / expectedGapClosed : 0
            progress = part(.progress, fraction, finding)
        }

        let due = facts.milestones.filter { $0.dueOn <= asOf }
        let milestones: ScorePart
        if due.isEmpty {
            milestones = part(.milestones, 1, Finding(.noMilestonesDue))
        } else {
            let states = due.map { $0.state(on: asOf) }
            let onTime = states.count { $0 == .doneOnTime }
            let late = states.count { $0 == .doneLate }
            milestones = part(
                .milestones, (Double(onTime) + 0.5 * Double(late)) / Double(due.count),
                Finding(.milestonesDue, count: due.count, onTime: onTime, late: late))
        }

        let firstTrialMonth = month.adding(months: -(rubric.trialMonths - 1))
        let recent = facts.recentTrials.filter { $0.month >= firstTrialMonth && $0.month <= month }
        let ended = recent.reduce(0) { $0 + $1.ended }
        let trials: ScorePart
        if ended == 0 {
            trials = part(.trials, 0, Finding(.noTrials, months: rubric.trialMonths))
        } else {
            let concluded = recent.reduce(0) { $0 + $1.concluded }
            trials = part(
                .trials, 0.5 + 0.5 * Double(concluded) / Double(ended),
                Finding(.trialsRun, count: ended, concluded: concluded, months: rubric.trialMonths))
        }

        let deadline = rubric.figuresDeadline(of: month)
        let reporting: ScorePart
        if let recordedOn = figuresRecordedOn {
            reporting =
                recordedOn <= deadline
                ? part(.reporting, 1, Finding(.figuresOnTime, date: deadline))
                : part(.reporting, 0.5, Finding(.figuresLate, date: deadline, recordedOn: recordedOn))
        } else {
            reporting = part(.reporting, 0, Finding(.figuresMissing, date: deadline))
        }
        return Score(rubricVersion: rubric.version, parts: [progress, milestones, trials, reporting])
    }
}
