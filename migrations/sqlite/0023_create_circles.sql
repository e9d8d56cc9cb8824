-- Circles: one core member and three or four volunteers, supervised by staff (DESIGN.md). code_name is the
-- non-identifying name used wherever a person's name must not appear ("Cercle A": calendar feeds, mail).
-- phase_since is the civil date the current phase began, started_on the date of the first active phase;
-- closed_on, closure_reason and closing_note are set at closure. offence_profile is a category volunteers may
-- decline ('' when none is chosen); meeting_times are the weekly slots the circle can meet at
-- ("tue-evening,thu-evening", as volunteers' availability). Civil dates are 'YYYY-MM-DD' text; times are Unix
-- seconds.
CREATE TABLE circles (
  id integer PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  core_member_id integer NOT NULL REFERENCES core_members(id),
  code_name text NOT NULL CHECK (length(code_name) BETWEEN 1 AND 40),
  phase text NOT NULL CHECK (phase IN ('forming', 'pre_release', 'intensive', 'weekly', 'biweekly', 'monthly',
                                       'informal', 'suspended', 'closed')),
  phase_since text NOT NULL CHECK (length(phase_since) = 10),
  started_on text CHECK (started_on IS NULL OR length(started_on) = 10),
  offence_profile text NOT NULL DEFAULT '',
  meeting_times text NOT NULL DEFAULT '',
  closed_on text CHECK (closed_on IS NULL OR length(closed_on) = 10),
  closure_reason text CHECK (closure_reason IS NULL OR closure_reason IN ('completed', 'withdrawn', 'reoffence',
                                                                          'reincarcerated', 'relocated',
                                                                          'deceased')),
  closing_note text NOT NULL DEFAULT '',
  created_by integer REFERENCES users(id),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (organisation_id, code_name)
);
CREATE INDEX circles_core_member ON circles (organisation_id, core_member_id);
CREATE INDEX circles_phase ON circles (organisation_id, phase);
