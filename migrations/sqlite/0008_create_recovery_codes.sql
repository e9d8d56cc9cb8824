-- Ten single-use recovery codes per user with two-factor sign-in, stored as keyed hashes.
CREATE TABLE recovery_codes (
  id integer PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id integer REFERENCES organisations(id),
  code_hash text NOT NULL,
  used_at bigint
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
