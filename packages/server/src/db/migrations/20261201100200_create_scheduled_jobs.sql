-- The scheduled-job runner (src/jobs): one row per job. A run locks the row (FOR UPDATE SKIP LOCKED), runs
-- only when next_run_at has come, and moves next_run_at on in the same transaction, so with several server
-- processes each job runs once per interval.
CREATE TABLE scheduled_jobs (
  name text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text
);
COMMENT ON COLUMN scheduled_jobs.next_run_at IS 'The job is due once this has passed; the process that runs it sets it to now + the job''s interval.';
COMMENT ON COLUMN scheduled_jobs.last_error IS 'Message of the last failed run (NULL after a successful run).';
