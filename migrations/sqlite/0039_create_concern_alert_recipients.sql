-- Who each fired alert step of a concern mailed (the mail itself carries no detail of the concern).
CREATE TABLE concern_alert_recipients (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  escalation_id integer NOT NULL REFERENCES concern_escalations(id),
  user_id integer NOT NULL REFERENCES users(id),
  PRIMARY KEY (escalation_id, user_id)
);
