import TackleDomain

extension MonthlyReport {
    /// The report as text for a terminal or the posting board: a ranked table, the plant
    /// summary, then a short section per project.
    ///
    /// Labels are English; titles and names appear as recorded, usually Chinese. Columns are laid
    /// out by terminal width (``TextTable``, ``TextWidth``), so they line up with CJK text. The
    /// text is the same for the same report, has no trailing spaces and ends with a newline.
    ///
    /// - Returns: The rendered report.
    public func renderText() -> String {
        var lines = ["tackle monthly status \(month) (as of \(asOf))", ""]
        guard !projects.isEmpty else {
            lines.append("no projects active in \(month)")
            return Self.joined(lines)
        }
        lines += Self.tableLines(rankingTable)
        lines.append("")
        lines += summaryLines
        for project in projects {
            lines.append("")
            lines += detailLines(of: project)
        }
        return Self.joined(lines)
    }

    /// The ranking, one row per project.
    private var rankingTable: TextTable {
        var table = TextTable(columns: [
            .init("RANK", alignment: .right),
            .init("PROJECT"),
            .init("TITLE", maxWidth: 24),
            .init("LEADER", maxWidth: 12),
            .init("STATUS"),
            .init("JUDGEMENT"),
            .init("MONTH RATE (95% CI)"),
            .init("PREV", alignment: .right),
            .init("BASELINE", alignment: .right),
            .init("TARGET", alignment: .right),
            .init("GAP CLOSED", alignment: .right),
            .init("DUE"),
        ])
        for project in projects {
            table.append([
                project.rank.map(String.init) ?? "-",
                project.key,
                project.title,
                project.leaderName,
                Self.words(project.status),
                project.judgement.description,
                project.monthFigures.map(Self.rateWithInterval) ?? "no figures",
                project.previousMonthFigures?.rate.map { Format.percent($0) } ?? "-",
                project.baseline.rate.map { Format.percent($0) } ?? "-",
                Format.percent(project.targetRate),
                project.gapClosed.map { Format.percent($0, decimals: 0) } ?? "-",
                Self.due(project),
            ])
        }
        return table
    }

    /// The plant's month in a few lines.
    private var summaryLines: [String] {
        let statuses = ProjectStatus.allCases.filter { summary.byStatus[$0] > 0 }
            .map { "\(summary.byStatus[$0]) \(Self.words($0))" }
        let judgements = Judgement.allCases.filter { summary.byJudgement[$0] > 0 }
            .map { "\(summary.byJudgement[$0]) \($0)" }
        let projectsWord = summary.projectCount == 1 ? "project" : "projects"
        let production = summary.productionSlabs
        let trials = summary.trialSlabs
        let withFigures = projects.count { $0.monthFigures != nil }
        return [
            "Plant summary: \(summary.projectCount) \(projectsWord) (\(statuses.joined(separator: ", "))); "
                + judgements.joined(separator: ", "),
            "Behind (off track): \(Self.list(summary.behind)); at risk: \(Self.list(summary.atRisk))",
            "Production in \(month): \(production.inspected) slabs inspected, \(production.defective) defective "
                + "(figures of \(withFigures) of \(summary.projectCount) \(projectsWord))",
            "Trials ended in \(month): \(summary.trialCount) (\(trials.inspected) slabs inspected, "
                + "\(trials.defective) defective)",
            "Bottom three (called in for a talk): \(Self.list(summary.bottomThree.map(bottomThreeLabel)))",
        ]
    }

    /// `KEY (leader name)` for the bottom three.
    private func bottomThreeLabel(_ key: String) -> String {
        guard let project = projects.first(where: { $0.key == key }) else { return key }
        return "\(key) (\(Self.oneLine(project.leaderName)))"
    }

    /// One project's section.
    private func detailLines(of project: ProjectEntry) -> [String] {
        var lines = [
            "\(project.key)  \(Self.oneLine(project.title)) — leader \(Self.oneLine(project.leaderName)) "
                + "(\(project.leaderNo)), unit \(project.unitCode)",
            "  Status: \(Self.words(project.status)), opened \(project.openedOn), due \(project.dueOn) "
                + "(\(Self.due(project)))",
            "  Metric: \(Self.oneLine(project.metricName)); baseline \(Self.counts(project.baseline)) "
                + "(\(project.baselinePeriod)); target \(Format.percent(project.targetRate))",
        ]

        var figures = ["\(month): " + (project.monthFigures.map(Self.countsWithInterval) ?? "no figures")]
        figures.append("\(month.previous): " + (project.previousMonthFigures.map(Self.counts) ?? "no figures"))
        if let gapClosed = project.gapClosed {
            figures.append(
                "gap closed \(Format.percent(gapClosed, decimals: 0)) "
                    + "(expected \(Format.percent(project.expectedGapClosed, decimals: 0)))")
        }
        lines.append("  " + figures.joined(separator: "; "))

        let rank = project.rank.map { " (rank \($0) of \(projects.count { $0.rank != nil }))" } ?? ""
        let reasons = project.reasons.isEmpty ? "" : " — " + project.reasons.joined(separator: "; ")
        lines.append("  Judgement: \(project.judgement)\(rank)\(reasons)")

        if project.trials.isEmpty {
            lines.append("  Trials ended in \(month): none")
        } else {
            lines.append("  Trials ended in \(month):")
            lines += Self.tableLines(Self.trialTable(project.trials)).map { "    " + $0 }
        }

        let milestones = project.milestones
        if milestones.dueInMonth.isEmpty {
            lines.append("  Milestones due in \(month): none")
        } else {
            lines.append("  Milestones due in \(month):")
            lines += Self.tableLines(Self.milestoneTable(milestones.dueInMonth)).map { "    " + $0 }
        }
        guard milestones.total > 0 else {
            lines.append("  Milestones: none planned")
            return lines
        }
        var progress = "  Milestones: \(milestones.done)/\(milestones.total) done"
        if !milestones.overdue.isEmpty {
            let numbers = milestones.overdue.map { "#\($0)" }.joined(separator: ", ")
            progress += ", \(milestones.overdue.count) overdue (\(numbers))"
        }
        if let next = milestones.next {
            progress += "; next: #\(next.number) \(Self.oneLine(next.title)) due \(next.dueOn)"
            if next.state == .overdue { progress += " (overdue)" }
        }
        lines.append(progress)
        return lines
    }

    /// The trials of one project, one row each.
    private static func trialTable(_ trials: [TrialEntry]) -> TextTable {
        var table = TextTable(columns: [
            .init("TRIAL"),
            .init("LEVER", maxWidth: 24),
            .init("PARAMETERS"),
            .init("OUTCOME", alignment: .right),
            .init("RATE (95% CI)"),
            .init("VERDICT"),
        ])
        for trial in trials {
            var verdict = "\(verdictWords(trial.verdict)) (Fisher p \(Format.pValue(trial.fisherPValue)))"
            if let more = trial.additionalSlabsNeeded {
                verdict += ", about \(more) more slabs needed"
            }
            table.append([
                trial.label,
                trial.lever,
                trial.parameters.map(\.description).joined(separator: " "),
                "\(trial.outcome.defective)/\(trial.outcome.inspected)",
                rateWithInterval(trial.outcome),
                verdict,
            ])
        }
        return table
    }

    /// The milestones due in the month, one row each.
    private static func milestoneTable(_ milestones: [MilestoneEntry]) -> TextTable {
        var table = TextTable(columns: [
            .init("#", alignment: .right),
            .init("MILESTONE", maxWidth: 30),
            .init("DUE"),
            .init("STATE"),
            .init("DONE"),
            .init("OWNER", maxWidth: 12),
        ])
        for milestone in milestones {
            table.append([
                String(milestone.number),
                milestone.title,
                milestone.dueOn.description,
                stateWords(milestone.state),
                milestone.doneOn?.description ?? "-",
                milestone.ownerName ?? "-",
            ])
        }
        return table
    }

    /// `214 days left`, `due today`, `overdue by 12 days`, `completed 2026-05-20`.
    private static func due(_ project: ProjectEntry) -> String {
        guard let daysLeft = project.daysLeft else {
            return Self.words(project.status) + (project.closedOn.map { " \($0)" } ?? "")
        }
        if daysLeft > 0 { return "\(Self.days(daysLeft)) left" }
        if daysLeft == 0 { return "due today" }
        return "overdue by \(Self.days(-daysLeft))"
    }

    /// `1.45% (0.90-2.31%)`, or `no slabs inspected`.
    private static func rateWithInterval(_ figures: Figures) -> String {
        guard let rate = figures.rate else { return "no slabs inspected" }
        guard let interval = figures.interval else { return Format.percent(rate) }
        return "\(Format.percent(rate)) (\(Format.number(interval.lower * 100, decimals: 2))-"
            + "\(Format.percent(interval.upper)))"
    }

    /// `48/1500 = 3.20%`.
    private static func counts(_ figures: Figures) -> String {
        let rate = figures.rate.map { " = \(Format.percent($0))" } ?? ", no slabs inspected"
        return "\(figures.defective)/\(figures.inspected)\(rate)"
    }

    /// `21/1450 = 1.45% (95% CI 0.90-2.31%)`.
    private static func countsWithInterval(_ figures: Figures) -> String {
        guard let interval = figures.interval else { return counts(figures) }
        return counts(figures) + " (95% CI \(Format.number(interval.lower * 100, decimals: 2))-"
            + "\(Format.percent(interval.upper)))"
    }

    /// `on hold` rather than the typed `on-hold`.
    private static func words(_ status: ProjectStatus) -> String {
        status == .onHold ? "on hold" : status.rawValue
    }

    private static func verdictWords(_ verdict: Verdict) -> String {
        switch verdict {
        case .better: "better than baseline"
        case .noDetectableChange: "no detectable change"
        case .worse: "worse than baseline"
        }
    }

    private static func stateWords(_ state: Milestone.State) -> String {
        switch state {
        case .open: "open"
        case .doneOnTime: "done on time"
        case .doneLate: "done late"
        case .overdue: "overdue"
        }
    }

    /// `A, B`, or `none`.
    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: ", ")
    }

    /// The text on one line without spaces around it: a title with a line break or tab must not
    /// break the layout.
    private static func oneLine(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }
        return String(String(String.UnicodeScalarView(scalars)).trimmingSpaces)
    }

    /// A rendered table as lines, without the final newline.
    private static func tableLines(_ table: TextTable) -> [String] {
        table.render().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The lines joined, each without trailing spaces and ending in a newline.
    private static func joined(_ lines: [String]) -> String {
        lines.map { line in
            guard let last = line.lastIndex(where: { $0 != " " }) else { return "" }
            return String(line[...last])
        }
        .joined(separator: "\n") + "\n"
    }
}

extension MonthlyReport {
    /// `1 day`, `12 days`.
    fileprivate static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
}
