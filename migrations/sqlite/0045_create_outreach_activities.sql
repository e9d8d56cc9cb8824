-- Outreach to the media and the public: presentations, media interviews, articles and events. reach is the
-- number of people reached when known. participants names who took part, as staff write it.
CREATE TABLE outreach_activities (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  held_on text NOT NULL CHECK (length(held_on) = 10),
  kind text NOT NULL CHECK (kind IN ('presentation', 'media_interview', 'article', 'event')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  audience text NOT NULL CHECK (length(audience) BETWEEN 1 AND 200),
  reach integer CHECK (reach IS NULL OR reach >= 0),
  language text NOT NULL CHECK (language IN ('fr', 'en', 'bilingual', 'other')),
  participants text NOT NULL DEFAULT '',
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX outreach_activities_date ON outreach_activities (organisation_id, held_on);
