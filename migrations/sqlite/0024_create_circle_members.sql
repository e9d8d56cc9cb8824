-- The volunteers of each circle. A row is one stay: joined_on, and left_on with its reason when the volunteer
-- left (or was replaced: replaced_member_id names the stay a replacement took over). A volunteer is in a circle
-- at most once at a time; one current member may be the primary volunteer.
CREATE TABLE circle_members (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  is_primary integer NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  joined_on text NOT NULL CHECK (length(joined_on) = 10),
  left_on text CHECK (left_on IS NULL OR length(left_on) = 10),
  left_reason text NOT NULL DEFAULT '',
  replaced_member_id integer REFERENCES circle_members(id),
  added_by integer REFERENCES users(id),
  added_at bigint NOT NULL
);
CREATE UNIQUE INDEX circle_members_current ON circle_members (circle_id, volunteer_id) WHERE left_on IS NULL;
CREATE INDEX circle_members_volunteer ON circle_members (organisation_id, volunteer_id);
CREATE INDEX circle_members_circle ON circle_members (organisation_id, circle_id);
