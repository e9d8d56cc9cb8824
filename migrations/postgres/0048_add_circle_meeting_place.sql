-- Where a circle usually meets ("the community room of the parish hall"), as its coordinator writes it
-- ('' when not said). Volunteers read it on their phone view of the circle.
ALTER TABLE circles ADD COLUMN meeting_place text NOT NULL DEFAULT '';
