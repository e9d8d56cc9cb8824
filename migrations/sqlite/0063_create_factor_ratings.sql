-- Dynamic risk and protective factors rated at each review of a circle (issue 17, point 2).
-- risk_factors is each organisation's list (written from the default of src/domain/risk_factors.cpp the
-- first time a review is rated or the list changed); a factor is renamed, moved or deactivated, never
-- deleted, so that its ratings keep their meaning. review_factor_ratings holds one rating (0 to 2) and a
-- comment per factor and review; ratings are never added up into a score.
CREATE TABLE risk_factors (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  factor_key text NOT NULL CHECK (length(factor_key) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('dynamic_risk', 'protective')),
  sort_order integer NOT NULL,
  active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX risk_factors_key ON risk_factors (organisation_id, factor_key);
CREATE TABLE review_factor_ratings (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  review_id integer NOT NULL REFERENCES circle_reviews(id),
  factor_id integer NOT NULL REFERENCES risk_factors(id),
  rating integer NOT NULL CHECK (rating BETWEEN 0 AND 2),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 500),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE UNIQUE INDEX review_factor_ratings_once ON review_factor_ratings (review_id, factor_id);
CREATE INDEX review_factor_ratings_organisation ON review_factor_ratings (organisation_id, factor_id);
