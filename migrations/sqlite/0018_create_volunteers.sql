-- Volunteers: the file of each person from the first inquiry to an active circle member, and every move
-- through the pipeline (who, when and why; a refusal's reason is never shown to the volunteer).
-- user_id links the file to the account through which the volunteer sees their portal: one file per account
-- within an organisation. name_folded is the name in lower case without accents, for search
-- (src/i18n/folding.hpp). Civil dates are 'YYYY-MM-DD' text; times are Unix seconds.
CREATE TABLE volunteers (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  user_id integer REFERENCES users(id),
  first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 80),
  last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 80),
  name_folded text NOT NULL,
  email text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  languages text NOT NULL DEFAULT '',
  availability text NOT NULL DEFAULT '',
  availability_notes text NOT NULL DEFAULT '',
  date_of_birth text,
  occupation text NOT NULL DEFAULT '',
  heard_about text NOT NULL DEFAULT '',
  gender text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  stage text NOT NULL CHECK (stage IN ('inquiry', 'orientation', 'training', 'screening', 'approved', 'active',
                                       'on_leave', 'exited', 'not_retained')),
  stage_changed_at bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (organisation_id, user_id)
);
CREATE INDEX volunteers_organisation ON volunteers (organisation_id, stage, last_name);

CREATE TABLE volunteer_stage_changes (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  from_stage text,
  to_stage text NOT NULL,
  reason text NOT NULL DEFAULT '',
  changed_by integer REFERENCES users(id),
  changed_at bigint NOT NULL
);
CREATE INDEX volunteer_stage_changes_volunteer ON volunteer_stage_changes (organisation_id, volunteer_id, id);
