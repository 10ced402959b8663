-- Scheduled rules of the registration lifecycle (src/jobs, docs/architecture.md § Scheduled jobs).

-- 《行政许可法》第三十二条: not sent back for 补正 within 5 working days of arrival → 视为受理 from the day of arrival.
-- Set (with state → accepted, through the workflow action deem_accept) by the job applications.deem_accepted.
ALTER TABLE applications ADD COLUMN deemed_accepted_on date;
COMMENT ON COLUMN applications.deemed_accepted_on IS '逾期未告知补正，视为受理: the day of arrival the acceptance counts from (《行政许可法》第三十二条)';
-- The job's candidates: applications waiting at an authority, by the instant they (last) came from the institution.
CREATE INDEX applications_awaiting_acceptance_idx ON applications ((coalesce(institution_decided_at, submitted_at)), id)
  WHERE state = 'pending_authority';
-- The overdue alerts' candidates: accepted applications by due date, across authorities.
CREATE INDEX applications_accepted_due_idx ON applications (due_date, id) WHERE state = 'accepted' AND due_date IS NOT NULL;

-- Alerts sent to the deciding authority's staff: once per application and level, whatever the number of runs.
CREATE TABLE authority_due_alerts (
  application_id uuid NOT NULL REFERENCES applications (id),
  level text NOT NULL CHECK (level IN ('due_soon', 'overdue')),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  due_date date NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (application_id, level)
);
COMMENT ON TABLE authority_due_alerts IS '即将超期 (3 working days or fewer left) / 已超期 alerts sent to the authority, one per application and level';
CREATE INDEX authority_due_alerts_authority_idx ON authority_due_alerts (authority_id, sent_at DESC);

-- domain §2.2 BT-06 [S6]: 2 years in 备案 → 注销; the physician is told 30 days before, once.
CREATE TABLE registration_lapse_notices (
  registration_id uuid PRIMARY KEY REFERENCES registrations (id),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  filed_since timestamptz NOT NULL,
  lapses_on date NOT NULL,
  sent_at timestamptz NOT NULL
);
COMMENT ON TABLE registration_lapse_notices IS 'Notices that a registration in 注册备案 will be cancelled (备案满二年), sent once before the lapse';
-- The lapse job's candidates: registrations in a status, by the instant they entered it.
CREATE INDEX registrations_status_since_idx ON registrations (status, status_since, id);
