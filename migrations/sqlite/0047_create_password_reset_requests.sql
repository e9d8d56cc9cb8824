-- Password-reset requests as the page receives them, before anyone looks at the address: the scheduler
-- finds the account, makes the link and queues the mail, so that the page does the same work whether
-- the address has an account or not. A processed request keeps only the keyed hash of its address, so
-- that the throttle can count it for an hour, and is then deleted.
CREATE TABLE password_reset_requests (
  id integer PRIMARY KEY,
  email text NOT NULL,
  email_key text NOT NULL,
  client_address text NOT NULL,
  requested_at bigint NOT NULL,
  processed_at bigint
);
CREATE INDEX password_reset_requests_email ON password_reset_requests (email_key, requested_at);
CREATE INDEX password_reset_requests_client ON password_reset_requests (client_address, requested_at);
CREATE INDEX password_reset_requests_pending ON password_reset_requests (processed_at, id);
