-- Who each fired alert step of a concern mailed (the mail itself carries no detail of the concern).
CREATE TABLE concern_alert_recipients (
  organisation_id bigint NOT NULL REFERENCES organisations(id),
  escalation_id bigint NOT NULL REFERENCES concern_escalations(id),
  user_id bigint NOT NULL REFERENCES users(id),
  PRIMARY KEY (escalation_id, user_id)
);
ALTER TABLE concern_alert_recipients ENABLE ROW LEVEL SECURITY;
ALTER TABLE concern_alert_recipients FORCE ROW LEVEL SECURITY;
CREATE POLICY concern_alert_recipients_tenant ON concern_alert_recipients
  USING (cercle_visible(organisation_id)) WITH CHECK (cercle_visible(organisation_id));
