-- The tracker: units, people, projects with their defect metric, members, milestones, trials,
-- defect observations, and an append-only history of every change.
--
-- The schema refuses impossible rows by itself (NOT NULL, CHECK, FK, UNIQUE), so a bug in the
-- application cannot store them. Constraint names say the rule: the application turns a violated
-- constraint's name into a message for the user.

-- Units: the plant, its work areas, sections and party branches.
CREATE TABLE unit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL,
    name        text NOT NULL,
    kind        text NOT NULL,
    parent_id   bigint REFERENCES unit (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unit_code_key UNIQUE (code),
    CONSTRAINT unit_code_format CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$'),
    CONSTRAINT unit_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT unit_kind_known CHECK (kind IN ('plant', 'work-area', 'section', 'party-branch'))
);

-- People, keyed by the employee number users type.
CREATE TABLE person (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employee_no   text NOT NULL,
    name          text NOT NULL,
    unit_id       bigint NOT NULL REFERENCES unit (id),
    party_member  boolean NOT NULL DEFAULT false,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT person_employee_no_key UNIQUE (employee_no),
    CONSTRAINT person_employee_no_format CHECK (employee_no ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
    CONSTRAINT person_name_not_blank CHECK (btrim(name) <> '')
);
CREATE INDEX person_unit_idx ON person (unit_id);

-- Tackling projects, each with one defect metric: lower is better. The baseline is stored as
-- counts over a period of whole months; the target is a rate.
CREATE TABLE project (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key                  text NOT NULL,
    title                text NOT NULL,
    problem              text NOT NULL DEFAULT '',
    unit_id              bigint NOT NULL REFERENCES unit (id),
    leader_id            bigint NOT NULL REFERENCES person (id),
    leader_selection     text NOT NULL,
    status               text NOT NULL DEFAULT 'active',
    opened_on            date NOT NULL,
    due_on               date NOT NULL,
    closed_on            date,
    metric_name          text NOT NULL,
    baseline_defective   integer NOT NULL,
    baseline_inspected   integer NOT NULL,
    baseline_from        date NOT NULL,
    baseline_to          date NOT NULL,
    target_rate          double precision NOT NULL,
    next_trial_number    integer NOT NULL DEFAULT 1,
    next_milestone_number integer NOT NULL DEFAULT 1,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_key_key UNIQUE (key),
    CONSTRAINT project_key_format CHECK (key ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    CONSTRAINT project_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT project_metric_not_blank CHECK (btrim(metric_name) <> ''),
    CONSTRAINT project_selection_known CHECK (leader_selection IN ('open', 'appointed')),
    CONSTRAINT project_status_known CHECK (status IN ('proposed', 'active', 'on-hold', 'completed', 'cancelled')),
    CONSTRAINT project_due_not_before_opened CHECK (due_on >= opened_on),
    CONSTRAINT project_closed_not_before_opened CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CONSTRAINT project_closed_iff_finished CHECK ((closed_on IS NOT NULL) = (status IN ('completed', 'cancelled'))),
    CONSTRAINT project_baseline_counts CHECK (baseline_inspected > 0 AND baseline_defective >= 0
                                              AND baseline_defective <= baseline_inspected),
    CONSTRAINT project_baseline_period CHECK (baseline_from <= baseline_to),
    CONSTRAINT project_target_rate_range CHECK (target_rate >= 0 AND target_rate < 1),
    CONSTRAINT project_target_below_baseline CHECK (target_rate * baseline_inspected < baseline_defective),
    CONSTRAINT project_counters_positive CHECK (next_trial_number > 0 AND next_milestone_number > 0)
);
CREATE INDEX project_status_idx ON project (status);

-- Members of a project with a role; a person leaves by getting a leave date, and may rejoin.
CREATE TABLE member (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES project (id),
    person_id   bigint NOT NULL REFERENCES person (id),
    role        text NOT NULL,
    joined_on   date NOT NULL,
    left_on     date,
    CONSTRAINT member_role_known CHECK (role IN ('leader', 'deputy', 'member', 'advisor')),
    CONSTRAINT member_left_not_before_joined CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE UNIQUE INDEX member_current_key ON member (project_id, person_id) WHERE left_on IS NULL;

-- Milestones, numbered per project (1, 2, ...); late when not done by the due date.
CREATE TABLE milestone (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES project (id),
    number      integer NOT NULL,
    title       text NOT NULL,
    due_on      date NOT NULL,
    owner_id    bigint REFERENCES person (id),
    done_on     date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT milestone_number_key UNIQUE (project_id, number),
    CONSTRAINT milestone_number_positive CHECK (number > 0),
    CONSTRAINT milestone_title_not_blank CHECK (btrim(title) <> '')
);

-- True when `parameters` is a JSON array of {"name": text, "value": number, "unit": text}.
CREATE FUNCTION tackle_valid_parameters(parameters jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT jsonb_typeof(parameters) = 'array'
       AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(parameters) AS p
           WHERE jsonb_typeof(p) <> 'object'
              OR jsonb_typeof(p -> 'name') IS DISTINCT FROM 'string'
              OR jsonb_typeof(p -> 'value') IS DISTINCT FROM 'number'
              OR jsonb_typeof(p -> 'unit') IS DISTINCT FROM 'string'
              OR (p ->> 'name') !~ '^[A-Za-z][A-Za-z0-9_]{0,39}$')
$$;

-- Trials, numbered per project (T1, T2, ...): the lever pulled, the parameters tried, and the
-- outcome as counts. Rates are always derived from the counts.
CREATE TABLE trial (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES project (id),
    number      integer NOT NULL,
    lever       text NOT NULL,
    hypothesis  text NOT NULL DEFAULT '',
    started_on  date NOT NULL,
    ended_on    date NOT NULL,
    parameters  jsonb NOT NULL DEFAULT '[]',
    inspected   integer NOT NULL,
    defective   integer NOT NULL,
    heats       text[] NOT NULL DEFAULT '{}',
    note        text NOT NULL DEFAULT '',
    conclusion  text NOT NULL DEFAULT '',
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trial_number_key UNIQUE (project_id, number),
    CONSTRAINT trial_number_positive CHECK (number > 0),
    CONSTRAINT trial_lever_not_blank CHECK (btrim(lever) <> ''),
    CONSTRAINT trial_dates_ordered CHECK (ended_on >= started_on),
    CONSTRAINT trial_counts_non_negative CHECK (inspected >= 0 AND defective >= 0),
    CONSTRAINT trial_defective_within_inspected CHECK (defective <= inspected),
    CONSTRAINT trial_parameters_valid CHECK (tackle_valid_parameters(parameters))
);

-- The project metric's production figures, per month or per day, as counts.
CREATE TABLE observation (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES project (id),
    granularity   text NOT NULL,
    period_start  date NOT NULL,
    inspected     integer NOT NULL,
    defective     integer NOT NULL,
    note          text NOT NULL DEFAULT '',
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT observation_period_key UNIQUE (project_id, granularity, period_start),
    CONSTRAINT observation_granularity_known CHECK (granularity IN ('month', 'day')),
    CONSTRAINT observation_month_starts_on_first CHECK (granularity <> 'month' OR extract(day FROM period_start) = 1),
    CONSTRAINT observation_counts_non_negative CHECK (inspected >= 0 AND defective >= 0),
    CONSTRAINT observation_defective_within_inspected CHECK (defective <= inspected)
);
CREATE INDEX observation_period_idx ON observation (period_start, project_id);

-- History: who changed what, when, from what to what. Rows are written only by the triggers below
-- and can be neither updated nor deleted, not even by the application's own role.
CREATE TABLE history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text NOT NULL,
    table_name  text NOT NULL,
    row_id      bigint NOT NULL,
    project_id  bigint,
    action      text NOT NULL,
    old_values  jsonb,
    new_values  jsonb,
    reason      text,
    CONSTRAINT history_action_known CHECK (action IN ('insert', 'update', 'delete'))
);
CREATE INDEX history_project_idx ON history (project_id, id);

-- Records one row change. The acting person and the reason come from the transaction settings
-- tackle.actor and tackle.reason, which the application sets at the start of each write.
CREATE FUNCTION tackle_record_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    row_data jsonb := coalesce(new_row, old_row);
    old_changed jsonb;
    new_changed jsonb;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(key, old_row -> key), jsonb_object_agg(key, new_row -> key)
          INTO old_changed, new_changed
          FROM jsonb_object_keys(new_row) AS key
         WHERE key NOT IN ('updated_at', 'version', 'next_trial_number', 'next_milestone_number')
           AND old_row -> key IS DISTINCT FROM new_row -> key;
        IF new_changed IS NULL THEN
            RETURN NULL;
        END IF;
    ELSE
        old_changed := old_row;
        new_changed := new_row;
    END IF;
    INSERT INTO history (actor, table_name, row_id, project_id, action, old_values, new_values, reason)
    VALUES (
        coalesce(nullif(current_setting('tackle.actor', true), ''), session_user),
        TG_TABLE_NAME,
        (row_data ->> 'id')::bigint,
        CASE WHEN TG_TABLE_NAME = 'project' THEN (row_data ->> 'id')::bigint ELSE (row_data ->> 'project_id')::bigint END,
        lower(TG_OP),
        old_changed,
        new_changed,
        nullif(current_setting('tackle.reason', true), '')
    );
    RETURN NULL;
END
$$;

CREATE TRIGGER unit_history AFTER INSERT OR UPDATE OR DELETE ON unit
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER person_history AFTER INSERT OR UPDATE OR DELETE ON person
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER project_history AFTER INSERT OR UPDATE OR DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER member_history AFTER INSERT OR UPDATE OR DELETE ON member
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER milestone_history AFTER INSERT OR UPDATE OR DELETE ON milestone
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER trial_history AFTER INSERT OR UPDATE OR DELETE ON trial
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER observation_history AFTER INSERT OR UPDATE OR DELETE ON observation
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();

-- History is append-only.
CREATE FUNCTION tackle_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
    FOR EACH ROW EXECUTE FUNCTION tackle_history_append_only();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
    FOR EACH STATEMENT EXECUTE FUNCTION tackle_history_append_only();

-- Project rules that compare a row with its previous state: the status lifecycle, and the
-- baseline, which is the leader's promise: once the project has left `proposed` it changes only
-- with a recorded reason.
CREATE FUNCTION tackle_project_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'proposed' AND NEW.status IN ('active', 'cancelled'))
        OR (OLD.status = 'active'   AND NEW.status IN ('on-hold', 'completed', 'cancelled'))
        OR (OLD.status = 'on-hold'  AND NEW.status IN ('active', 'cancelled'))) THEN
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
CREATE TRIGGER project_rules BEFORE UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION tackle_project_rules();
