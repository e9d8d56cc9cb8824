-- The reports read the approved hours of their period alone, and the public impact page sums the
-- minutes of every approved hour up to today (src/store/report_store.cpp): an index on the day
-- after the status, with the minutes so that the sum reads the index alone. It serves what
-- volunteer_hours_status served.
CREATE INDEX volunteer_hours_status_day
  ON volunteer_hours (organisation_id, status, worked_on, minutes);
DROP INDEX volunteer_hours_status;
