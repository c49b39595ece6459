-- Indexes the monthly report and the notice board need at plant scale (1,000 projects, 100,000
-- trials): without them each report scans every trial and every membership per project.

-- Trials by the day they ended: the month's trials and the last twelve months' trial work.
CREATE INDEX trial_ended_idx ON trial (ended_on, project_id);

-- A project's trials in order with their counts, read from the index alone: the verdicts' family
-- (Holm over every earlier trial of a project with a trial in the month; 93,000 rows at plant scale).
CREATE INDEX trial_outcome_idx ON trial (project_id, number) INCLUDE (ended_on, defective, inspected)
    WHERE voided_at IS NULL;

-- Memberships by project, past ones included: the leader in office on a given day. The unique
-- index on current memberships cannot serve a day in the past.
CREATE INDEX member_project_idx ON member (project_id, joined_on);

-- Changes to a project's own row (a corrected baseline is flagged in the month it changed).
CREATE INDEX history_project_update_idx ON history (row_id, at)
    WHERE table_name = 'project' AND action = 'update';
