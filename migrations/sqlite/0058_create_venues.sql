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

-- A meeting's venue and mode. Meetings planned before keep venue_id NULL and their typed place. For a meeting by
-- telephone or video (no venue) place holds the mode's stored name, since the column requires a text; pages
-- show the mode's label. place keeps a copy of the venue's name, kept in step when the venue is renamed, so that
-- the calendar feed, the portal and the phone view read one column. A coordinator who plans despite a clash with
-- a condition gives a reason, kept here with who overrode (and audited "circle.meeting_clash_override").
ALTER TABLE circle_meetings ADD COLUMN venue_id integer REFERENCES venues(id);
ALTER TABLE circle_meetings ADD COLUMN mode text NOT NULL DEFAULT 'in_person'
  CHECK (mode IN ('in_person', 'telephone', 'video'));
ALTER TABLE circle_meetings ADD COLUMN clash_override_reason text NOT NULL DEFAULT ''
  CHECK (length(clash_override_reason) <= 500);
ALTER TABLE circle_meetings ADD COLUMN clash_overridden_by integer REFERENCES users(id);
ALTER TABLE release_conditions ADD COLUMN zone text NOT NULL DEFAULT '' CHECK (length(zone) <= 120);
