-- Disclosures of a concern to someone outside the circle (src/domain/concern_disclosure.hpp): the recipient (a
-- partner contact, the police, youth protection (DPJ) or someone else, with the name and organisation as
-- recorded), when and how, what was shared, and the legal basis: the consent or the agreement relied on, checked
-- against the record when it was recorded, or the coordinator's explanation.
CREATE TABLE concern_disclosures (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  concern_id integer NOT NULL REFERENCES concerns(id),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('partner_contact', 'police', 'dpj', 'other')),
  partner_contact_id integer REFERENCES partner_contacts(id),
  recipient_name text NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 200),
  recipient_organisation text NOT NULL DEFAULT '' CHECK (length(recipient_organisation) <= 200),
  disclosed_at bigint NOT NULL,
  means text NOT NULL CHECK (means IN ('phone', 'in_person', 'email', 'letter', 'other')),
  shared text NOT NULL CHECK (length(shared) BETWEEN 1 AND 4000),
  basis text NOT NULL CHECK (basis IN ('consent', 'agreement', 'imminent_danger', 'child_protection',
                                       'court_order', 'other')),
  consent_id integer REFERENCES consents(id),
  agreement_id integer REFERENCES sharing_agreements(id),
  explanation text NOT NULL DEFAULT '' CHECK (length(explanation) <= 2000),
  recorded_by integer NOT NULL REFERENCES users(id),
  recorded_at bigint NOT NULL,
  CHECK ((recipient_kind = 'partner_contact') = (partner_contact_id IS NOT NULL)),
  CHECK (basis <> 'consent' OR consent_id IS NOT NULL),
  CHECK (basis <> 'agreement' OR agreement_id IS NOT NULL)
);
CREATE INDEX concern_disclosures_concern ON concern_disclosures (organisation_id, concern_id);
-- A partner's own view: the disclosures made to the contact linked to their account.
CREATE INDEX concern_disclosures_contact ON concern_disclosures (organisation_id, partner_contact_id);
