-- Core members' files. file_number is unique within the organisation. offence_summary is for coordinators and
-- organisation admins; volunteer_summary is what the coordinator writes for the circle's volunteers.
-- search_text holds the folded legal name, name he goes by and file number (i18n::FoldForSearch) for
-- accent-insensitive search with LIKE. Civil dates are 'YYYY-MM-DD' text.
CREATE TABLE core_members (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  file_number text NOT NULL CHECK (length(file_number) BETWEEN 1 AND 40),
  legal_name text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
  preferred_name text NOT NULL DEFAULT '',
  birth_date text CHECK (birth_date IS NULL OR length(birth_date) = 10),
  preferred_language text NOT NULL DEFAULT 'fr' CHECK (preferred_language IN ('fr', 'en', 'other')),
  other_language text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  offence_summary text NOT NULL DEFAULT '',
  volunteer_summary text NOT NULL DEFAULT '',
  status text NOT NULL
    CHECK (status IN ('candidate', 'waiting_for_circle', 'in_circle', 'between_circles', 'closed')),
  coordinator_user_id integer REFERENCES users(id),
  statutory_release_date text CHECK (statutory_release_date IS NULL OR length(statutory_release_date) = 10),
  warrant_expiry_date text CHECK (warrant_expiry_date IS NULL OR length(warrant_expiry_date) = 10),
  search_text text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (organisation_id, file_number)
);
CREATE INDEX core_members_status ON core_members (organisation_id, status);
