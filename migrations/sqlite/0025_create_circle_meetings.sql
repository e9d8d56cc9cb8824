-- A circle's meetings: planned with a kind, a start (Unix seconds), a planned length and a place (shown in the
-- volunteers' calendar feeds, so it never names anyone), and the volunteer asked to write the minutes. A meeting
-- whose start has passed and that was not cancelled was held.
CREATE TABLE circle_meetings (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  kind text NOT NULL CHECK (kind IN ('group', 'one_to_one', 'emergency', 'review', 'outer_briefing', 'closure')),
  starts_at bigint NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  writer_volunteer_id integer REFERENCES volunteers(id),
  cancelled_at bigint,
  cancelled_by integer REFERENCES users(id),
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL
);
CREATE INDEX circle_meetings_circle ON circle_meetings (organisation_id, circle_id, starts_at);

-- The minutes of a held meeting, written by one volunteer within 48 hours: how long it lasted, whether the core
-- member came, the check-in, the accountability part (relationships, risk factors, situations), the support
-- given, decisions and next steps. The coordinator acknowledges them and may add a comment the volunteers see.
CREATE TABLE circle_minutes (
  meeting_id integer PRIMARY KEY REFERENCES circle_meetings(id),
  organisation_id integer NOT NULL REFERENCES organisations(id),
  written_by_volunteer_id integer NOT NULL REFERENCES volunteers(id),
  written_by integer REFERENCES users(id),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  core_member_present integer NOT NULL CHECK (core_member_present IN (0, 1)),
  check_in text NOT NULL DEFAULT '',
  accountability text NOT NULL DEFAULT '',
  support text NOT NULL DEFAULT '',
  decisions text NOT NULL DEFAULT '',
  next_steps text NOT NULL DEFAULT '',
  submitted_at bigint NOT NULL,
  acknowledged_by integer REFERENCES users(id),
  acknowledged_at bigint,
  coordinator_comment text NOT NULL DEFAULT ''
);
CREATE INDEX circle_minutes_acknowledged ON circle_minutes (organisation_id, acknowledged_at);

-- The volunteers present at a held meeting, as its minutes record them; each present volunteer's time counts
-- in their hours.
CREATE TABLE circle_attendance (
  meeting_id integer NOT NULL REFERENCES circle_meetings(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  organisation_id integer NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (meeting_id, volunteer_id)
);
