-- The monthly assessment (月度考核): dated status changes, so a past month is built from what was
-- true then; the scoring rubric, versioned by the month it takes effect; talks with the projects
-- called in (约谈) and their agreed actions; and revisions of a published month.

-- Every status a project has had and the day it took effect. A project's status at the end of a
-- month is the last change dated on or before that day (ties: the later change), so a change
-- dated today never alters an earlier month.
CREATE TABLE project_status_change (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES project (id),
    status        text NOT NULL,
    effective_on  date NOT NULL,
    reason        text,
    recorded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT project_status_change_status_known
        CHECK (status IN ('proposed', 'active', 'on-hold', 'completed', 'cancelled'))
);
CREATE INDEX project_status_change_project_idx ON project_status_change (project_id, effective_on, id);

-- What was there before this migration: the opening status, then every status change the
-- history recorded. A finishing change took effect on the closing date; the day of any other
-- change was not recorded, so it is the day the history row was written, at the plant's default
-- time zone (Asia/Shanghai).
INSERT INTO project_status_change (project_id, status, effective_on, reason, recorded_at)
SELECT p.id, coalesce(
           (SELECT h.new_values ->> 'status' FROM history h
            WHERE h.table_name = 'project' AND h.row_id = p.id AND h.action = 'insert' ORDER BY h.id LIMIT 1),
           CASE WHEN p.status = 'proposed' THEN 'proposed' ELSE 'active' END),
       p.opened_on, NULL, p.created_at
FROM project p;

INSERT INTO project_status_change (project_id, status, effective_on, reason, recorded_at)
SELECT h.row_id, h.new_values ->> 'status',
       greatest(p.opened_on, coalesce((h.new_values ->> 'closed_on')::date, (h.at AT TIME ZONE 'Asia/Shanghai')::date)),
       h.reason, h.at
FROM history h JOIN project p ON p.id = h.row_id
WHERE h.table_name = 'project' AND h.action = 'update' AND h.new_values ? 'status'
ORDER BY h.id;

-- New changes are recorded by the database itself: the day is the transaction setting
-- tackle.status_on (set by `set-status --on`), else the closing date, else today.
CREATE FUNCTION tackle_record_status_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    effective date;
    latest date;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO project_status_change (project_id, status, effective_on, reason)
        VALUES (NEW.id, NEW.status, NEW.opened_on, nullif(current_setting('tackle.reason', true), ''));
        RETURN NULL;
    END IF;
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NULL;
    END IF;
    effective := coalesce(nullif(current_setting('tackle.status_on', true), '')::date, NEW.closed_on, current_date);
    SELECT max(effective_on) INTO latest FROM project_status_change WHERE project_id = NEW.id;
    IF effective < NEW.opened_on OR effective < latest THEN
        RAISE EXCEPTION 'a status change of project % cannot be dated % (opened %, last change %)',
            NEW.key, effective, NEW.opened_on, latest
            USING ERRCODE = 'check_violation', CONSTRAINT = 'project_status_change_in_order';
    END IF;
    INSERT INTO project_status_change (project_id, status, effective_on, reason)
    VALUES (NEW.id, NEW.status, effective, nullif(current_setting('tackle.reason', true), ''));
    RETURN NULL;
END
$$;
CREATE TRIGGER project_status_change_record AFTER INSERT OR UPDATE OF status ON project
    FOR EACH ROW EXECUTE FUNCTION tackle_record_status_change();
CREATE TRIGGER project_status_change_append_only BEFORE UPDATE OR DELETE ON project_status_change
    FOR EACH ROW EXECUTE FUNCTION tackle_history_append_only();
CREATE TRIGGER project_status_change_no_truncate BEFORE TRUNCATE ON project_status_change
    FOR EACH STATEMENT EXECUTE FUNCTION tackle_history_append_only();

-- The scoring rubric the party committee publishes. Each version takes effect from a month and
-- holds until the next; versions are never changed, so a past month's scores never change.
CREATE TABLE assessment_rubric (
    version           integer PRIMARY KEY,
    effective_from    date NOT NULL,
    progress_points   integer NOT NULL,
    milestone_points  integer NOT NULL,
    trial_points      integer NOT NULL,
    reporting_points  integer NOT NULL,
    called_in         integer NOT NULL,
    figures_due_day   integer NOT NULL,
    trial_months      integer NOT NULL,
    reason            text NOT NULL,
    actor             text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT assessment_rubric_version_positive CHECK (version > 0),
    CONSTRAINT assessment_rubric_from_is_month CHECK (extract(day FROM effective_from) = 1),
    CONSTRAINT assessment_rubric_from_key UNIQUE (effective_from),
    CONSTRAINT assessment_rubric_points_non_negative
        CHECK (progress_points >= 0 AND milestone_points >= 0 AND trial_points >= 0 AND reporting_points >= 0),
    CONSTRAINT assessment_rubric_points_sum_100
        CHECK (progress_points + milestone_points + trial_points + reporting_points = 100),
    CONSTRAINT assessment_rubric_called_in_range CHECK (called_in BETWEEN 0 AND 20),
    CONSTRAINT assessment_rubric_figures_due_day_range CHECK (figures_due_day BETWEEN 1 AND 28),
    CONSTRAINT assessment_rubric_trial_months_range CHECK (trial_months BETWEEN 1 AND 12),
    CONSTRAINT assessment_rubric_reason_not_blank CHECK (btrim(reason) <> '')
);
CREATE TRIGGER assessment_rubric_append_only BEFORE UPDATE OR DELETE ON assessment_rubric
    FOR EACH ROW EXECUTE FUNCTION tackle_history_append_only();
CREATE TRIGGER assessment_rubric_no_truncate BEFORE TRUNCATE ON assessment_rubric
    FOR EACH STATEMENT EXECUTE FUNCTION tackle_history_append_only();

INSERT INTO assessment_rubric (version, effective_from, progress_points, milestone_points, trial_points,
                               reporting_points, called_in, figures_due_day, trial_months, reason, actor)
VALUES (1, DATE '2000-01-01', 50, 25, 15, 10, 3, 5, 3, 'default rubric (默认评分细则)', 'tackle');

-- Talks with the leaders of projects called in for a month (末位约谈), one per project and month,
-- with the actions agreed.
CREATE TABLE talk (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES project (id),
    period      date NOT NULL,
    held_on     date NOT NULL,
    held_by     bigint NOT NULL REFERENCES person (id),
    notes       text NOT NULL DEFAULT '',
    actions     text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT talk_period_is_month CHECK (extract(day FROM period) = 1),
    CONSTRAINT talk_held_after_month CHECK (held_on > (period + interval '1 month - 1 day')::date),
    CONSTRAINT talk_project_period_key UNIQUE (project_id, period),
    CONSTRAINT talk_actions_not_blank CHECK (array_position(actions, '') IS NULL)
);
CREATE TRIGGER talk_history AFTER INSERT OR UPDATE OR DELETE ON talk
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();

-- Revisions of a published month: revision 1 is what the scheduled job (or the first
-- `report publish`) posted; a correction is a new revision with a reason, never an edit. The
-- projects called in and the language are kept with each revision.
ALTER TABLE published_report
    ADD COLUMN revision integer NOT NULL DEFAULT 1,
    ADD COLUMN reason text,
    ADD COLUMN language text NOT NULL DEFAULT 'en',
    ADD COLUMN called_in text[] NOT NULL DEFAULT '{}';
ALTER TABLE published_report DROP CONSTRAINT published_report_pkey;
ALTER TABLE published_report ADD CONSTRAINT published_report_pkey PRIMARY KEY (period, revision);
ALTER TABLE published_report
    ADD CONSTRAINT published_report_revision_positive CHECK (revision > 0),
    ADD CONSTRAINT published_report_revision_reason CHECK (revision = 1 OR btrim(coalesce(reason, '')) <> ''),
    ADD CONSTRAINT published_report_language_known CHECK (language IN ('en', 'zh'));

-- Reports published before revisions existed called in their bottom three; keep that record.
ALTER TABLE published_report DISABLE TRIGGER published_report_append_only;
UPDATE published_report
SET called_in = ARRAY(SELECT jsonb_array_elements_text(json_report::jsonb -> 'summary' -> 'bottom_three'))
WHERE json_report::jsonb -> 'summary' ? 'bottom_three';
ALTER TABLE published_report ENABLE TRIGGER published_report_append_only;
