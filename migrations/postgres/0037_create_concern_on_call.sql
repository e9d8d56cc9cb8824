-- The organisation's on-call rota for urgent and emergency concerns (src/domain/concern_escalation.hpp): level 0
-- is on call and alerted at once; levels 1, 2… are the backups alerted in order at each missed acknowledgement
-- deadline.
CREATE TABLE concern_on_call (
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  user_id bigint NOT NULL REFERENCES users(id),
  level integer NOT NULL CHECK (level BETWEEN 0 AND 9),
  updated_by bigint REFERENCES users(id),
  updated_at bigint NOT NULL,
  PRIMARY KEY (organisation_id, user_id)
);
ALTER TABLE concern_on_call ENABLE ROW LEVEL SECURITY;
ALTER TABLE concern_on_call FORCE ROW LEVEL SECURITY;
CREATE POLICY concern_on_call_tenant ON concern_on_call
  USING (cercle_visible(organisation_id)) WITH CHECK (cercle_visible(organisation_id));
