-- Concerns raised by volunteers or staff about a circle's core member (src/domain/concern.hpp): the risk factor
-- (category), how serious (severity), what was seen or heard and when, what was already done, and the way
-- through raised → acknowledged → in progress → closed with an outcome. meeting_id names the meeting whose
-- minutes it was raised from; raised_by_volunteer_id the raiser's volunteer file when a volunteer raised it.
-- reply is the coordinator's answer, which the volunteer who raised it reads. Times are Unix seconds.
CREATE TABLE concerns (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  meeting_id integer REFERENCES circle_meetings(id),
  category text NOT NULL CHECK (category IN ('access_to_victims', 'sexual_preoccupation', 'hostility',
                                             'rejection_of_supervision', 'emotional_collapse', 'loss_of_supports',
                                             'substance_abuse', 'condition_breach', 'suicide_risk', 'other')),
  severity text NOT NULL CHECK (severity IN ('information', 'concern', 'urgent', 'emergency')),
  status text NOT NULL CHECK (status IN ('raised', 'acknowledged', 'in_progress', 'closed')),
  observed text NOT NULL CHECK (length(observed) BETWEEN 1 AND 4000),
  observed_at bigint NOT NULL,
  already_done text NOT NULL DEFAULT '' CHECK (length(already_done) <= 4000),
  raised_by integer NOT NULL REFERENCES users(id),
  raised_by_volunteer_id integer REFERENCES volunteers(id),
  raised_at bigint NOT NULL,
  acknowledged_by integer REFERENCES users(id),
  acknowledged_at bigint,
  started_at bigint,
  closed_by integer REFERENCES users(id),
  closed_at bigint,
  outcome text CHECK (outcome IS NULL OR outcome IN ('resolved', 'referred', 'reported', 'unfounded',
                                                     'circle_changed', 'other')),
  outcome_note text NOT NULL DEFAULT '' CHECK (length(outcome_note) <= 2000),
  reply text NOT NULL DEFAULT '' CHECK (length(reply) <= 2000),
  replied_by integer REFERENCES users(id),
  replied_at bigint,
  updated_at bigint NOT NULL,
  CHECK (status = 'raised' OR acknowledged_at IS NOT NULL),
  CHECK (status <> 'closed' OR (closed_at IS NOT NULL AND outcome IS NOT NULL))
);
-- The register (newest first), a circle's concerns, a volunteer's own concerns, the open ones for the home page.
CREATE INDEX concerns_register ON concerns (organisation_id, raised_at);
CREATE INDEX concerns_circle ON concerns (organisation_id, circle_id);
CREATE INDEX concerns_raiser ON concerns (organisation_id, raised_by);
CREATE INDEX concerns_open ON concerns (organisation_id, status) WHERE status <> 'closed';
