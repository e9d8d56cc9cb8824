-- The hash-chained audit log (src/audit/audit_log.cpp). Each organisation has its own chain, and the network level
-- (organisation_id NULL) has one more; a chain is keyed coalesce(organisation_id, 0). Entries hold no personal text:
-- who, when, what (an action name, an object type and id), from where, and how it ended.
-- AUTOINCREMENT: an id is never given twice, even after the newest row was removed behind the triggers.
CREATE TABLE audit_events (
  id integer PRIMARY KEY AUTOINCREMENT,
  organisation_id integer REFERENCES organisations(id),
  sequence bigint NOT NULL CHECK (sequence >= 1),
  at bigint NOT NULL,
  actor_user_id bigint,
  action text NOT NULL CHECK (length(action) >= 1),
  object_type text NOT NULL DEFAULT '',
  object_id text NOT NULL DEFAULT '',
  client_address text NOT NULL DEFAULT '',
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  previous_hash text NOT NULL CHECK (length(previous_hash) = 64),
  hash text NOT NULL CHECK (length(hash) = 64)
);
CREATE UNIQUE INDEX audit_events_chain_sequence ON audit_events (coalesce(organisation_id, 0), sequence);
CREATE INDEX audit_events_organisation_id ON audit_events (organisation_id, id DESC);
CREATE INDEX audit_events_object ON audit_events (organisation_id, object_type, object_id);

-- The database itself keeps the log append-only.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused');
END;

-- The newest entry of each chain (chain 0: the network level). Appends read and move it in their write
-- transaction; `cercle audit verify` also uses it to notice entries removed from the end of a chain.
CREATE TABLE audit_chain_heads (
  chain integer PRIMARY KEY CHECK (chain >= 0),
  last_sequence bigint NOT NULL CHECK (last_sequence >= 0),
  last_hash text NOT NULL CHECK (length(last_hash) = 64)
);
