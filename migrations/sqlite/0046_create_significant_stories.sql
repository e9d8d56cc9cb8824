-- Significant stories written by staff for funders and the public. A story goes out only once reviewed
-- (reviewed_at set): someone checked that it identifies no one. Editing a story clears its review.
CREATE TABLE significant_stories (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  written_on text NOT NULL CHECK (length(written_on) = 10),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  story text NOT NULL,
  written_by integer REFERENCES users(id),
  reviewed_by integer REFERENCES users(id),
  reviewed_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX significant_stories_date ON significant_stories (organisation_id, written_on);
