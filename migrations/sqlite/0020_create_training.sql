-- Training of volunteers: each organisation's modules (the defaults are added the first time its volunteer
-- pages are used), their sessions, and attendance per session, from which hours add up per volunteer.
-- required_minutes is the attendance that completes a module; required_for_circles marks the modules (the
-- basic training) that must be complete before a circle.
CREATE TABLE training_modules (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  required_for_circles integer NOT NULL DEFAULT 0 CHECK (required_for_circles IN (0, 1)),
  required_minutes integer NOT NULL DEFAULT 0 CHECK (required_minutes >= 0),
  position integer NOT NULL DEFAULT 0,
  active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at bigint NOT NULL
);
CREATE INDEX training_modules_organisation ON training_modules (organisation_id, position);

CREATE TABLE training_sessions (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  module_id integer NOT NULL REFERENCES training_modules(id),
  held_on text NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  title text NOT NULL DEFAULT '',
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL
);
CREATE INDEX training_sessions_organisation ON training_sessions (organisation_id, held_on);

CREATE TABLE training_attendance (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  session_id integer NOT NULL REFERENCES training_sessions(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  PRIMARY KEY (session_id, volunteer_id)
);
CREATE INDEX training_attendance_volunteer ON training_attendance (organisation_id, volunteer_id);
