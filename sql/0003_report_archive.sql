-- Published monthly reports, kept exactly as published.
--
-- The scheduled job publishes each month once: the period is the primary key, and the report is
-- inserted in the same transaction that decides to publish it, so several instances running at
-- once cannot publish a month twice. The text and JSON are stored byte for byte with their SHA-256,
-- so the files in the output directory can be checked and rewritten from here.
CREATE TABLE published_report (
    period        date PRIMARY KEY,
    generated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    instance      text NOT NULL,
    data_cutoff   date NOT NULL,
    time_zone     text NOT NULL,
    text_report   text NOT NULL,
    json_report   text NOT NULL,
    text_sha256   text NOT NULL,
    json_sha256   text NOT NULL,
    CONSTRAINT published_report_period_is_month CHECK (extract(day FROM period) = 1),
    CONSTRAINT published_report_cutoff_ends_period CHECK (data_cutoff = (period + interval '1 month - 1 day')::date),
    CONSTRAINT published_report_text_sha256 CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT published_report_json_sha256 CHECK (json_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT published_report_json_is_json CHECK (json_report::jsonb IS NOT NULL)
);

-- A published report is never changed or removed.
CREATE TRIGGER published_report_append_only BEFORE UPDATE OR DELETE ON published_report
    FOR EACH ROW EXECUTE FUNCTION tackle_history_append_only();
CREATE TRIGGER published_report_no_truncate BEFORE TRUNCATE ON published_report
    FOR EACH STATEMENT EXECUTE FUNCTION tackle_history_append_only();
