-- Outcome measures of a core member: housing, occupation and social network, each a level of the
-- organisation's scale (1 = worst), taken at the start, at a review or at closure (said by the coordinator
-- until circles are recorded).
CREATE TABLE outcome_measures (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  measured_on text NOT NULL CHECK (length(measured_on) = 10),
  occasion text NOT NULL CHECK (occasion IN ('start', 'review', 'closure')),
  housing integer NOT NULL CHECK (housing BETWEEN 1 AND 7),
  occupation integer NOT NULL CHECK (occupation BETWEEN 1 AND 7),
  social_network integer NOT NULL CHECK (social_network BETWEEN 1 AND 7),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE INDEX outcome_measures_member ON outcome_measures (organisation_id, core_member_id, measured_on);
