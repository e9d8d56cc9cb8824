-- Hours volunteers log themselves (travel, phone contact, events, other), which a coordinator approves or
-- not. Training hours come from training_attendance, and meeting hours will come from the circles' meetings.
CREATE TABLE volunteer_hours (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  worked_on text NOT NULL,
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  kind text NOT NULL CHECK (kind IN ('travel', 'phone_contact', 'event', 'other')),
  description text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  logged_by integer REFERENCES users(id),
  logged_at bigint NOT NULL,
  reviewed_by integer REFERENCES users(id),
  reviewed_at bigint
);
CREATE INDEX volunteer_hours_volunteer ON volunteer_hours (organisation_id, volunteer_id, worked_on);
CREATE INDEX volunteer_hours_status ON volunteer_hours (organisation_id, status);
