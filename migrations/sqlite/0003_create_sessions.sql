-- Server-side sessions. Only a keyed hash of the token is stored. A session passes through the second factor
-- (or its enrolment) before it is 'full'. reauthenticated_at dates the last password or code entry, for
-- step-up before sensitive actions.
CREATE TABLE sessions (
  id integer PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id integer REFERENCES organisations(id),
  stage text NOT NULL CHECK (stage IN ('second_factor', 'enrolment', 'full')),
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  idle_seconds integer NOT NULL,
  reauthenticated_at bigint NOT NULL,
  client_address text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
