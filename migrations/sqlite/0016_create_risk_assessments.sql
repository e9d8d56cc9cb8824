-- Risk assessments as received from corrections or a clinician: stored, never computed. Coordinators and
-- organisation admins only. The score and level are kept as the report writes them.
CREATE TABLE risk_assessments (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  tool text NOT NULL CHECK (tool IN ('static99r', 'stable2007', 'acute2007', 'other')),
  tool_other text NOT NULL DEFAULT '',
  score text NOT NULL,
  level text NOT NULL DEFAULT '',
  assessed_on text NOT NULL CHECK (length(assessed_on) = 10),
  assessor text NOT NULL,
  source_document_id integer REFERENCES documents(id),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE INDEX risk_assessments_member ON risk_assessments (organisation_id, core_member_id);
