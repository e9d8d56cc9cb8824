-- The levels of each organisation's outcome scales, one line per level, worst first. A dimension without a
-- row uses the default scale of src/domain/outcomes.cpp.
CREATE TABLE outcome_scales (
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  dimension text NOT NULL CHECK (dimension IN ('housing', 'occupation', 'social_network')),
  levels text NOT NULL,
  updated_by bigint REFERENCES users(id),
  updated_at bigint NOT NULL,
  PRIMARY KEY (organisation_id, dimension)
);
ALTER TABLE outcome_scales ENABLE ROW LEVEL SECURITY;
ALTER TABLE outcome_scales FORCE ROW LEVEL SECURITY;
CREATE POLICY outcome_scales_tenant ON outcome_scales
  USING (cercle_visible(organisation_id)) WITH CHECK (cercle_visible(organisation_id));
