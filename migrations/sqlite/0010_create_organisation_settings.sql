-- Numeric settings of each organisation (the minimum age of volunteers, the acknowledgement deadlines…).
-- A setting without a row has its default, defined in src/domain/settings.cpp.
CREATE TABLE organisation_settings (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  setting_key text NOT NULL,
  setting_value bigint NOT NULL,
  PRIMARY KEY (organisation_id, setting_key)
);
