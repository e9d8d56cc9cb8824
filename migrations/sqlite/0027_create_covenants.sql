-- The covenant: the circle's signed agreement, with the promise and the limits of confidentiality. Each
-- organisation keeps one template; each circle has numbered versions (an amendment is a new version, the previous
-- ones are kept), and each version its signatories: the core member, and the member volunteers.
CREATE TABLE covenant_templates (
  organisation_id integer PRIMARY KEY REFERENCES organisations(id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  updated_by integer REFERENCES users(id),
  updated_at bigint NOT NULL
);

CREATE TABLE covenant_versions (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  version integer NOT NULL CHECK (version >= 1),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  note text NOT NULL DEFAULT '',
  phase_change_id integer REFERENCES circle_phase_changes(id),
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL,
  UNIQUE (circle_id, version)
);
CREATE INDEX covenant_versions_circle ON covenant_versions (organisation_id, circle_id, version);

CREATE TABLE covenant_signatures (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  version_id integer NOT NULL REFERENCES covenant_versions(id),
  signatory text NOT NULL CHECK (signatory IN ('core_member', 'volunteer')),
  volunteer_id integer REFERENCES volunteers(id),
  signed_on text NOT NULL CHECK (length(signed_on) = 10),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  CHECK ((signatory = 'volunteer') = (volunteer_id IS NOT NULL))
);
CREATE UNIQUE INDEX covenant_signatures_once ON covenant_signatures (version_id, signatory, coalesce(volunteer_id, 0));
CREATE INDEX covenant_signatures_organisation ON covenant_signatures (organisation_id, version_id);
