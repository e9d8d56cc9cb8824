-- A circle's reviews (every three months by default) and yearly renewal decisions: the day, who took part, the
-- outcome and the decisions; a renewal records whether the circle renews for a year or closes.
CREATE TABLE circle_reviews (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  kind text NOT NULL CHECK (kind IN ('review', 'renewal')),
  held_on text NOT NULL CHECK (length(held_on) = 10),
  participants text NOT NULL CHECK (length(participants) BETWEEN 1 AND 500),
  outcome text NOT NULL DEFAULT '',
  decisions text NOT NULL DEFAULT '',
  renewal_decision text CHECK (renewal_decision IS NULL OR renewal_decision IN ('renewed', 'closing')),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  CHECK ((kind = 'renewal') = (renewal_decision IS NOT NULL))
);
CREATE INDEX circle_reviews_circle ON circle_reviews (organisation_id, circle_id, held_on);
