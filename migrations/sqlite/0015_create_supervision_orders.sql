-- Supervision orders of a core member, and the conditions attached to them. A condition that protects a
-- victim keeps the victim's identity and places in victim_identity and victim_places, which only the
-- coordinators' and admins' pages read.
CREATE TABLE supervision_orders (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  order_type text NOT NULL CHECK (order_type IN ('day_parole', 'full_parole', 'statutory_release',
                                                 'warrant_expiry', 'ltso', 's810_1', 's810_2', 'probation')),
  starts_on text NOT NULL CHECK (length(starts_on) = 10),
  ends_on text CHECK (ends_on IS NULL OR length(ends_on) = 10),
  officer_user_id integer REFERENCES users(id),
  officer_name text NOT NULL DEFAULT '',
  officer_contact text NOT NULL DEFAULT '',
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX supervision_orders_member ON supervision_orders (organisation_id, core_member_id);
CREATE INDEX supervision_orders_ends ON supervision_orders (organisation_id, ends_on);

CREATE TABLE release_conditions (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  order_id integer NOT NULL REFERENCES supervision_orders(id),
  kind text NOT NULL CHECK (kind IN ('no_contact_person', 'no_contact_minors', 'exclusion_zone', 'curfew',
                                     'internet', 'residence', 'substances', 'treatment', 'other')),
  condition_text text NOT NULL,
  starts_on text CHECK (starts_on IS NULL OR length(starts_on) = 10),
  ends_on text CHECK (ends_on IS NULL OR length(ends_on) = 10),
  protects_victim integer NOT NULL DEFAULT 0 CHECK (protects_victim IN (0, 1)),
  victim_identity text NOT NULL DEFAULT '',
  victim_places text NOT NULL DEFAULT '',
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  CHECK (kind <> 'no_contact_person' OR protects_victim = 1),
  CHECK (protects_victim = 1 OR (victim_identity = '' AND victim_places = ''))
);
CREATE INDEX release_conditions_member ON release_conditions (organisation_id, core_member_id);
CREATE INDEX release_conditions_ends ON release_conditions (organisation_id, ends_on);
