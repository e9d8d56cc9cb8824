-- What the ranking of volunteers for a circle excludes: a conflict a volunteer declared with a core member (a
-- neighbour, a relative, a former colleague…), and the offence profiles a volunteer asked not to serve in.
CREATE TABLE volunteer_conflicts (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  UNIQUE (volunteer_id, core_member_id)
);
CREATE INDEX volunteer_conflicts_organisation ON volunteer_conflicts (organisation_id, core_member_id);

CREATE TABLE volunteer_declined_profiles (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  profile text NOT NULL CHECK (profile IN ('child_victims', 'adult_victims', 'online', 'non_contact')),
  PRIMARY KEY (volunteer_id, profile)
);
CREATE INDEX volunteer_declined_profiles_organisation ON volunteer_declined_profiles (organisation_id);
