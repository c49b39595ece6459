-- Bulk figures: `tackle metric import` loads a quality system's CSV export of daily or monthly
-- figures in one transaction. An import is recorded as ONE batch (who, when, the file's SHA-256,
-- how many figures it inserted, left unchanged and corrected, and the reason), and the figures it
-- inserts point to their batch instead of getting a history row each: a million history rows would
-- take most of the import's time. Figures an import corrects keep their row-level history, with
-- the reason, as any correction does.

-- One import: written once, by the import itself, and never changed.
CREATE TABLE import_batch (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,
    login        text NOT NULL DEFAULT session_user,
    file_sha256  text NOT NULL,
    source       text NOT NULL,
    granularity  text NOT NULL,
    figures      integer NOT NULL,
    inserted     integer NOT NULL,
    unchanged    integer NOT NULL,
    corrected    integer NOT NULL,
    reason       text,
    CONSTRAINT import_batch_sha256_hex CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT import_batch_granularity_known CHECK (granularity IN ('month', 'day')),
    CONSTRAINT import_batch_counts_add_up CHECK (inserted >= 0 AND unchanged >= 0 AND corrected >= 0
                                                 AND inserted + unchanged + corrected = figures),
    CONSTRAINT import_batch_corrections_have_reason CHECK (corrected = 0 OR reason IS NOT NULL),
    CONSTRAINT import_batch_reason_not_blank CHECK (reason IS NULL OR btrim(reason) <> '')
);

-- Who, when and why are the database's to say, as for the history: the acting person, the login,
-- the transaction's time and the transaction's reason (tackle.reason), whatever the insert names.
CREATE FUNCTION tackle_import_batch_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := tackle_acting_person();
    NEW.login := session_user;
    NEW.at := now();
    NEW.reason := nullif(current_setting('tackle.reason', true), '');
    RETURN NEW;
END
$$;
CREATE TRIGGER import_batch_rules BEFORE INSERT ON import_batch
    FOR EACH ROW EXECUTE FUNCTION tackle_import_batch_rules();
-- The batch's one history row (project_id is empty: a batch may span many projects; `tackle
-- history` finds it through the figures that point to it).
CREATE TRIGGER import_batch_history AFTER INSERT ON import_batch
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER import_batch_append_only BEFORE UPDATE OR DELETE ON import_batch
    FOR EACH ROW EXECUTE FUNCTION tackle_history_append_only();
CREATE TRIGGER import_batch_no_truncate BEFORE TRUNCATE ON import_batch
    FOR EACH STATEMENT EXECUTE FUNCTION tackle_history_append_only();

-- The batch that last wrote a figure (inserted it, or corrected it); empty for figures recorded by
-- hand. A correction by hand (`metric correct`) leaves it as it is.
ALTER TABLE observation ADD COLUMN batch_id bigint;
CREATE INDEX observation_batch_idx ON observation (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX history_import_batch_idx ON history (row_id) WHERE table_name = 'import_batch';

-- A figure's batch must exist, as a foreign key would check, and more: a figure inserted into a
-- batch (so without a history row of its own) or moved to one must belong to the batch recorded in
-- the same transaction by the same login. Nobody can slip figures into someone else's, or an
-- earlier, batch to go unrecorded. The batch is inserted last by the import's statement, so this is
-- checked when the statement ends: for inserts once over all new rows (a foreign key's per-row
-- lookup would cost about a quarter of a million-figure import), for updates per changed row.
CREATE FUNCTION tackle_observation_batch_check() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    stray bigint;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        SELECT n.batch_id INTO stray FROM new_rows n
        WHERE n.batch_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM import_batch b
                          WHERE b.id = n.batch_id AND b.at = now() AND b.login = session_user)
        LIMIT 1;
    ELSIF NEW.batch_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM import_batch b
                          WHERE b.id = NEW.batch_id AND b.at = now() AND b.login = session_user) THEN
        stray := NEW.batch_id;
    END IF;
    IF stray IS NOT NULL THEN
        RAISE EXCEPTION 'figures can be linked only to the import batch recorded in the same transaction (not batch %)',
            stray
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'observation_batch_current';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER observation_batch_insert AFTER INSERT ON observation
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tackle_observation_batch_check();
CREATE TRIGGER observation_batch_change AFTER UPDATE OF batch_id ON observation
    FOR EACH ROW WHEN (NEW.batch_id IS DISTINCT FROM OLD.batch_id)
    EXECUTE FUNCTION tackle_observation_batch_check();

-- Row-level history for every figure recorded by hand and every change; none for a figure an
-- import inserts (its batch is the record).
DROP TRIGGER observation_history ON observation;
CREATE TRIGGER observation_history AFTER UPDATE OR DELETE ON observation
    FOR EACH ROW EXECUTE FUNCTION tackle_record_history();
CREATE TRIGGER observation_insert_history AFTER INSERT ON observation
    FOR EACH ROW WHEN (NEW.batch_id IS NULL) EXECUTE FUNCTION tackle_record_history();

-- Ownership and privileges as in 0007: the owner owns, the trigger functions run as the owner with
-- a search path nobody else can put objects on (a writer's temporary table named import_batch
-- cannot stand in for the real one), writers insert batches (and draw their numbers, which the
-- import's statement does itself), readers read.
DO $$
DECLARE
    home text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.oid = 'import_batch'::regclass);
    item text;
BEGIN
    ALTER TABLE import_batch OWNER TO tackle_owner;
    FOREACH item IN ARRAY ARRAY['tackle_import_batch_rules()', 'tackle_observation_batch_check()'] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO tackle_owner', item);
        EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = pg_catalog, %I, pg_temp', item, home);
    END LOOP;
END
$$;

GRANT SELECT, INSERT ON import_batch TO tackle_writer;
GRANT USAGE ON SEQUENCE import_batch_id_seq TO tackle_writer;
GRANT SELECT ON import_batch TO tackle_reader;
