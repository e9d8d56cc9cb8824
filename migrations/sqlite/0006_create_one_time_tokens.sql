-- Single-use links sent by mail: invitations (valid 72 hours) and password resets (valid 1 hour).
-- Only a keyed hash of the token is stored. An invitation carries the name, address and roles of the account
-- it will create; a reset names its user.
CREATE TABLE one_time_tokens (
  id integer PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  organisation_id integer REFERENCES organisations(id),
  user_id integer REFERENCES users(id) ON DELETE CASCADE,
  email text NOT NULL,
  display_name text NOT NULL DEFAULT '',
  roles text NOT NULL DEFAULT '',
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint
);
CREATE INDEX one_time_tokens_organisation ON one_time_tokens (organisation_id, purpose);
