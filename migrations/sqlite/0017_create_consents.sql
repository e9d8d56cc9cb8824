-- The consents a core member gave: to share with the outer circle or a named partner organisation, to take part
-- in evaluation research, or for the media. expires_on is the last valid day; a withdrawal keeps the row.
CREATE TABLE consents (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  scope text NOT NULL CHECK (scope IN ('outer_circle', 'partner_organisation', 'research', 'media')),
  partner_organisation text NOT NULL DEFAULT '',
  given_on text NOT NULL CHECK (length(given_on) = 10),
  expires_on text CHECK (expires_on IS NULL OR length(expires_on) = 10),
  withdrawn_on text CHECK (withdrawn_on IS NULL OR length(withdrawn_on) = 10),
  withdrawn_by integer REFERENCES users(id),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE INDEX consents_member ON consents (organisation_id, core_member_id);
