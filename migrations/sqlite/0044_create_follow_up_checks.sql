-- Checks of public records for new events after a core member's file closed, at 6, 12, 24 and 36 months.
CREATE TABLE follow_up_checks (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  milestone_months integer NOT NULL CHECK (milestone_months IN (6, 12, 24, 36)),
  checked_on text NOT NULL CHECK (length(checked_on) = 10),
  found_events integer NOT NULL DEFAULT 0 CHECK (found_events IN (0, 1)),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE INDEX follow_up_checks_member ON follow_up_checks (organisation_id, core_member_id);
