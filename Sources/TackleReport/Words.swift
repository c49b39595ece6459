import TackleDomain

/// The words of the reports in one language: one spelling per status, judgement, part and finding.
package struct Words: Sendable {
    package var language: Language

    package init(language: Language) { self.language = language }

    package var isChinese: Bool { language == .zh }

    package func status(_ status: ProjectStatus) -> String {
        switch (status, language) {
        case (.proposed, .zh): "拟立项"
        case (.active, .zh): "进行中"
        case (.onHold, .zh): "暂停"
        case (.completed, .zh): "已完成"
        case (.cancelled, .zh): "已取消"
        case (.proposed, .en): "proposed"
        case (.active, .en): "active"
        case (.onHold, .en): "on hold"
        case (.completed, .en): "completed"
        case (.cancelled, .en): "cancelled"
        }
    }

    package func judgement(_ judgement: MonthlyReport.Judgement) -> String {
        switch (judgement, language) {
        case (.onTrack, .zh): "正常"
        case (.atRisk, .zh): "有风险"
        case (.offTrack, .zh): "滞后"
        case (.notRanked, .zh): "不排名"
        case (.closed, .zh): "已结项"
        case (.onTrack, .en): "on track"
        case (.atRisk, .en): "at risk"
        case (.offTrack, .en): "off track"
        case (.notRanked, .en): "not ranked"
        case (.closed, .en): "closed"
        }
    }

    package func part(_ part: ScorePart.Part) -> String {
        switch (part, language) {
        case (.progress, .zh): "指标进度"
        case (.milestones, .zh): "节点完成"
        case (.trials, .zh): "试验工作"
        case (.reporting, .zh): "数据报送"
        case (.progress, .en): "progress"
        case (.milestones, .en): "milestones"
        case (.trials, .en): "trials"
        case (.reporting, .en): "reporting"
        }
    }

    package func verdict(_ verdict: Verdict) -> String {
        switch (verdict, language) {
        case (.better, .zh): "改善"
        case (.worse, .zh): "变差"
        case (.noDetectableChange, .zh): "无显著变化"
        case (.better, .en): "better"
        case (.worse, .en): "worse"
        case (.noDetectableChange, .en): "no detectable change"
        }
    }

    package func milestoneState(_ state: Milestone.State) -> String {
        switch (state, language) {
        case (.open, .zh): "未到期"
        case (.doneOnTime, .zh): "按期完成"
        case (.doneLate, .zh): "延期完成"
        case (.overdue, .zh): "逾期"
        case (.open, .en): "open"
        case (.doneOnTime, .en): "done on time"
        case (.doneLate, .en): "done late"
        case (.overdue, .en): "overdue"
        }
    }

    /// `12 days` / `12 天`.
    package func days(_ count: Int) -> String {
        isChinese ? "\(count) 天" : (count == 1 ? "1 day" : "\(count) days")
    }

    /// `214 days left`, `due today`, `overdue by 12 days`, `completed 2026-05-20`.
    package func due(_ project: MonthlyReport.ProjectEntry) -> String {
        guard let daysLeft = project.daysLeft else {
            return status(project.status) + (project.closedOn.map { " \($0)" } ?? "")
        }
        if daysLeft > 0 { return isChinese ? "剩 \(days(daysLeft))" : "\(days(daysLeft)) left" }
        if daysLeft == 0 { return isChinese ? "今日到期" : "due today" }
        return isChinese ? "超期 \(days(-daysLeft))" : "overdue by \(days(-daysLeft))"
    }

    /// `#1, #3` / `#1、#3`.
    package func numbers(_ numbers: [Int]) -> String {
        numbers.map { "#\($0)" }.joined(separator: isChinese ? "、" : ", ")
    }

    /// A list of names or keys, or `none` / `无`.
    package func list(_ items: [String]) -> String {
        items.isEmpty ? (isChinese ? "无" : "none") : items.joined(separator: isChinese ? "、" : ", ")
    }

    /// One finding in words.
    package func finding(_ finding: Finding) -> String {
        let zh = isChinese
        let rate = finding.rate.map { Format.percent($0) } ?? "-"
        let expected = finding.expected.map { Format.percent($0) } ?? "-"
        let date = finding.date?.description ?? "-"
        let month = finding.month?.description ?? ""
        let count = finding.count ?? 0
        switch finding.code {
        case .onHold: return zh ? "月末处于暂停状态，不评分、不排名" : "on hold at the month's end: not scored or ranked"
        case .proposed: return zh ? "月末尚未立项，不评分、不排名" : "still proposed at the month's end: not scored or ranked"
        case .closed:
            let what = finding.status.map(status) ?? ""
            return zh ? "\(what)（\(date)）" : "\(what) on \(date)"
        case .pastDue: return zh ? "已超过计划完成日期 \(days(count))" : "past the due date by \(days(count))"
        case .milestonesOverdue:
            let list = numbers(finding.numbers ?? [])
            return zh
                ? "\(count) 个节点逾期（\(list)）"
                : "\(count) milestone\(count == 1 ? "" : "s") overdue (\(list))"
        case .notBelowBaseline:
            return zh ? "本月缺陷率 \(rate) 未低于基准 \(expected)" : "month rate \(rate) is not below the baseline \(expected)"
        case .onGlidePath:
            return zh ? "本月缺陷率 \(rate)，不高于计划值 \(expected)" : "month rate \(rate) is on the glide path (≤ \(expected))"
        case .aboveGlidePath:
            let share = finding.share.map { Format.percent($0, decimals: 0) } ?? "-"
            let plan = finding.expectedShare.map { Format.percent($0, decimals: 0) } ?? "-"
            return zh
                ? "本月缺陷率 \(rate) 高于计划值 \(expected)（差距缩小 \(share)，计划 \(plan)）"
                : "month rate \(rate) is above the glide path's \(expected) (gap closed \(share), \(plan) planned)"
        case .baselineEmpty: return zh ? "基准无检验数，无法评价缺陷率" : "the baseline has no slabs inspected"
        case .noFigures: return zh ? "\(month) 无缺陷数据" : "no defect figures for \(month)"
        case .noSlabsInspected: return zh ? "\(month) 无检验铸坯" : "no slabs inspected in \(month)"
        case .noMilestonesDue: return zh ? "截至月末无到期节点" : "no milestone due yet"
        case .milestonesDue:
            let onTime = finding.onTime ?? 0
            let late = finding.late ?? 0
            return zh
                ? "到期节点 \(count) 个：按期完成 \(onTime) 个，延期完成 \(late) 个"
                : "\(count) due: \(onTime) done on time, \(late) done late"
        case .trialsRun:
            let months = finding.months ?? 0
            let concluded = finding.concluded ?? 0
            return zh
                ? "近 \(months) 个月试验 \(count) 次，已写结论 \(concluded) 次"
                : "\(count) trial\(count == 1 ? "" : "s") in the last \(months) months, \(concluded) concluded"
        case .noTrials:
            let months = finding.months ?? 0
            return zh ? "近 \(months) 个月无试验" : "no trial in the last \(months) months"
        case .figuresOnTime: return zh ? "数据按期报送（截止 \(date)）" : "figures recorded by the deadline \(date)"
        case .figuresLate:
            let recorded = finding.recordedOn?.description ?? "-"
            return zh
                ? "数据于 \(recorded) 报送，晚于截止日 \(date)"
                : "figures recorded \(recorded), after the deadline \(date)"
        case .figuresMissing: return zh ? "数据未报（截止 \(date)）" : "figures missing (deadline \(date))"
        case .lowestScores:
            let rank = finding.rank ?? 0
            let of = finding.of ?? 0
            return zh
                ? "得分排名第 \(rank)/\(of)，处于末 \(count) 位"
                : "rank \(rank) of \(of), among the \(count) lowest scores"
        }
    }
}
