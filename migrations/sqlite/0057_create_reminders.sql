-- Reminders by mail (app/reminders): minutes due and late to their writer, screening items expiring, reviews
-- and renewals due, follow-ups due, and the coordinators' weekly digest. reminder_opt_outs holds the reminders a
-- person chose not to get (every reminder is on until then); reminders_sent holds each reminder mailed, by kind
-- and by what it is about ("meeting:12", "2026-12-07" for a digest), so that each goes once whatever the number
-- of servers and restarts.
CREATE TABLE reminder_opt_outs (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  user_id integer NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 30),
  PRIMARY KEY (user_id, kind)
);
CREATE TABLE reminders_sent (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  user_id integer NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 30),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  sent_at bigint NOT NULL
);
CREATE UNIQUE INDEX reminders_sent_once ON reminders_sent (user_id, kind, subject);
CREATE INDEX reminders_sent_organisation ON reminders_sent (organisation_id, sent_at);
