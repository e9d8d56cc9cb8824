-- Volunteer care (app/volunteers/volunteer_care): volunteer_debriefs holds the debrief each volunteer of a
-- circle is owed when an urgent or emergency concern about it closes, until a coordinator records it held
-- (the note is staff's); volunteer_wellbeing holds each volunteer's answer to the monthly wellbeing check,
-- one per month, seen by coordinators only; volunteer_exit_interviews holds the interview a coordinator records
-- once a volunteer's file is closed as exited (its reasons, stored names separated by commas, and a staff note).
CREATE TABLE volunteer_debriefs (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  concern_id integer NOT NULL REFERENCES concerns(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  due_on text NOT NULL CHECK (length(due_on) = 10),
  created_at bigint NOT NULL,
  held_on text CHECK (held_on IS NULL OR length(held_on) = 10),
  held_by integer REFERENCES users(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
);
CREATE UNIQUE INDEX volunteer_debriefs_once ON volunteer_debriefs (concern_id, volunteer_id);
CREATE INDEX volunteer_debriefs_due ON volunteer_debriefs (organisation_id, held_on);
CREATE TABLE volunteer_wellbeing (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  month text NOT NULL CHECK (length(month) = 7),
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  answered_at bigint NOT NULL
);
CREATE UNIQUE INDEX volunteer_wellbeing_once ON volunteer_wellbeing (volunteer_id, month);
CREATE INDEX volunteer_wellbeing_organisation ON volunteer_wellbeing (organisation_id, month);
CREATE TABLE volunteer_exit_interviews (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  held_on text NOT NULL CHECK (length(held_on) = 10),
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE UNIQUE INDEX volunteer_exit_interviews_once ON volunteer_exit_interviews (volunteer_id);
CREATE INDEX volunteer_exit_interviews_held ON volunteer_exit_interviews (organisation_id, held_on);
