-- Keeping the record right: voided trials and figures (kept, marked, counted nowhere), cancelled
-- milestones, trial conditions (text attributes such as grade or strand), parameter names in any
-- script, and reopening a completed project.

-- A voided trial or figure stays in the table with when and why it was voided; every query that
-- counts leaves it out. Voiding is one-way.
ALTER TABLE trial
    ADD COLUMN conditions jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN voided_at timestamptz,
    ADD COLUMN void_reason text,
    ADD CONSTRAINT trial_void_has_reason CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    ADD CONSTRAINT trial_void_reason_not_blank CHECK (void_reason IS NULL OR btrim(void_reason) <> '');

ALTER TABLE observation
    ADD COLUMN voided_at timestamptz,
    ADD COLUMN void_reason text,
    ADD CONSTRAINT observation_void_has_reason CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    ADD CONSTRAINT observation_void_reason_not_blank CHECK (void_reason IS NULL OR btrim(void_reason) <> '');

-- A period can be recorded again after its figures were voided: only current figures are unique.
ALTER TABLE observation DROP CONSTRAINT observation_period_key;
CREATE UNIQUE INDEX observation_period_key ON observation (project_id, granularity, period_start)
    WHERE voided_at IS NULL;

-- A cancelled milestone is kept with the day and reason; it counts nowhere.
ALTER TABLE milestone
    ADD COLUMN cancelled_on date,
    ADD COLUMN cancel_reason text,
    ADD COLUMN version integer NOT NULL DEFAULT 1,
    ADD CONSTRAINT milestone_cancel_has_reason CHECK ((cancelled_on IS NULL) = (cancel_reason IS NULL)),
    ADD CONSTRAINT milestone_cancelled_not_done CHECK (cancelled_on IS NULL OR done_on IS NULL);

-- Parameter names in any script (比水量): no spaces or punctuation but '_', not starting with a digit
-- or '_'. (The application checks for letters precisely; this net holds whatever the server's locale,
-- whose character classes may know only ASCII.) Values are numbers with a unit.
CREATE FUNCTION tackle_valid_parameters_v2(parameters jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT jsonb_typeof(parameters) = 'array'
       AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(parameters) AS p
           WHERE jsonb_typeof(p) <> 'object'
              OR jsonb_typeof(p -> 'name') IS DISTINCT FROM 'string'
              OR jsonb_typeof(p -> 'value') IS DISTINCT FROM 'number'
              OR jsonb_typeof(p -> 'unit') IS DISTINCT FROM 'string'
              OR (p ->> 'name') !~ '^[^0-9_[:space:][:punct:]]([^[:space:][:punct:]]|_){0,39}$')
$$;

-- Conditions: text attributes of a trial, {"name": text, "value": text}, names as for parameters.
CREATE FUNCTION tackle_valid_conditions(conditions jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT jsonb_typeof(conditions) = 'array'
       AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(conditions) AS c
           WHERE jsonb_typeof(c) <> 'object'
              OR jsonb_typeof(c -> 'name') IS DISTINCT FROM 'string'
              OR jsonb_typeof(c -> 'value') IS DISTINCT FROM 'string'
              OR (c ->> 'name') !~ '^[^0-9_[:space:][:punct:]]([^[:space:][:punct:]]|_){0,39}$'
              OR btrim(c ->> 'value') = '')
$$;

ALTER TABLE trial
    DROP CONSTRAINT trial_parameters_valid,
    ADD CONSTRAINT trial_parameters_valid CHECK (tackle_valid_parameters_v2(parameters)),
    ADD CONSTRAINT trial_conditions_valid CHECK (tackle_valid_conditions(conditions));

-- The status lifecycle gains a way back: a completed project can be reopened (its closing date is
-- cleared); a cancelled project stays cancelled.
CREATE OR REPLACE FUNCTION tackle_project_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'proposed'  AND NEW.status IN ('active', 'cancelled'))
        OR (OLD.status = 'active'    AND NEW.status IN ('on-hold', 'completed', 'cancelled'))
        OR (OLD.status = 'on-hold'   AND NEW.status IN ('active', 'cancelled'))
        OR (OLD.status = 'completed' AND NEW.status = 'active')) THEN
        RAISE EXCEPTION 'a project cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'project_status_transition';
    END IF;
    IF OLD.status <> 'proposed'
       AND (NEW.baseline_defective, NEW.baseline_inspected, NEW.baseline_from, NEW.baseline_to, NEW.target_rate)
           IS DISTINCT FROM
           (OLD.baseline_defective, OLD.baseline_inspected, OLD.baseline_from, OLD.baseline_to, OLD.target_rate)
       AND coalesce(current_setting('tackle.reason', true), '') = '' THEN
        RAISE EXCEPTION 'the baseline and target of a project past proposal change only with a reason'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'project_baseline_needs_reason';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- A trial falls within its project: it starts on or after the opening and ends by the closing.
-- Checked by the database on every insert and change, so `trial log` can write a trial in one
-- statement (the project row it numbers from is locked by the same statement).
CREATE FUNCTION tackle_trial_within_project() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    p project%ROWTYPE;
BEGIN
    SELECT * INTO p FROM project WHERE id = NEW.project_id;
    IF NEW.started_on < p.opened_on THEN
        RAISE EXCEPTION 'the trial starts (%) before project % opened (%)', NEW.started_on, p.key, p.opened_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trial_starts_after_opening';
    END IF;
    IF p.closed_on IS NOT NULL AND NEW.ended_on > p.closed_on THEN
        RAISE EXCEPTION 'the trial ends (%) after project % closed (%)', NEW.ended_on, p.key, p.closed_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trial_ends_by_closing';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER trial_within_project BEFORE INSERT OR UPDATE OF started_on, ended_on, project_id ON trial
    FOR EACH ROW EXECUTE FUNCTION tackle_trial_within_project();
