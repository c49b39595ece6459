-- Least privilege: group roles, an owner that is the only role able to change the schema or
-- silence a trigger, writers that can do exactly what the commands do, and a history that records
-- the database login beside the claimed actor.
--
-- Who may run this file: a superuser, or a login that is a member of tackle_owner (and, the first
-- time on a cluster, may create roles). It hands every tackle object to tackle_owner.
--
-- Roles (cluster-wide, NOLOGIN groups; logins are made members, see `tackle db roles`):
--   tackle_owner    owns every table, sequence and function; runs migrations.
--   tackle_writer   what the commands need: SELECT everywhere, INSERT/UPDATE on the tracker tables,
--                   INSERT into assessment_rubric (whose triggers check and refuse the rest), EXECUTE
--                   on tackle_publish_report. Nothing on history, project_status_change or
--                   published_report but SELECT; owns nothing, so it can neither alter nor disable a
--                   trigger nor run DDL on tackle's tables.
--   tackle_reader   SELECT on everything the reports read (management, BI tools, the notice board).
--   tackle_service  membership only: logins that may act for others (--actor, TACKLE_ACTOR): the
--                   scheduler, an integration, the private local cluster's superuser.
--
-- Privileges are granted explicitly here, not through ALTER DEFAULT PRIVILEGES (which would bind to
-- whichever role runs a later migration). A later migration that adds a table, sequence or function
-- must ALTER ... OWNER TO tackle_owner and GRANT to the groups itself.

-- Roles are shared by every database of the cluster, and test suites migrate many databases at
-- once: creating one that another migration created a moment ago is not an error.
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['tackle_owner', 'tackle_writer', 'tackle_reader', 'tackle_service'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

-- Which person a database login is. Only the owner maps logins: a writer
-- cannot update this column, so it cannot make itself someone else.
ALTER TABLE person ADD COLUMN login text;
ALTER TABLE person ADD CONSTRAINT person_login_not_blank CHECK (login IS NULL OR btrim(login) <> '');
CREATE UNIQUE INDEX person_login_key ON person (login) WHERE login IS NOT NULL;

-- The database login that made each change (session_user, which no setting can change). Changes
-- recorded before this migration show an empty login: it was not kept.
ALTER TABLE history ADD COLUMN login text NOT NULL DEFAULT '';
ALTER TABLE history ALTER COLUMN login SET DEFAULT session_user;

-- The acting person for the history and the rubric. Superusers, the owner's members and
-- tackle_service's members act for whoever they claim (tackle.actor, set by --actor/TACKLE_ACTOR;
-- else tackle.actor_fallback, the OS user; else the login). Any other login acts as the person
-- mapped to it (person.login), and a claim of anybody else is refused.
CREATE FUNCTION tackle_acting_person() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    claim text := nullif(current_setting('tackle.actor', true), '');
    mapped text;
BEGIN
    IF pg_has_role(session_user, 'tackle_owner', 'MEMBER') OR pg_has_role(session_user, 'tackle_service', 'MEMBER') THEN
        RETURN coalesce(claim, nullif(current_setting('tackle.actor_fallback', true), ''), session_user);
    END IF;
    SELECT employee_no INTO mapped FROM person WHERE login = session_user;
    IF mapped IS NULL THEN
        RAISE EXCEPTION 'database login % is not mapped to a person; the owner maps it with `tackle person edit EMPLOYEE-NO --login %`',
            session_user, session_user
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'tackle_actor_is_login';
    END IF;
    IF claim IS NOT NULL AND claim <> mapped THEN
        RAISE EXCEPTION 'login % acts as % only; only the owner and members of tackle_service may act for someone else (%)',
            session_user, mapped, claim
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'tackle_actor_is_login';
    END IF;
    RETURN mapped;
END
$$;

-- Records one row change, with the acting person and the login.
CREATE OR REPLACE FUNCTION tackle_record_history() RETURNS trigger
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
    INSERT INTO history (actor, login, table_name, row_id, project_id, action, old_values, new_values, reason)
    VALUES (
        tackle_acting_person(),
        session_user,
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

-- A new rubric version: who adds it is the acting person, and it takes effect after every earlier
-- version and after the last published month (the command checks the same, with kinder words; this
-- holds for a writer that bypasses it).
CREATE FUNCTION tackle_rubric_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1953198706); -- "tkrr": one new version at a time
    IF EXISTS (SELECT 1 FROM assessment_rubric WHERE effective_from >= NEW.effective_from OR version >= NEW.version)
       OR EXISTS (SELECT 1 FROM published_report WHERE period >= NEW.effective_from) THEN
        RAISE EXCEPTION 'rubric version % from % must come after every earlier version and every published month',
            NEW.version, to_char(NEW.effective_from, 'YYYY-MM')
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_rubric_in_order';
    END IF;
    NEW.actor := tackle_acting_person();
    NEW.created_at := clock_timestamp();
    RETURN NEW;
END
$$;
CREATE TRIGGER assessment_rubric_rules BEFORE INSERT ON assessment_rubric
    FOR EACH ROW EXECUTE FUNCTION tackle_rubric_rules();

-- Publishing a month goes through this function; nobody but the owner inserts into
-- published_report directly. It takes the month's lock (the one `report publish` takes), numbers
-- the revision itself, refuses a writer a month that has not begun on the server's clock in the
-- plant's zone (so no writer can block a future month; owner and service logins, such as the
-- scheduler with `--now`, may), and computes the
-- checksums. Returns the revision published, or NULL when `first_only` and the month is published.
CREATE FUNCTION tackle_publish_report(
    period date, first_only boolean, reason text, instance text, time_zone text, language text,
    called_in text[], text_report text, json_report text
) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    latest integer;
    today date := (now() AT TIME ZONE time_zone)::date;
BEGIN
    -- Logins that act for others (the scheduler, whose --now may simulate a later date) are trusted
    -- with the clock; any other writer cannot publish, and so block, a month that has not begun.
    IF period > today AND NOT (pg_has_role(session_user, 'tackle_owner', 'MEMBER')
                               OR pg_has_role(session_user, 'tackle_service', 'MEMBER')) THEN
        RAISE EXCEPTION 'month % has not begun (today is % in %)', to_char(period, 'YYYY-MM'), today, time_zone
            USING ERRCODE = 'check_violation', CONSTRAINT = 'published_report_not_future';
    END IF;
    PERFORM pg_advisory_xact_lock(1953198178, (extract(year FROM period) * 100 + extract(month FROM period))::integer);
    SELECT coalesce(max(p.revision), 0) INTO latest FROM published_report p WHERE p.period = tackle_publish_report.period;
    IF first_only AND latest > 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO published_report (period, revision, reason, instance, data_cutoff, time_zone, language, called_in,
                                  text_report, json_report, text_sha256, json_sha256)
    VALUES (period, latest + 1, reason, instance, (period + interval '1 month - 1 day')::date, time_zone, language,
            called_in, text_report, json_report,
            encode(sha256(convert_to(text_report, 'UTF8')), 'hex'), encode(sha256(convert_to(json_report, 'UTF8')), 'hex'));
    RETURN latest + 1;
END
$$;

-- Ownership, then the functions that write what writers may not: they run as their owner, with a
-- search path nobody else can put objects on.
DO $$
DECLARE
    home text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.oid = 'history'::regclass);
    item text;
BEGIN
    FOREACH item IN ARRAY ARRAY['tackle_migration', 'unit', 'person', 'project', 'member', 'milestone', 'trial',
                                'observation', 'history', 'published_report', 'project_status_change',
                                'assessment_rubric', 'talk'] LOOP
        -- Owned sequences (the identity columns') follow their table.
        EXECUTE format('ALTER TABLE %I OWNER TO tackle_owner', item);
    END LOOP;
    FOREACH item IN ARRAY ARRAY['tackle_valid_parameters(jsonb)', 'tackle_valid_parameters_v2(jsonb)',
                                'tackle_valid_conditions(jsonb)', 'tackle_record_history()',
                                'tackle_history_append_only()', 'tackle_project_rules()',
                                'tackle_record_status_change()', 'tackle_trial_within_project()',
                                'tackle_acting_person()', 'tackle_rubric_rules()',
                                'tackle_publish_report(date, boolean, text, text, text, text, text[], text, text)'] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO tackle_owner', item);
    END LOOP;
    FOREACH item IN ARRAY ARRAY['tackle_record_history()', 'tackle_record_status_change()', 'tackle_acting_person()',
                                'tackle_rubric_rules()',
                                'tackle_publish_report(date, boolean, text, text, text, text, text[], text, text)'] LOOP
        EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = pg_catalog, %I, pg_temp', item, home);
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION tackle_publish_report(date, boolean, text, text, text, text, text[], text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tackle_publish_report(date, boolean, text, text, text, text, text[], text, text)
    TO tackle_writer;

GRANT SELECT ON tackle_migration, unit, person, project, member, milestone, trial, observation, history,
                published_report, project_status_change, assessment_rubric, talk
    TO tackle_reader, tackle_writer;
GRANT INSERT, UPDATE ON unit, project, member, milestone, trial, observation, talk TO tackle_writer;
GRANT INSERT (employee_no, name, unit_id, party_member, active),
      UPDATE (name, unit_id, party_member, active) ON person TO tackle_writer;
GRANT INSERT ON assessment_rubric TO tackle_writer;
