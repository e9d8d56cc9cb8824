-- Referrals: who referred the man, when, and the coordinator's decision. The man's identity lives here until
-- an acceptance opens (or reopens) his file, core_member_id. summary is for coordinators and admins.
CREATE TABLE referrals (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  source text NOT NULL CHECK (source IN ('csc', 'provincial', 'police', 'community', 'self', 'other')),
  source_other text NOT NULL DEFAULT '',
  referrer_name text NOT NULL DEFAULT '',
  referrer_organisation text NOT NULL DEFAULT '',
  referrer_contact text NOT NULL DEFAULT '',
  received_on text NOT NULL CHECK (length(received_on) = 10),
  person_legal_name text NOT NULL CHECK (length(person_legal_name) BETWEEN 1 AND 200),
  person_preferred_name text NOT NULL DEFAULT '',
  person_birth_date text CHECK (person_birth_date IS NULL OR length(person_birth_date) = 10),
  summary text NOT NULL DEFAULT '',
  status text NOT NULL
    CHECK (status IN ('received', 'screening', 'accepted', 'declined', 'waitlisted', 'withdrawn')),
  decision_reason text NOT NULL DEFAULT '',
  core_member_id integer REFERENCES core_members(id),
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX referrals_status ON referrals (organisation_id, status, received_on);
CREATE INDEX referrals_core_member ON referrals (organisation_id, core_member_id);

-- Every move of a referral: who, when, why (from_status is NULL for its creation).
CREATE TABLE referral_status_changes (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  referral_id integer NOT NULL REFERENCES referrals(id),
  from_status text,
  to_status text NOT NULL,
  reason text NOT NULL DEFAULT '',
  changed_by integer REFERENCES users(id),
  changed_at bigint NOT NULL
);
CREATE INDEX referral_status_changes_referral ON referral_status_changes (organisation_id, referral_id);
