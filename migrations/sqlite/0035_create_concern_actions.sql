-- What was done about a concern, each with who recorded it and when it was taken (src/domain/concern.hpp). An
-- emergency circle meeting names the meeting record it planned.
CREATE TABLE concern_actions (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  concern_id integer NOT NULL REFERENCES concerns(id),
  kind text NOT NULL CHECK (kind IN ('talk', 'emergency_meeting', 'safety_plan', 'referral', 'other')),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  taken_at bigint NOT NULL,
  meeting_id integer REFERENCES circle_meetings(id),
  recorded_by integer NOT NULL REFERENCES users(id),
  recorded_at bigint NOT NULL,
  CHECK (kind <> 'emergency_meeting' OR meeting_id IS NOT NULL)
);
CREATE INDEX concern_actions_concern ON concern_actions (organisation_id, concern_id);
