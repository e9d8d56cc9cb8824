-- Screening of volunteers. Each organisation keeps its own list of item types (the defaults are added the
-- first time its volunteer pages are used); a type is retired rather than deleted, so that the items
-- recorded under it keep their meaning. An item expires ON expires_on (valid up to the day before). notes
-- (a refusal's reason) are for coordinators only. A withdrawn item was recorded by mistake: it stays, and
-- counts for nothing.
CREATE TABLE screening_item_types (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  required integer NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  required_count integer NOT NULL DEFAULT 1 CHECK (required_count BETWEEN 1 AND 10),
  validity_months integer NOT NULL DEFAULT 0 CHECK (validity_months BETWEEN 0 AND 240),
  position integer NOT NULL DEFAULT 0,
  active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at bigint NOT NULL
);
CREATE INDEX screening_item_types_organisation ON screening_item_types (organisation_id, position);

CREATE TABLE screening_items (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  type_id integer NOT NULL REFERENCES screening_item_types(id),
  completed_on text NOT NULL,
  result text NOT NULL CHECK (result IN ('pending', 'passed', 'failed')),
  expires_on text,
  checked_by integer REFERENCES users(id),
  document_id integer REFERENCES documents(id),
  notes text NOT NULL DEFAULT '',
  recorded_at bigint NOT NULL,
  withdrawn_at bigint,
  withdrawn_by integer REFERENCES users(id),
  withdrawal_reason text NOT NULL DEFAULT ''
);
CREATE INDEX screening_items_volunteer ON screening_items (organisation_id, volunteer_id);
CREATE INDEX screening_items_expiry ON screening_items (organisation_id, expires_on) WHERE withdrawn_at IS NULL;
