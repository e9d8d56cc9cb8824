-- The organisation's register of meeting places (issue 17, point 3). A meeting is planned at one of them, or by
-- telephone or video; planning checks the core member's conditions in force against the place (children usually
-- present against no contact with minors, video against an internet ban, a place inside an exclusion zone).
-- A venue used by meetings is archived (archived_at), never deleted. exclusion_zones lists, one per line, the named
-- zones the venue lies in; an exclusion-zone condition names its zone (release_conditions.zone, migration 0059).
CREATE TABLE venues (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('office', 'library', 'community_centre', 'cafe', 'restaurant', 'park',
    'place_of_worship', 'residence', 'other')),
  children_present integer NOT NULL DEFAULT 0 CHECK (children_present IN (0, 1)),
  public_place integer NOT NULL DEFAULT 1 CHECK (public_place IN (0, 1)),
  accessible integer NOT NULL DEFAULT 0 CHECK (accessible IN (0, 1)),
  exclusion_zones text NOT NULL DEFAULT '' CHECK (length(exclusion_zones) <= 1000),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  archived_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE UNIQUE INDEX venues_name ON venues (organisation_id, name);
