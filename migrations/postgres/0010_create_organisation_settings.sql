-- Numeric settings of each organisation (the minimum age of volunteers, the acknowledgement deadlines…).
-- A setting without a row has its default, defined in src/domain/settings.cpp.
CREATE TABLE organisation_settings (
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  setting_key text NOT NULL,
  setting_value bigint NOT NULL,
  PRIMARY KEY (organisation_id, setting_key)
);
ALTER TABLE organisation_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY organisation_settings_tenant ON organisation_settings
  USING (cercle_visible(organisation_id)) WITH CHECK (cercle_visible(organisation_id));
