-- Mail waiting to be sent, written in the same transaction as the change that causes it (src/notify/outbox.cpp).
-- Times are Unix seconds. A sender claims a mail by setting claimed_until, sends it, then sets sent_at; a failed
-- attempt increments attempts and moves next_attempt_at later, and the last allowed one sets failed_at.
-- last_error is a short technical reason (never the recipient).
CREATE TABLE outbox (
  id integer PRIMARY KEY,
  organisation_id integer REFERENCES organisations(id),
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  subject text NOT NULL,
  body text NOT NULL,
  created_at bigint NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at bigint NOT NULL,
  claimed_until bigint,
  sent_at bigint,
  failed_at bigint,
  last_error text
);
-- The due-mail query: pending mail by next attempt.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;
