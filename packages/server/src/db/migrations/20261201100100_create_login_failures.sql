-- Wrong-password counters per login name AND client address: five in a row lock that client out of that
-- login name for 15 minutes, without locking the account for anybody else (an anonymous guesser cannot
-- lock a staff member out). Unknown login names are counted the same way, so the answers do not tell
-- whether a name exists. The account-wide ceiling for distributed guessing is a rate_limits bucket that
-- sets accounts.locked_until.
CREATE TABLE login_failures (
  login_hash bytea NOT NULL,
  client text NOT NULL,
  failures integer NOT NULL CHECK (failures >= 0),
  last_failed_at timestamptz NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (login_hash, client)
);
COMMENT ON TABLE login_failures IS 'Consecutive wrong passwords per (login name, client address); a success from that client deletes the row.';
COMMENT ON COLUMN login_failures.login_hash IS 'SHA-256 of the lower-cased login name as typed (existing or not); the name itself is not stored.';
COMMENT ON COLUMN login_failures.client IS 'Client address (IPv6 by its /64 prefix), as resolved under TRUST_PROXY.';
COMMENT ON COLUMN login_failures.locked_until IS 'This client may not try this login name again before then.';
CREATE INDEX login_failures_last_failed_idx ON login_failures (last_failed_at);

COMMENT ON COLUMN accounts.locked_until IS 'Account-wide lock, set when wrong passwords from all clients together pass the hourly ceiling (login_failures locks single clients).';
COMMENT ON COLUMN accounts.failed_login_count IS 'No longer counted (see login_failures); kept for older rows.';
