-- Circles feed volunteer hours: the time of each volunteer present at a meeting (approved as it is recorded, as
-- training attendance is) and the contacts volunteers log between meetings (approved by a coordinator like other
-- logged hours). Two kinds are added, and the meeting or contact each entry comes from.
ALTER TABLE volunteer_hours DROP CONSTRAINT volunteer_hours_kind_check;
ALTER TABLE volunteer_hours ADD CONSTRAINT volunteer_hours_kind_check
  CHECK (kind IN ('travel', 'phone_contact', 'event', 'other', 'circle_meeting', 'circle_contact'));
ALTER TABLE volunteer_hours ADD COLUMN meeting_id bigint REFERENCES circle_meetings(id);
ALTER TABLE volunteer_hours ADD COLUMN contact_id bigint REFERENCES circle_contacts(id);
CREATE UNIQUE INDEX volunteer_hours_meeting ON volunteer_hours (meeting_id, volunteer_id) WHERE meeting_id IS NOT NULL;
CREATE UNIQUE INDEX volunteer_hours_contact ON volunteer_hours (contact_id) WHERE contact_id IS NOT NULL;
