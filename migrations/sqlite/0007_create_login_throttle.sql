-- Failed sign-ins, counted per e-mail address (keyed hash, so the table names no one) and per client
-- address, to refuse the 101st failure of an hour and to slow down guessing from one address.
CREATE TABLE login_throttle (
  throttle_key text PRIMARY KEY,
  window_start bigint NOT NULL,
  failures integer NOT NULL,
  last_failure_at bigint NOT NULL
);
