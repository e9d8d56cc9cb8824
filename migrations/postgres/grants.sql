-- Rights of the application role (database.app_role), applied by `cercle migrate` after the migrations.
-- The application role owns nothing, so row-level security applies to it, and it cannot change the schema.
GRANT USAGE ON SCHEMA public TO :app_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :app_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :app_role;
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM :app_role;
