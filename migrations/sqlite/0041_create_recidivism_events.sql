-- Recidivism events on a core member's file: new charges, convictions, breaches of conditions and returns to
-- custody, by category, and whether they happened during or after the circle (said by the coordinator until
-- circles are recorded). reference says where to find the event again; it is for coordinators and never
-- leaves Cercle. Civil dates are 'YYYY-MM-DD' text.
CREATE TABLE recidivism_events (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  occurred_on text NOT NULL CHECK (length(occurred_on) = 10),
  kind text NOT NULL CHECK (kind IN ('new_charge', 'conviction', 'breach_of_conditions', 'return_to_custody')),
  category text NOT NULL CHECK (category IN ('sexual', 'violent', 'other')),
  source text NOT NULL
    CHECK (source IN ('court_records', 'parole_officer', 'police', 'core_member', 'media', 'other')),
  reference text NOT NULL DEFAULT '',
  circle_period text NOT NULL CHECK (circle_period IN ('during', 'after')),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX recidivism_events_member ON recidivism_events (organisation_id, core_member_id);
CREATE INDEX recidivism_events_date ON recidivism_events (organisation_id, occurred_on);
