-- Indexes for the pages' queries that read a whole table growing with history
-- (tests/integration/query_plan_test.cpp).
-- The mail review of /admin/mail and the home page's count of mail given up match the owner as
-- coalesce(organisation_id, 0), so that the network's own mail reads as owner 0: an index on that
-- expression, then on when the mail was given up.
CREATE INDEX outbox_owner_failed ON outbox (coalesce(organisation_id, 0), failed_at);
-- /admin/backups lists the newest runs, newest first, ties by slot: read in this order, the list
-- stops after its page. It serves the oldest start as well, which backup_runs_started served.
CREATE INDEX backup_runs_newest ON backup_runs (started_at, slot);
DROP INDEX backup_runs_started;
-- A record's own rows, in the order its page shows them. Without these, SQLite reads every row of
-- the organisation through the index that gives the order (organisation_id, then a date) and
-- filters them.
-- A training session's attendance (/volunteers/training/{id}), by volunteer.
CREATE INDEX training_attendance_session
  ON training_attendance (organisation_id, session_id, volunteer_id);
-- A circle's concerns (/concerns?circle=…) and a volunteer's own (/portal/concerns), newest first.
CREATE INDEX concerns_circle_raised ON concerns (organisation_id, circle_id, raised_at);
CREATE INDEX concerns_raiser_raised ON concerns (organisation_id, raised_by, raised_at);
DROP INDEX concerns_circle;
DROP INDEX concerns_raiser;
-- A core member's circles' questionnaires and events (/core-members/{id}/outcomes).
CREATE INDEX ending_questionnaires_circle ON ending_questionnaires (organisation_id, circle_id);
CREATE INDEX recidivism_events_member_date
  ON recidivism_events (organisation_id, core_member_id, occurred_on);
DROP INDEX recidivism_events_member;
-- A review's factor ratings (/circles/reviews/{id}/factors).
CREATE INDEX review_factor_ratings_review ON review_factor_ratings (organisation_id, review_id);
-- A volunteer's well-being answers (/volunteers/{id}/wellbeing), contacts (/portal/expenses) and
-- conflicts (/circles/volunteers/{id}).
CREATE INDEX volunteer_wellbeing_volunteer ON volunteer_wellbeing (organisation_id, volunteer_id, month);
CREATE INDEX circle_contacts_volunteer ON circle_contacts (organisation_id, volunteer_id, contacted_on);
CREATE INDEX volunteer_conflicts_volunteer ON volunteer_conflicts (organisation_id, volunteer_id);
