-- Idempotent writes: a write may carry a request id (`--request-id UUID`, `TACKLE_REQUEST_ID`).
-- The write's transaction first inserts the id here; when it is already present the write did
-- happen (committed with this row), so nothing is written again and the first result is shown.
-- The row commits or rolls back with the write itself, so "recorded here" means "written".
--
-- `command` is what was run (the subcommand and its arguments, without connection and logging
-- options): the same id for another command is refused. `result` is what the command printed on
-- stdout the first time. Old rows may be deleted at will (a retry comes minutes, not months, later).
CREATE TABLE request (
    id       uuid PRIMARY KEY,
    command  text NOT NULL,
    result   text,
    at       timestamptz NOT NULL DEFAULT now(),
    login    text NOT NULL DEFAULT session_user,
    CONSTRAINT request_command_not_blank CHECK (btrim(command) <> '')
);
CREATE INDEX request_at_idx ON request (at);

-- Owned by the owner like every tackle object (see 0007). Writers record and read their requests;
-- readers may see which requests were made. Old rows are deleted by the owner, not by writers.
ALTER TABLE request OWNER TO tackle_owner;
GRANT SELECT, INSERT, UPDATE ON request TO tackle_writer;
GRANT SELECT ON request TO tackle_reader;
