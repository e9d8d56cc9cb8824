-- Each organisation's eligibility criteria. The program's four defaults carry default_key and no label until an
-- admin renames them (the interface shows them in the reader's language); criteria an admin adds carry only a
-- label. A retired criterion leaves the checklists but keeps its answers.
CREATE TABLE eligibility_criteria (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  default_key text,
  label text NOT NULL DEFAULT '',
  position integer NOT NULL,
  created_at bigint NOT NULL,
  retired_at bigint,
  UNIQUE (organisation_id, default_key)
);
CREATE INDEX eligibility_criteria_organisation ON eligibility_criteria (organisation_id, position);

-- The criteria the coordinator ticked as met on a referral's checklist.
CREATE TABLE referral_checklist (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  referral_id integer NOT NULL REFERENCES referrals(id),
  criterion_id integer NOT NULL REFERENCES eligibility_criteria(id),
  checked_by integer REFERENCES users(id),
  checked_at bigint NOT NULL,
  PRIMARY KEY (referral_id, criterion_id)
);
CREATE INDEX referral_checklist_organisation ON referral_checklist (organisation_id, referral_id);
