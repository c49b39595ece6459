-- An index on every foreign key: PostgreSQL indexes the referenced key, never the referencing
-- columns, so without one each delete or key change of a referenced row scans the referencing
-- table, and a report joining from the referenced side scans it too. Found by comparing
-- pg_constraint with pg_index on a migrated database; a test keeps every foreign key covered.
--
-- observation already had a unique index led by project_id, but a partial one (current figures
-- only), which cannot find the voided figures a deleted project still references.

CREATE INDEX unit_parent_idx ON unit (parent_id);
CREATE INDEX project_unit_idx ON project (unit_id);
CREATE INDEX project_leader_idx ON project (leader_id);
CREATE INDEX member_person_idx ON member (person_id);
CREATE INDEX milestone_owner_idx ON milestone (owner_id);
CREATE INDEX talk_held_by_idx ON talk (held_by);
CREATE INDEX observation_project_idx ON observation (project_id);
