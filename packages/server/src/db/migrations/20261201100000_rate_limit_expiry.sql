-- Every expiring row says when it expires, so that the cleanup jobs (src/jobs) can delete it by index.
ALTER TABLE rate_limits ADD COLUMN expires_at timestamptz;
-- Rows written before this column: no window is longer than a day.
UPDATE rate_limits SET expires_at = window_start + interval '1 day';
ALTER TABLE rate_limits ALTER COLUMN expires_at SET NOT NULL;
COMMENT ON COLUMN rate_limits.expires_at IS 'End of the counting window (window_start + window length); the cleanup job deletes the row after it.';
DROP INDEX rate_limits_window_idx;
CREATE INDEX rate_limits_expires_idx ON rate_limits (expires_at);

CREATE INDEX verification_codes_expires_idx ON verification_codes (expires_at);
