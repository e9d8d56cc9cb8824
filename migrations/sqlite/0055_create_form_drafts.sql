-- Drafts of the minutes, contact and concern forms, saved as their author types (static/js/drafts.js) so that
-- nothing typed is lost to an ended session. One draft per author and form; fields holds the form as sent (a
-- JSON array of [name, value] pairs, without its CSRF token). Deleted when the form is sent, when its author
-- discards it, and 30 days after its last save.
CREATE TABLE form_drafts (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  user_id integer NOT NULL REFERENCES users(id),
  form_kind text NOT NULL CHECK (length(form_kind) BETWEEN 1 AND 20),
  target_id bigint NOT NULL,
  fields text NOT NULL CHECK (length(fields) <= 60000),
  saved_at bigint NOT NULL
);
CREATE UNIQUE INDEX form_drafts_one_per_form ON form_drafts (organisation_id, user_id, form_kind, target_id);
CREATE INDEX form_drafts_saved ON form_drafts (organisation_id, saved_at);
