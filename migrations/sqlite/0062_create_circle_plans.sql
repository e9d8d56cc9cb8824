-- The circle plan (app/circles/circle_plan), written with the core member at formation and revisited at each
-- review. Each circle has numbered versions (a change is a new version, the previous ones are kept); each
-- version owns its goals and its warning signs. A goal keeps its goal_key (a number within the circle) from
-- version to version, so that the progress recorded at each review follows it over the circle's life. A
-- warning sign, in the core member's own words, says what the circle does when it sees it and who is called,
-- and names the release conditions it touches. A concern may cite the warning signs it is about.
CREATE TABLE circle_plan_versions (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  version integer NOT NULL CHECK (version >= 1),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL,
  UNIQUE (circle_id, version)
);
CREATE INDEX circle_plan_versions_circle ON circle_plan_versions (organisation_id, circle_id, version);
CREATE TABLE circle_plan_goals (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  version_id integer NOT NULL REFERENCES circle_plan_versions(id),
  goal_key integer NOT NULL CHECK (goal_key >= 1),
  position integer NOT NULL CHECK (position >= 1),
  area text NOT NULL CHECK (area IN ('housing', 'work', 'relationships', 'health', 'leisure', 'other')),
  goal text NOT NULL CHECK (length(goal) BETWEEN 1 AND 500),
  steps text NOT NULL DEFAULT '' CHECK (length(steps) <= 2000),
  helpers text NOT NULL DEFAULT '' CHECK (length(helpers) <= 300),
  UNIQUE (version_id, goal_key)
);
CREATE INDEX circle_plan_goals_version ON circle_plan_goals (organisation_id, version_id, position);
CREATE TABLE circle_plan_warning_signs (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  version_id integer NOT NULL REFERENCES circle_plan_versions(id),
  position integer NOT NULL CHECK (position >= 1),
  sign text NOT NULL CHECK (length(sign) BETWEEN 1 AND 500),
  response text NOT NULL CHECK (length(response) BETWEEN 1 AND 2000),
  who_is_called text NOT NULL DEFAULT '' CHECK (length(who_is_called) <= 300)
);
CREATE INDEX circle_plan_warning_signs_version
  ON circle_plan_warning_signs (organisation_id, version_id, position);
CREATE TABLE circle_plan_sign_conditions (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  sign_id integer NOT NULL REFERENCES circle_plan_warning_signs(id),
  condition_id integer NOT NULL REFERENCES release_conditions(id),
  PRIMARY KEY (sign_id, condition_id)
);
CREATE TABLE circle_review_goal_progress (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  review_id integer NOT NULL REFERENCES circle_reviews(id),
  goal_key integer NOT NULL CHECK (goal_key >= 1),
  progress text NOT NULL CHECK (progress IN ('not_started', 'under_way', 'met', 'dropped')),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 500),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  UNIQUE (review_id, goal_key)
);
CREATE INDEX circle_review_goal_progress_review ON circle_review_goal_progress (organisation_id, review_id);
CREATE TABLE concern_warning_signs (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  concern_id integer NOT NULL REFERENCES concerns(id),
  sign_id integer NOT NULL REFERENCES circle_plan_warning_signs(id),
  PRIMARY KEY (concern_id, sign_id)
);
