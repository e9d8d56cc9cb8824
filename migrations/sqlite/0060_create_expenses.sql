-- Volunteers' expenses and mileage. mileage_rates holds the organisation's rate per kilometre with its
-- history: each rate applies from its effective_from day until the next one, so that a claim is valued at
-- the rate in force on its day. expense_claims holds what a volunteer claims: the day, the kind, the distance
-- in tenths of a kilometre (mileage) or the amount, always the amount in cents as computed when it was filed,
-- the circle meeting or contact it belongs to (and that circle), a note, the receipt (a document in the
-- encrypted vault, owner_type 'expense_claim'), and its review: submitted, then approved or refused (with a
-- reason), then paid.
CREATE TABLE mileage_rates (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  effective_from text NOT NULL CHECK (length(effective_from) = 10),
  cents_per_km integer NOT NULL CHECK (cents_per_km BETWEEN 1 AND 1000),
  set_by integer REFERENCES users(id),
  set_at bigint NOT NULL,
  UNIQUE (organisation_id, effective_from)
);
CREATE TABLE expense_claims (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  volunteer_id integer NOT NULL REFERENCES volunteers(id),
  incurred_on text NOT NULL CHECK (length(incurred_on) = 10),
  kind text NOT NULL CHECK (kind IN ('mileage', 'meal', 'transport', 'parking', 'other')),
  tenths_km integer CHECK (tenths_km IS NULL OR tenths_km BETWEEN 1 AND 20000),
  amount_cents integer NOT NULL CHECK (amount_cents BETWEEN 1 AND 10000000),
  circle_id integer REFERENCES circles(id),
  meeting_id integer REFERENCES circle_meetings(id),
  contact_id integer REFERENCES circle_contacts(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  receipt_document_id integer REFERENCES documents(id),
  status text NOT NULL CHECK (status IN ('submitted', 'approved', 'refused', 'paid')),
  refusal_reason text NOT NULL DEFAULT '' CHECK (length(refusal_reason) <= 500),
  submitted_by integer REFERENCES users(id),
  submitted_at bigint NOT NULL,
  reviewed_by integer REFERENCES users(id),
  reviewed_at bigint,
  paid_by integer REFERENCES users(id),
  paid_at bigint
);
CREATE INDEX expense_claims_volunteer ON expense_claims (organisation_id, volunteer_id, incurred_on);
CREATE INDEX expense_claims_status ON expense_claims (organisation_id, status, incurred_on);
