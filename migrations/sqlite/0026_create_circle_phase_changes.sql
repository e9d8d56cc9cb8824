-- Every phase change of a circle: from and to (from is NULL for the opening), the day it was decided, the
-- meeting that decided it, why, and who recorded it.
CREATE TABLE circle_phase_changes (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  from_phase text,
  to_phase text NOT NULL,
  decided_on text NOT NULL CHECK (length(decided_on) = 10),
  meeting_id integer REFERENCES circle_meetings(id),
  reason text NOT NULL DEFAULT '',
  decided_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE INDEX circle_phase_changes_circle ON circle_phase_changes (organisation_id, circle_id, id);
