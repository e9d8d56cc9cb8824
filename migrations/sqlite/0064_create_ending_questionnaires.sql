-- End-of-circle questionnaires (app/circles/endings): when a circle closes, one questionnaire is opened for its
-- core member (answered on paper, typed in by a coordinator), one for each volunteer who was a member at the
-- closing (answered in the portal) and one for the referring officer (answered through a single-use link, of which
-- only a keyed hash is kept in token_hash, emptied once used). One per respondent per circle. ending_answers
-- holds the score (1 to 5) given to each fixed question (domain/ending_questionnaires).
CREATE TABLE ending_questionnaires (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  circle_id integer NOT NULL REFERENCES circles(id),
  respondent text NOT NULL CHECK (respondent IN ('core_member', 'volunteer', 'officer')),
  volunteer_id integer REFERENCES volunteers(id),
  opened_at bigint NOT NULL,
  token_hash text,
  answered_on text CHECK (answered_on IS NULL OR length(answered_on) = 10),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint,
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
  CHECK ((respondent = 'volunteer') = (volunteer_id IS NOT NULL))
);
CREATE UNIQUE INDEX ending_questionnaires_once
  ON ending_questionnaires (circle_id, respondent, coalesce(volunteer_id, 0));
CREATE UNIQUE INDEX ending_questionnaires_token ON ending_questionnaires (token_hash);
CREATE INDEX ending_questionnaires_volunteer ON ending_questionnaires (organisation_id, volunteer_id);
CREATE TABLE ending_answers (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  questionnaire_id integer NOT NULL REFERENCES ending_questionnaires(id),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 40),
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5)
);
CREATE UNIQUE INDEX ending_answers_once ON ending_answers (questionnaire_id, question);
CREATE INDEX ending_answers_organisation ON ending_answers (organisation_id);
