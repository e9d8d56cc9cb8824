-- Accounts. A user belongs to one organisation; a network admin (organisation_id NULL) to none.
-- E-mail addresses are stored in lower case and are unique on the server, since they name the account at
-- sign-in. The TOTP secret is sealed with a key derived from the key file.
CREATE TABLE users (
  id integer PRIMARY KEY,
  organisation_id integer REFERENCES organisations(id),
  email text NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  password_hash text,
  language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  totp_secret_sealed text,
  totp_enrolled_at bigint,
  totp_last_step bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  deactivated_at bigint,
  password_changed_at bigint
);
CREATE INDEX users_organisation ON users (organisation_id, display_name);

-- The roles each user holds in their organisation.
CREATE TABLE user_roles (
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id integer REFERENCES organisations(id),
  role text NOT NULL CHECK (role IN ('network_admin', 'admin', 'coordinator', 'volunteer', 'partner', 'evaluator')),
  PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_organisation ON user_roles (organisation_id);
