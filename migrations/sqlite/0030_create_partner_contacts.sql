-- The outer circle: the organisation's partner contacts (parole officers, police liaisons, therapists, CSC,
-- provincial corrections…), each with an optional Cercle account (role partner), and the information-sharing
-- agreements that attach a contact to a circle (dates, scope, and the signed document when there is one). A
-- partner user sees the minimal page of a circle only while an agreement is in force.
CREATE TABLE partner_contacts (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('parole_officer', 'police_liaison', 'therapist', 'csc',
                                     'provincial_corrections', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  partner_organisation text NOT NULL DEFAULT '',
  role_title text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  user_id integer REFERENCES users(id),
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (organisation_id, user_id)
);
CREATE INDEX partner_contacts_organisation ON partner_contacts (organisation_id, name);

CREATE TABLE sharing_agreements (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  partner_contact_id integer NOT NULL REFERENCES partner_contacts(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  starts_on text NOT NULL CHECK (length(starts_on) = 10),
  ends_on text CHECK (ends_on IS NULL OR length(ends_on) = 10),
  scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 1000),
  document_id integer REFERENCES documents(id),
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX sharing_agreements_circle ON sharing_agreements (organisation_id, circle_id);
CREATE INDEX sharing_agreements_contact ON sharing_agreements (organisation_id, partner_contact_id);
