-- Uploaded documents: the record of each file, which lives encrypted in the document folder under a random
-- storage name. owner_type and owner_id name what the document belongs to (a referral, a core member, a
-- volunteer's screening item…); the owner's policy decides who may download it.
CREATE TABLE documents (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  owner_type text NOT NULL,
  owner_id integer NOT NULL,
  title text NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL,
  storage_name text NOT NULL UNIQUE,
  uploaded_by integer REFERENCES users(id),
  uploaded_at bigint NOT NULL,
  deleted_at bigint
);
CREATE INDEX documents_owner ON documents (organisation_id, owner_type, owner_id);
