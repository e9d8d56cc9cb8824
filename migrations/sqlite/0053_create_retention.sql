-- Retention and destruction (Law 25, s. 23; src/domain/retention.hpp). retention_periods holds the lengths an
-- organisation's administrator chose (months or days, by the kind's rule); a kind without a row has its default.
CREATE TABLE retention_periods (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  record_kind text NOT NULL CHECK (length(record_kind) BETWEEN 1 AND 40),
  period_length integer NOT NULL CHECK (period_length >= 0),
  updated_by integer REFERENCES users(id),
  updated_at bigint NOT NULL,
  PRIMARY KEY (organisation_id, record_kind)
);
-- Records kept past their end on legal hold, with the reason the person in charge gave. A released hold stays.
CREATE TABLE legal_holds (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  record_kind text NOT NULL CHECK (length(record_kind) BETWEEN 1 AND 40),
  record_id bigint NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  placed_by integer REFERENCES users(id),
  placed_at bigint NOT NULL,
  released_by integer REFERENCES users(id),
  released_at bigint
);
CREATE UNIQUE INDEX legal_holds_current ON legal_holds (organisation_id, record_kind, record_id)
  WHERE released_at IS NULL;
-- The destruction queue: the records that reached the end of their period when the scheduler (or the person in
-- charge) last listed them, with the day their purpose ended and the day their period ended.
CREATE TABLE retention_queue (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  record_kind text NOT NULL CHECK (length(record_kind) BETWEEN 1 AND 40),
  record_id bigint NOT NULL,
  ended_on text NOT NULL CHECK (length(ended_on) = 10),
  due_on text NOT NULL CHECK (length(due_on) = 10),
  listed_at bigint NOT NULL,
  PRIMARY KEY (organisation_id, record_kind, record_id)
);
-- One certificate per approved batch: who approved it and when, the purpose of the anonymisations and the
-- re-identification risk assessment recorded with it (regulation on anonymisation). purpose is a msgid.
CREATE TABLE destruction_certificates (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  approved_by integer NOT NULL REFERENCES users(id),
  approver_name text NOT NULL,
  approved_at bigint NOT NULL,
  purpose text NOT NULL,
  risk_assessment text NOT NULL CHECK (length(risk_assessment) BETWEEN 1 AND 2000)
);
CREATE INDEX destruction_certificates_organisation ON destruction_certificates (organisation_id, approved_at);
-- What a batch did, by kind of record and method: how many records, the days their purpose ended (the period
-- they cover), and the technique (a msgid).
CREATE TABLE destruction_certificate_lines (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  certificate_id integer NOT NULL REFERENCES destruction_certificates(id),
  record_kind text NOT NULL,
  method text NOT NULL CHECK (method IN ('destroyed', 'anonymised')),
  record_count integer NOT NULL CHECK (record_count >= 0),
  earliest_on text NOT NULL CHECK (length(earliest_on) = 10),
  latest_on text NOT NULL CHECK (length(latest_on) = 10),
  technique text NOT NULL
);
CREATE INDEX destruction_certificate_lines_certificate ON destruction_certificate_lines (organisation_id, certificate_id);
-- The records a batch skipped, with why: a legal hold (and its reason) or an open request of the person concerned.
CREATE TABLE destruction_skips (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  certificate_id integer NOT NULL REFERENCES destruction_certificates(id),
  record_kind text NOT NULL,
  record_id bigint NOT NULL,
  hold text NOT NULL CHECK (hold IN ('legal_hold', 'open_request')),
  reason text NOT NULL DEFAULT ''
);
CREATE INDEX destruction_skips_certificate ON destruction_skips (organisation_id, certificate_id);
-- The records already anonymised or destroyed in place, and the batch that did it, so that none is listed twice.
CREATE TABLE retention_disposals (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  record_kind text NOT NULL,
  record_id bigint NOT NULL,
  certificate_id integer NOT NULL REFERENCES destruction_certificates(id),
  PRIMARY KEY (organisation_id, record_kind, record_id)
);
-- The day the destruction queue of each organisation was last listed, so that the scheduler lists it once a day.
CREATE TABLE retention_listings (
  organisation_id integer PRIMARY KEY REFERENCES organisations(id),
  listed_on text NOT NULL CHECK (length(listed_on) = 10),
  listed_at bigint NOT NULL
);
