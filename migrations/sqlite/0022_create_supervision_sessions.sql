-- Debriefing and supervision sessions of a volunteer with the coordinator. Their notes are for
-- coordinators only.
CREATE TABLE supervision_sessions (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  held_on text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('supervision', 'debriefing')),
  notes text NOT NULL DEFAULT '',
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE INDEX supervision_sessions_volunteer ON supervision_sessions (organisation_id, volunteer_id, held_on);
