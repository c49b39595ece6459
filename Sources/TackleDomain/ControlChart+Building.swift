extension ControlChart {
    /// Builds the chart of a project's periods against its baseline.
    ///
    /// - Parameters:
    ///   - projectKey: The project's key.
    ///   - title: The project's title.
    ///   - metricName: What the defect metric counts.
    ///   - baseline: The baseline counts; the centre line is their rate.
    ///   - baselinePeriod: The months the baseline was measured over.
    ///   - granularity: Whether each sample is a month or a day.
    ///   - samples: One sample per period, oldest first; `nil` counts for a period without figures.
    ///   - trials: The trials to mark: each marks every period it overlaps (first to last day).
    ///   - statusChanges: The status changes to mark: each marks the period its day falls in.
    /// - Throws: ``DomainError`` naming `baseline` when the baseline inspected nothing, so there
    ///   is no centre line.
    public init(
        projectKey: String, title: String, metricName: String, baseline: Proportion, baselinePeriod: MonthRange,
        granularity: Observation.Granularity, samples: [Sample], trials: [TrialSpan], statusChanges: [StatusChange]
    ) throws(DomainError) {
        guard let centre = baseline.rate else {
            throw DomainError(
                .invalidValue, field: "baseline",
                message: "the baseline (\(baseline)) inspected nothing, so the chart has no centre line")
        }
        self.projectKey = projectKey
        self.title = title
        self.metricName = metricName
        self.granularity = granularity
        self.baseline = baseline
        self.baselinePeriod = baselinePeriod
        self.centre = centre

        var points: [Point] = []
        points.reserveCapacity(samples.count)
        var current: Run?
        for sample in samples {
            let firstDay = granularity == .month ? sample.firstDay.monthOfYear.firstDay : sample.firstDay
            let lastDay = granularity == .month ? firstDay.monthOfYear.lastDay : firstDay
            let rate = sample.counts?.rate
            var limits: Limits?
            var signals: [Signal] = []
            if let rate, let counts = sample.counts,
                let range = Statistics.pChartLimits(centre: centre, inspected: counts.inspected)
            {
                limits = Limits(lower: range.lowerBound, upper: range.upperBound)
                if rate > range.upperBound { signals.append(.aboveUpperLimit) }
                if rate < range.lowerBound { signals.append(.belowLowerLimit) }
                // A gap (no rate) leaves the run as it was; a rate on the centre ends it.
                current = Self.extend(current, rate: rate, centre: centre)
                if let run = current, run.length >= Self.runRule {
                    signals.append(run.side == .above ? .shiftUp : .shiftDown)
                }
            }
            points.append(
                Point(
                    period: granularity == .month ? firstDay.monthOfYear.description : firstDay.description,
                    firstDay: firstDay, lastDay: lastDay, counts: sample.counts, rate: rate, limits: limits,
                    run: rate == nil ? nil : current, signals: signals,
                    trials: trials.filter { $0.startedOn <= lastDay && $0.endedOn >= firstDay }
                        .sorted { $0.number < $1.number }.map(\.label),
                    statusChanges: statusChanges.filter { $0.effectiveOn >= firstDay && $0.effectiveOn <= lastDay }))
        }
        self.points = points
        let chartStart = points.first?.firstDay
        let chartEnd = points.last?.lastDay
        self.trials =
            trials.filter { trial in
                guard let chartStart, let chartEnd else { return false }
                return trial.startedOn <= chartEnd && trial.endedOn >= chartStart
            }
            .sorted { $0.number < $1.number }
        self.statusChanges =
            statusChanges.filter { change in
                guard let chartStart, let chartEnd else { return false }
                return change.effectiveOn >= chartStart && change.effectiveOn <= chartEnd
            }
            .sorted { $0.effectiveOn < $1.effectiveOn }
    }

    /// The run after a rate: one longer on the same side, a new run on the other side, none on the centre.
    private static func extend(_ run: Run?, rate: Double, centre: Double) -> Run? {
        // Integer ratios that are equal divide to the same double, so a rate equal to the
        // centre as counts (16/500 against 48/1500) compares equal here.
        let side: Side
        if rate > centre {
            side = .above
        } else if rate < centre {
            side = .below
        } else {
            return nil
        }
        guard let run, run.side == side else { return Run(side: side, length: 1) }
        return Run(side: side, length: run.length + 1)
    }

    /// The points that signal something, oldest first.
    public var signalledPoints: [Point] { points.filter(\.isSignalled) }
}
