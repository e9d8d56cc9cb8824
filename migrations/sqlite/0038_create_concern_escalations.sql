-- The alert steps of urgent and emergency concerns, one row per step (src/notify/concern_alerts.cpp): step 0
-- alerts the on-call coordinators when the concern is raised; each later step is due one acknowledgement
-- deadline after the previous one fired. The scheduler claims a due step (fired_at) and queues its mail in the
-- outbox in the same transaction, so that a restart neither loses nor repeats a step; an acknowledgement
-- cancels the pending step (cancelled_at). Times are Unix seconds.
CREATE TABLE concern_escalations (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  concern_id integer NOT NULL REFERENCES concerns(id),
  step integer NOT NULL CHECK (step >= 0),
  due_at bigint NOT NULL,
  fired_at bigint,
  cancelled_at bigint,
  UNIQUE (concern_id, step),
  CHECK (fired_at IS NULL OR cancelled_at IS NULL)
);
-- The scheduler's query: pending steps by due time.
CREATE INDEX concern_escalations_due ON concern_escalations (due_at, id)
  WHERE fired_at IS NULL AND cancelled_at IS NULL;
