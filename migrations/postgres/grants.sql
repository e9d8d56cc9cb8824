-- Rights of the application role (database.app_role), applied by `cercle migrate` after the migrations.
-- The application role owns nothing, so row-level security applies to it, and it cannot change the schema.
GRANT USAGE ON SCHEMA public TO :app_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :app_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :app_role;
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM :app_role;
-- The audit log is append-only (migration 0004): the application adds entries and moves chain heads, nothing more.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM :app_role;
REVOKE DELETE, TRUNCATE ON audit_chain_heads FROM :app_role;
