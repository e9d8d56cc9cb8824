-- Requests from the people concerned (Law 25, s. 27–35): access, correction and portability, each about a core
-- member's file, a volunteer's file, or a person named in free text when no file matches. The answer is due 30
-- days after received_on (src/domain/privacy_request.hpp); answer, answered_on and, when access is refused in
-- whole or in part, the section of the Act invoked. export_count counts the exports of the person's file made
-- for the request. details and answer_note are the person in charge's own notes.
CREATE TABLE privacy_requests (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('access', 'correction', 'portability')),
  subject_kind text NOT NULL CHECK (subject_kind IN ('core_member', 'volunteer', 'other')),
  core_member_id integer REFERENCES core_members(id),
  volunteer_id integer REFERENCES volunteers(id),
  person_name text NOT NULL DEFAULT '' CHECK (length(person_name) <= 200),
  details text NOT NULL DEFAULT '' CHECK (length(details) <= 2000),
  received_on text NOT NULL CHECK (length(received_on) = 10),
  answer text CHECK (answer IS NULL OR answer IN ('granted', 'partly_granted', 'refused')),
  answered_on text CHECK (answered_on IS NULL OR length(answered_on) = 10),
  refusal_section text NOT NULL DEFAULT '' CHECK (length(refusal_section) <= 200),
  answer_note text NOT NULL DEFAULT '' CHECK (length(answer_note) <= 2000),
  export_count integer NOT NULL DEFAULT 0 CHECK (export_count >= 0),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  CHECK ((subject_kind = 'core_member') = (core_member_id IS NOT NULL)),
  CHECK ((subject_kind = 'volunteer') = (volunteer_id IS NOT NULL)),
  CHECK (subject_kind <> 'other' OR length(person_name) >= 1),
  CHECK ((answer IS NULL) = (answered_on IS NULL))
);
CREATE INDEX privacy_requests_register ON privacy_requests (organisation_id, answered_on, received_on);
CREATE INDEX privacy_requests_core_member ON privacy_requests (organisation_id, core_member_id);
CREATE INDEX privacy_requests_volunteer ON privacy_requests (organisation_id, volunteer_id);

-- The corrections made for a request: which field of which record, from what to what, why; whether Cercle applied
-- it through the record's own function (applied = 1) or staff did it by hand elsewhere; and how and when the
-- person was told (a mail queued to the file's address, mail_id, or told another way on told_on).
CREATE TABLE privacy_request_corrections (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  request_id integer NOT NULL REFERENCES privacy_requests(id),
  record_type text NOT NULL CHECK (record_type IN ('core_member', 'volunteer', 'other')),
  record_id integer,
  field text NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
  old_value text NOT NULL DEFAULT '' CHECK (length(old_value) <= 2000),
  new_value text NOT NULL DEFAULT '' CHECK (length(new_value) <= 2000),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  applied integer NOT NULL DEFAULT 0 CHECK (applied IN (0, 1)),
  mail_id integer REFERENCES outbox(id),
  told_on text CHECK (told_on IS NULL OR length(told_on) = 10),
  recorded_by integer REFERENCES users(id),
  recorded_at bigint NOT NULL
);
CREATE INDEX privacy_request_corrections_request ON privacy_request_corrections (organisation_id, request_id);

-- The exports of a person's file made for a request (each a step-up action, audited): who made it and when, and
-- who released it to the person after reviewing what it withheld. The export itself is not kept: it is made again
-- from the records when it is downloaded, and refused if what it withholds changed since the review.
CREATE TABLE privacy_request_exports (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  request_id integer NOT NULL REFERENCES privacy_requests(id),
  made_by integer REFERENCES users(id),
  made_at bigint NOT NULL,
  released_by integer REFERENCES users(id),
  released_at bigint
);
CREATE INDEX privacy_request_exports_request ON privacy_request_exports (organisation_id, request_id);

-- What an export left out, for the person in charge to review before release: the table, the row (its key; ''
-- for every row of the table), the column and the reason (src/domain/privacy_request.hpp, WithholdReason). Never
-- the withheld text itself.
CREATE TABLE privacy_export_withheld (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  export_id integer NOT NULL REFERENCES privacy_request_exports(id),
  table_name text NOT NULL,
  row_key text NOT NULL DEFAULT '',
  column_name text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('victim', 'other_person', 'staff_note', 'about_another', 'names_another',
                                         'third_party_document', 'security'))
);
CREATE INDEX privacy_export_withheld_export ON privacy_export_withheld (organisation_id, export_id);
