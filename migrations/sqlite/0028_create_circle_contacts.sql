-- Contacts between meetings that a volunteer logs: the day, the kind (call, visit, message, outing), how long,
-- and a short note. They feed the volunteer's hours and the "no contact for N days" flag.
CREATE TABLE circle_contacts (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  contacted_on text NOT NULL CHECK (length(contacted_on) = 10),
  kind text NOT NULL CHECK (kind IN ('call', 'visit', 'message', 'outing')),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  logged_by integer REFERENCES users(id),
  logged_at bigint NOT NULL
);
CREATE INDEX circle_contacts_circle ON circle_contacts (organisation_id, circle_id, contacted_on);
