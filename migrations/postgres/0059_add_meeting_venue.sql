-- A meeting's venue and mode. Meetings planned before keep venue_id NULL and their typed place. For a meeting by
-- telephone or video (no venue) place holds the mode's stored name, since the column requires a text; pages
-- show the mode's label. place keeps a copy of the venue's name, kept in step when the venue is renamed, so that
-- the calendar feed, the portal and the phone view read one column. A coordinator who plans despite a clash with
-- a condition gives a reason, kept here with who overrode (and audited "circle.meeting_clash_override").
ALTER TABLE circle_meetings ADD COLUMN venue_id bigint REFERENCES venues(id);
ALTER TABLE circle_meetings ADD COLUMN mode text NOT NULL DEFAULT 'in_person'
  CHECK (mode IN ('in_person', 'telephone', 'video'));
ALTER TABLE circle_meetings ADD COLUMN clash_override_reason text NOT NULL DEFAULT ''
  CHECK (length(clash_override_reason) <= 500);
ALTER TABLE circle_meetings ADD COLUMN clash_overridden_by bigint REFERENCES users(id);
-- Release conditions state their zone in free text, so an exclusion-zone condition gains the name of its zone: a
-- clash is the same name in the condition and in the venue's exclusion_zones (accents and case aside), which a
-- coordinator can check by reading both, rather than a guess from the condition's wording.
ALTER TABLE release_conditions ADD COLUMN zone text NOT NULL DEFAULT '' CHECK (length(zone) <= 120);
