-- The organisation's on-call rota for urgent and emergency concerns (src/domain/concern_escalation.hpp): level 0
-- is on call and alerted at once; levels 1, 2… are the backups alerted in order at each missed acknowledgement
-- deadline.
CREATE TABLE concern_on_call (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  user_id integer NOT NULL REFERENCES users(id),
  level integer NOT NULL CHECK (level BETWEEN 0 AND 9),
  updated_by integer REFERENCES users(id),
  updated_at bigint NOT NULL,
  PRIMARY KEY (organisation_id, user_id)
);
