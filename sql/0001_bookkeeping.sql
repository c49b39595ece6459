-- Bookkeeping for tackle's own schema migrations.
-- tackle records each applied file here (version, name, SHA-256 of its text, when); it refuses to
-- run when an applied file has changed or when the database holds a version it does not know.
CREATE TABLE tackle_migration (
    version     integer PRIMARY KEY CHECK (version > 0),
    name        text NOT NULL CHECK (name <> ''),
    checksum    text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    applied_at  timestamptz NOT NULL DEFAULT now(),
    applied_by  text NOT NULL DEFAULT current_user
);

COMMENT ON TABLE tackle_migration IS 'Schema migrations applied by tackle db migrate (sql/NNNN_name.sql).';
