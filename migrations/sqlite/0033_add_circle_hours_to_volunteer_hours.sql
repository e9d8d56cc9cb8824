-- Circles feed volunteer hours: the time of each volunteer present at a meeting (approved as it is recorded, as
-- training attendance is) and the contacts volunteers log between meetings (approved by a coordinator like other
-- logged hours). Two kinds are added, and the meeting or contact each entry comes from. SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt with the same rows (no other table refers to it).
CREATE TABLE volunteer_hours_new (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  worked_on text NOT NULL,
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  kind text NOT NULL CHECK (kind IN ('travel', 'phone_contact', 'event', 'other', 'circle_meeting',
                                     'circle_contact')),
  description text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  logged_by integer REFERENCES users(id),
  logged_at bigint NOT NULL,
  reviewed_by integer REFERENCES users(id),
  reviewed_at bigint,
  meeting_id integer REFERENCES circle_meetings(id),
  contact_id integer REFERENCES circle_contacts(id)
);
INSERT INTO volunteer_hours_new (id, organisation_id, volunteer_id, worked_on, minutes, kind, description, status,
                                 logged_by, logged_at, reviewed_by, reviewed_at)
  SELECT id, organisation_id, volunteer_id, worked_on, minutes, kind, description, status, logged_by, logged_at,
         reviewed_by, reviewed_at
  FROM volunteer_hours;
DROP TABLE volunteer_hours;
ALTER TABLE volunteer_hours_new RENAME TO volunteer_hours;
CREATE INDEX volunteer_hours_volunteer ON volunteer_hours (organisation_id, volunteer_id, worked_on);
CREATE INDEX volunteer_hours_status ON volunteer_hours (organisation_id, status);
CREATE UNIQUE INDEX volunteer_hours_meeting ON volunteer_hours (meeting_id, volunteer_id) WHERE meeting_id IS NOT NULL;
CREATE UNIQUE INDEX volunteer_hours_contact ON volunteer_hours (contact_id) WHERE contact_id IS NOT NULL;
