-- The secret of each volunteer's calendar feed (/calendar/TOKEN.ics): only its keyed hash is stored, as for
-- sessions, so that a copy of the database does not open anyone's feed. A reset replaces the row, and the old
-- address stops working.
CREATE TABLE calendar_tokens (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL UNIQUE REFERENCES volunteers(id),
  token_hash text NOT NULL UNIQUE,
  created_at bigint NOT NULL
);
