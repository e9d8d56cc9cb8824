-- The member organisations. Every table of organisation-owned data carries organisation_id.
CREATE TABLE organisations (
  id integer PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug text NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 60),
  created_at bigint NOT NULL
);
