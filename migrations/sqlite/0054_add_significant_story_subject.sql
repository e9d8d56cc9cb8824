-- The core member a significant story is about, when it is about one (NULL otherwise). Such a story is
-- saved, reviewed and published only while his media or publication consent is in force.
ALTER TABLE significant_stories ADD COLUMN about_core_member_id integer REFERENCES core_members(id);
