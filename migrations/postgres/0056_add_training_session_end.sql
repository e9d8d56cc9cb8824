-- A training over several days is recorded as one session: its last day (NULL for a one-day session) and its
-- total hours, which may now pass a day's 24 (at most 200 hours, the longest requirement of a module), and so may
-- each volunteer's attendance at it. Row-level security on both tables is unchanged.
ALTER TABLE training_sessions ADD COLUMN ends_on text;
ALTER TABLE training_sessions ADD CONSTRAINT training_sessions_ends_on_check
  CHECK (ends_on IS NULL OR ends_on > held_on);
ALTER TABLE training_sessions DROP CONSTRAINT training_sessions_duration_minutes_check;
ALTER TABLE training_sessions ADD CONSTRAINT training_sessions_duration_minutes_check
  CHECK (duration_minutes BETWEEN 1 AND 12000);
ALTER TABLE training_attendance DROP CONSTRAINT training_attendance_minutes_check;
ALTER TABLE training_attendance ADD CONSTRAINT training_attendance_minutes_check
  CHECK (minutes BETWEEN 1 AND 12000);
