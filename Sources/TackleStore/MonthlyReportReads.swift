import LibPQ
import TackleDomain

/// The statements the monthly report reads, with their parameters: the one definition of what
/// ``Store/monthlyReportFacts(for:asOf:timeZone:withFollowUp:)`` runs and of the psql script
/// ``Store/monthlyReportScript(for:asOf:timeZone:withFollowUp:)`` prints, so that the benchmark's
/// floor (psql running the same statements in the same snapshot) cannot drift from the report.
///
/// Every statement's parameters are known before any runs: nothing read decides what is read
/// next, so the statements can be sent one after another without waiting.
struct MonthlyReportReads: Sendable {
    /// One read: SQL text and bound parameters (`$1`, `$2`, ...).
    struct Statement {
        var sql: String
        var parameters: [(any PostgresEncodable)?]
    }

    /// What each statement reads, in the order they run: what a project gathers (trials, earlier
    /// outcomes, milestones) before the projects, so that each result can be decoded as it arrives
    /// (see ``MonthlyReportFactsReader``), and the projects before the last reads, so that their
    /// trial plans are made while the server runs those.
    enum Read: CaseIterable, Sendable {
        /// Every rubric version.
        case rubrics
        /// The trials that ended in the month, in full.
        case monthTrials
        /// The outcomes of the earlier trials of projects with a trial in the month (the verdicts' family).
        case earlierOutcomes
        /// The milestones of the month and, for the follow-up, of the previous month.
        case milestones
        /// The projects listed in the month, with their figures.
        case projects
        /// Trial work by project and month, for the month's and the previous month's twelve months.
        case trialWork
        /// The projects listed in the previous month, for its ranking (follow-up only).
        case previousProjects
        /// The talks about the previous month (follow-up only).
        case talks
    }

    /// The snapshot every statement reads: one read-only transaction, begun with the settings the
    /// projects query needs (see ``settings``).
    static let begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    /// PostgreSQL's JIT compiles the projects query (a year of figures over every project) for
    /// longer than it runs: about 0.6 s of 1.6 s on 1,000 projects, so it is off for this
    /// transaction only; and memory enough for its aggregation of six months of daily figures
    /// (180,000 rows for 1,000 projects) to hash in memory, not sort on disk: 176 ms, not 334.
    static let settings = ["SET LOCAL jit = off", "SET LOCAL work_mem = '64MB'"]

    let month: Month
    /// The last day whose data counts.
    let cutoff: LocalDate
    let timeZone: String
    let withFollowUp: Bool
    /// The months whose figures the projects query sums, oldest first; the last is `month`.
    let months: [Month]
    /// The same for the previous month's scores: it and the month before.
    let previousMonths: [Month]

    /// The reads of a month's report.
    ///
    /// - Parameters:
    ///   - month: The month.
    ///   - asOf: The last day whose data counts; the month's last day when nil or later.
    ///   - timeZone: The plant's time zone, for the day figures were recorded.
    ///   - withFollowUp: Read the previous month and its talks too.
    init(month: Month, asOf: LocalDate?, timeZone: String, withFollowUp: Bool) {
        self.month = month
        cutoff = min(asOf ?? month.lastDay, month.lastDay)
        self.timeZone = timeZone
        self.withFollowUp = withFollowUp
        months = (0..<6).map { month.adding(months: $0 - 5) }
        previousMonths = [month.adding(months: -2), month.previous]
    }

    /// The reads in the order they run.
    var reads: [Read] {
        withFollowUp ? Read.allCases : Read.allCases.filter { $0 != .previousProjects && $0 != .talks }
    }

    /// The statement of one read.
    func statement(_ read: Read) -> Statement {
        let first = month.firstDay
        let previous = month.previous
        switch read {
        case .rubrics:
            return Statement(sql: Store.rubricSelect, parameters: [])
        case .trialWork:
            // The trial work of the twelve months up to the month, and of the previous month's
            // twelve for its follow-up: one query for both.
            let since = (withFollowUp ? previous : month).adding(months: -11).firstDay
            return Statement(sql: Self.trialWorkSQL, parameters: [since, cutoff])
        case .projects:
            return Self.projects(months: months, asOf: cutoff, timeZone: timeZone)
        case .monthTrials:
            return Statement(
                sql: Store.trialSelect
                    + " WHERE t.ended_on BETWEEN $1 AND $2 AND t.voided_at IS NULL ORDER BY p.key, t.number",
                parameters: [first, cutoff])
        case .earlierOutcomes:
            return Statement(sql: Self.earlierOutcomesSQL, parameters: [first, cutoff])
        case .milestones:
            // The previous month's milestones are the same rows seen as of its last day: those
            // cancelled after it count there, so the filter keeps them and the store sorts them out.
            return Statement(
                sql: Self.milestonesSQL, parameters: [cutoff, withFollowUp ? previous.lastDay : cutoff])
        case .previousProjects:
            return Self.projects(months: previousMonths, asOf: previous.lastDay, timeZone: timeZone)
        case .talks:
            return Statement(sql: Store.talkSelect, parameters: [previous.firstDay])
        }
    }

    /// The projects listed in the last of `months` as of `asOf`, each with the sums of each of
    /// `months` (monthly and daily records alike) and the day the last month's figures were first
    /// recorded.
    ///
    /// One column pair per month, each summed over its days in one pass (FILTER), so no per-row
    /// month arithmetic and nothing to decode but integers.
    static func projects(months: [Month], asOf: LocalDate, timeZone: String) -> Statement {
        let sums = months.indices.map { index in
            let range =
                index == months.count - 1
                ? "period_start >= $\(4 + index)"
                : "period_start >= $\(4 + index) AND period_start < $\(5 + index)"
            return "sum(inspected) FILTER (WHERE \(range)) AS m\(index)_inspected, "
                + "sum(defective) FILTER (WHERE \(range)) AS m\(index)_defective"
        }
        let month = months[months.count - 1]
        return Statement(
            sql: """
                SELECT * FROM (
                    SELECT p.id, p.key, p.title, u.code AS unit_code,
                           coalesce(lm.employee_no, l.employee_no) AS leader_no, coalesce(lm.name, l.name) AS leader_name,
                           sc.status AS status_then, sc.effective_on AS changed_on, p.opened_on, p.due_on,
                           p.metric_name, p.baseline_defective, p.baseline_inspected,
                           to_char(p.baseline_from, 'YYYY-MM') AS baseline_from,
                           to_char(p.baseline_to, 'YYYY-MM') AS baseline_to, p.target_rate,
                           o.*,
                           EXISTS (
                               SELECT 1 FROM history h
                               WHERE h.table_name = 'project' AND h.row_id = p.id AND h.action = 'update'
                                 AND h.new_values ?| ARRAY['baseline_defective', 'baseline_inspected', 'baseline_from',
                                                          'baseline_to']
                                 AND (h.at AT TIME ZONE $3)::date BETWEEN $1 AND $2
                           ) AS baseline_changed
                    FROM project p
                    JOIN unit u ON u.id = p.unit_id
                    JOIN person l ON l.id = p.leader_id
                    LEFT JOIN LATERAL (
                        SELECT c.status, c.effective_on FROM project_status_change c
                        WHERE c.project_id = p.id AND c.effective_on <= $2
                        ORDER BY c.effective_on DESC, c.id DESC LIMIT 1
                    ) sc ON true
                    LEFT JOIN LATERAL (
                        SELECT pe.employee_no, pe.name FROM member m JOIN person pe ON pe.id = m.person_id
                        WHERE m.project_id = p.id AND m.role = 'leader' AND m.joined_on <= $2
                          AND (m.left_on IS NULL OR m.left_on > $2)
                        ORDER BY m.joined_on DESC, m.id DESC LIMIT 1
                    ) lm ON true
                    LEFT JOIN (
                        SELECT project_id AS figures_project_id, \(sums.joined(separator: ",\n               ")),
                               (min(created_at) FILTER (WHERE period_start >= $1) AT TIME ZONE $3)::date AS recorded_on
                        FROM observation
                        WHERE period_start BETWEEN $4 AND $2 AND voided_at IS NULL
                        GROUP BY project_id
                    ) o ON o.figures_project_id = p.id
                    WHERE p.opened_on <= $2
                ) listed
                WHERE status_then IS NOT NULL
                  AND NOT (status_then IN ('completed', 'cancelled') AND changed_on < $1)
                ORDER BY key
                """,
            parameters: [month.firstDay, asOf, timeZone] + months.map(\.firstDay))
    }

    /// Trial work by project and month: how many non-void trials ended in each month from `$1`
    /// through `$2`, and how many of them have a conclusion written. A dozen rows per project,
    /// where listing the trials would send 30,000 rows a month at plant scale.
    static let trialWorkSQL = """
        SELECT project_id, to_char(date_trunc('month', ended_on::timestamp), 'YYYY-MM') AS month,
               count(*) AS ended, count(*) FILTER (WHERE btrim(conclusion, E' \\t\\n\\r') <> '') AS concluded
        FROM trial
        WHERE ended_on BETWEEN $1 AND $2 AND voided_at IS NULL
        GROUP BY 1, 2
        """

    /// The verdicts' family (Holm) needs the counts of every earlier trial, but only for the
    /// projects with a trial in the month, the only ones a family is judged for.
    static let earlierOutcomesSQL = """
        SELECT t.project_id, t.defective, t.inspected
        FROM trial t
        WHERE t.ended_on < $1 AND t.voided_at IS NULL
          AND t.project_id IN (
              SELECT m.project_id FROM trial m
              WHERE m.ended_on BETWEEN $1 AND $2 AND m.voided_at IS NULL)
        ORDER BY t.project_id, t.number
        """

    /// The milestones of projects opened by `$1`, but those cancelled by `$2`; the store counts
    /// each as of the day it reads them for (done, cancelled).
    static let milestonesSQL = """
        SELECT p.key AS project_key, p.opened_on, m.number, m.title, m.due_on, o.employee_no AS owner_no,
               o.name AS owner_name, m.done_on, m.cancelled_on, m.version
        FROM milestone m JOIN project p ON p.id = m.project_id LEFT JOIN person o ON o.id = m.owner_id
        WHERE p.opened_on <= $1 AND (m.cancelled_on IS NULL OR m.cancelled_on > $2)
        ORDER BY p.key, m.number
        """
}
