-- The register of confidentiality incidents (Law 25, s. 3.5 to 3.8; the regulation respecting confidentiality
-- incidents, s. 7). The information concerned or why it is unknown; the date or period of the incident or why it is
-- unknown; when the organisation learned of it, from which the notice delay and the retention count; the number of
-- people concerned; the assessment of the risk of serious injury (four levels with a short text each) and its
-- conclusion; the notices to the Commission, to the people concerned and to the public; the measures taken.
-- keep_until is the earliest day the entry may be destroyed, five years after the organisation learned of it.
CREATE TABLE privacy_incidents (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  information text NOT NULL DEFAULT '' CHECK (length(information) <= 4000),
  information_unknown text NOT NULL DEFAULT '' CHECK (length(information_unknown) <= 4000),
  circumstances text NOT NULL CHECK (length(circumstances) BETWEEN 1 AND 4000),
  occurred_from text CHECK (occurred_from IS NULL OR length(occurred_from) = 10),
  occurred_until text CHECK (occurred_until IS NULL OR length(occurred_until) = 10),
  occurred_unknown text NOT NULL DEFAULT '' CHECK (length(occurred_unknown) <= 4000),
  learned_on text NOT NULL CHECK (length(learned_on) = 10),
  people_count integer NOT NULL CHECK (people_count >= 0),
  people_count_estimated integer NOT NULL DEFAULT 0 CHECK (people_count_estimated IN (0, 1)),
  sensitivity_level text NOT NULL CHECK (sensitivity_level IN ('low', 'moderate', 'high')),
  sensitivity_note text NOT NULL DEFAULT '' CHECK (length(sensitivity_note) <= 1000),
  misuse_level text NOT NULL CHECK (misuse_level IN ('low', 'moderate', 'high')),
  misuse_note text NOT NULL DEFAULT '' CHECK (length(misuse_note) <= 1000),
  consequences_level text NOT NULL CHECK (consequences_level IN ('low', 'moderate', 'high')),
  consequences_note text NOT NULL DEFAULT '' CHECK (length(consequences_note) <= 1000),
  likelihood_level text NOT NULL CHECK (likelihood_level IN ('low', 'moderate', 'high')),
  likelihood_note text NOT NULL DEFAULT '' CHECK (length(likelihood_note) <= 1000),
  conclusion text NOT NULL CHECK (conclusion IN ('not_serious', 'serious')),
  commission_notified_on text CHECK (commission_notified_on IS NULL OR length(commission_notified_on) = 10),
  people_notified_on text CHECK (people_notified_on IS NULL OR length(people_notified_on) = 10),
  public_notice_on text CHECK (public_notice_on IS NULL OR length(public_notice_on) = 10),
  measures text NOT NULL CHECK (length(measures) BETWEEN 1 AND 4000),
  keep_until text NOT NULL CHECK (length(keep_until) = 10),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  updated_by integer REFERENCES users(id),
  updated_at bigint NOT NULL,
  CHECK (information <> '' OR information_unknown <> ''),
  CHECK (occurred_from IS NOT NULL OR occurred_unknown <> '')
);
CREATE INDEX privacy_incidents_learned ON privacy_incidents (organisation_id, learned_on);
-- The records an incident is tied to, by the object type the audit log gives them and their id.
CREATE TABLE privacy_incident_records (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  incident_id integer NOT NULL REFERENCES privacy_incidents(id),
  record_kind text NOT NULL CHECK (record_kind IN ('document', 'concern', 'disclosure', 'sharing_agreement', 'circle',
                                                   'core_member', 'volunteer', 'referral')),
  record_id bigint NOT NULL,
  UNIQUE (incident_id, record_kind, record_id)
);
CREATE INDEX privacy_incident_records_incident ON privacy_incident_records (organisation_id, incident_id);
-- The core members and volunteers concerned, when known.
CREATE TABLE privacy_incident_people (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  incident_id integer NOT NULL REFERENCES privacy_incidents(id),
  person_kind text NOT NULL CHECK (person_kind IN ('core_member', 'volunteer')),
  person_id bigint NOT NULL,
  UNIQUE (incident_id, person_kind, person_id)
);
CREATE INDEX privacy_incident_people_incident ON privacy_incident_people (organisation_id, incident_id);
