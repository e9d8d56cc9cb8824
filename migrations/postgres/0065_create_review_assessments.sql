-- The assessments received from corrections (risk_assessments, 0016) that a circle's review relies on, in
-- place of the factors the circle rates or beside them. Only the link is kept: the scores stay as the report
-- wrote them, and Cercle computes none.
CREATE TABLE review_assessments (
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  review_id bigint NOT NULL REFERENCES circle_reviews(id),
  assessment_id bigint NOT NULL REFERENCES risk_assessments(id),
  recorded_by bigint REFERENCES users(id),
  recorded_at bigint NOT NULL,
  PRIMARY KEY (review_id, assessment_id)
);
CREATE INDEX review_assessments_organisation ON review_assessments (organisation_id, review_id);
ALTER TABLE review_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE review_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY review_assessments_tenant ON review_assessments
  USING (cercle_visible(organisation_id)) WITH CHECK (cercle_visible(organisation_id));
