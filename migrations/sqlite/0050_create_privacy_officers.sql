-- The person in charge of the protection of personal information (Law 25, s. 3.1): one per organisation, and one
-- for the network (organisation_id NULL). By default the organisation's highest authority holds the function;
-- it may delegate it in writing (delegated_on, delegated_by). user_id is the account that acts as the person in
-- charge, if any; the contact details are what the public privacy page and the foot of every page show.
CREATE TABLE privacy_officers (
  id integer PRIMARY KEY,
  organisation_id integer REFERENCES organisations(id),
  user_id integer REFERENCES users(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
  postal_address text NOT NULL DEFAULT '' CHECK (length(postal_address) <= 300),
  delegated integer NOT NULL DEFAULT 0 CHECK (delegated IN (0, 1)),
  delegated_on text CHECK (delegated_on IS NULL OR length(delegated_on) = 10),
  delegated_by text NOT NULL DEFAULT '' CHECK (length(delegated_by) <= 200),
  updated_by integer REFERENCES users(id),
  updated_at bigint NOT NULL,
  CHECK (delegated = 1 OR delegated_on IS NULL)
);
-- One person in charge per owner: the network's row is keyed 0.
CREATE UNIQUE INDEX privacy_officers_owner ON privacy_officers ((coalesce(organisation_id, 0)));
CREATE INDEX privacy_officers_user ON privacy_officers (user_id);
