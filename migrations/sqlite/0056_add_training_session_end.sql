-- A training over several days is recorded as one session: its last day (NULL for a one-day session) and its
-- total hours, which may now pass a day's 24 (at most 200 hours, the longest requirement of a module), and so may
-- each volunteer's attendance at it. SQLite cannot change a CHECK constraint in place, so both tables are rebuilt
-- with the same rows: the attendance first, so that no row refers to the sessions table being replaced.
CREATE TABLE training_sessions_new (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  module_id integer NOT NULL REFERENCES training_modules(id),
  held_on text NOT NULL,
  ends_on text CHECK (ends_on IS NULL OR ends_on > held_on),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 12000),
  title text NOT NULL DEFAULT '',
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL
);
INSERT INTO training_sessions_new (id, organisation_id, module_id, held_on, duration_minutes, title, created_by,
                                   created_at)
  SELECT id, organisation_id, module_id, held_on, duration_minutes, title, created_by, created_at
  FROM training_sessions;
CREATE TABLE training_attendance_new (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  session_id integer NOT NULL REFERENCES training_sessions_new(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 12000),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  PRIMARY KEY (session_id, volunteer_id)
);
INSERT INTO training_attendance_new (organisation_id, session_id, volunteer_id, minutes, recorded_by, recorded_at)
  SELECT organisation_id, session_id, volunteer_id, minutes, recorded_by, recorded_at
  FROM training_attendance;
DROP TABLE training_attendance;
DROP TABLE training_sessions;
ALTER TABLE training_sessions_new RENAME TO training_sessions;
ALTER TABLE training_attendance_new RENAME TO training_attendance;
CREATE INDEX training_sessions_organisation ON training_sessions (organisation_id, held_on);
CREATE INDEX training_attendance_volunteer ON training_attendance (organisation_id, volunteer_id);
