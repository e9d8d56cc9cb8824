-- Every status change of a core member's file: who, when, why, and the referral whose acceptance opened or
-- reopened it (from_status is NULL when the file was opened).
CREATE TABLE core_member_status_changes (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  from_status text,
  to_status text NOT NULL,
  reason text NOT NULL DEFAULT '',
  referral_id integer REFERENCES referrals(id),
  changed_by integer REFERENCES users(id),
  changed_at bigint NOT NULL
);
CREATE INDEX core_member_status_changes_member ON core_member_status_changes (organisation_id, core_member_id);
