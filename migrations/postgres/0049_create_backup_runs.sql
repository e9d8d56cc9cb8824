-- The scheduled backups, one row per day's slot (its local date, YYYY-MM-DD). The server that inserts a slot's
-- row takes that backup, so that several servers on one database take one. The archive's file name (in the
-- configured folder), its size, and the restore drill that followed; a failure is a short category, never a
-- record's content. The table belongs to no organisation: only the system scope reads it.
CREATE TABLE backup_runs (
  slot text PRIMARY KEY,
  started_at bigint NOT NULL,
  finished_at bigint,
  archive text NOT NULL DEFAULT '',
  bytes bigint NOT NULL DEFAULT 0,
  state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'failed', 'verified', 'unverified')),
  failure text NOT NULL DEFAULT ''
);
CREATE INDEX backup_runs_started ON backup_runs (started_at);
-- The mails that told administrators no verified backup succeeded for 26 hours: one per lapse, the lapse named
-- by the time of the last verified backup before it (0 when there was none), so that two servers send one.
CREATE TABLE backup_alerts (
  since bigint PRIMARY KEY,
  sent_at bigint NOT NULL
);
