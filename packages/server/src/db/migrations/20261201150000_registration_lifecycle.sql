-- Registrations that change (domain §3.2; @medreg/domain registration/): every change of a registration, a
-- multi-site filing or a certificate goes through its lifecycle table and leaves one history row, written in the
-- transaction of the decision that caused it.

ALTER TABLE registrations ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE registrations ADD COLUMN seniority_from date;
ALTER TABLE registrations ADD COLUMN replaces_registration_id uuid REFERENCES registrations (id);
ALTER TABLE registrations ADD COLUMN department text;
UPDATE registrations SET seniority_from = approved_on WHERE seniority_from IS NULL;
ALTER TABLE registrations ALTER COLUMN seniority_from SET NOT NULL;
COMMENT ON COLUMN registrations.seniority_from IS 'From when seniority at this level counts (domain §5.5: 注册日期即为执业年限起始日; not restarted by a change).';
COMMENT ON COLUMN registrations.replaces_registration_id IS 'The registration this one continues (变更主要执业机构, 变更执业地点, 助理升执业), closed by the same decision.';
CREATE INDEX registrations_replaces_idx ON registrations (replaces_registration_id) WHERE replaces_registration_id IS NOT NULL;

CREATE TABLE registration_events (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  registration_id uuid NOT NULL REFERENCES registrations (id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  cause jsonb NOT NULL,
  application_id uuid REFERENCES applications (id),
  actor_account_id uuid REFERENCES accounts (id),
  changes jsonb NOT NULL DEFAULT '{}',
  reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_events_registration_idx ON registration_events (registration_id, id);
COMMENT ON TABLE registration_events IS 'History of each registration: one row per lifecycle event (REGISTRATION_TABLE), with the old and new items in changes.';

-- 多机构备案 (BT-05, domain §5.2): a filing at a further institution, hanging off a registration.
CREATE TABLE multi_site_filings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  registration_id uuid NOT NULL REFERENCES registrations (id),
  institution_id uuid NOT NULL REFERENCES institutions (id),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'active', 'expired', 'revoked')),
  status_since timestamptz NOT NULL DEFAULT now(),
  application_id uuid REFERENCES applications (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT multi_site_filings_period CHECK (valid_from <= valid_to)
);
CREATE INDEX multi_site_filings_physician_idx ON multi_site_filings (physician_id, created_at DESC);
CREATE INDEX multi_site_filings_registration_idx ON multi_site_filings (registration_id);
-- The institution's list of multi-site physicians (newest first, by key) and the expiry job.
CREATE INDEX multi_site_filings_institution_idx ON multi_site_filings (institution_id, status, valid_to, id);
CREATE INDEX multi_site_filings_expiry_idx ON multi_site_filings (valid_to) WHERE status = 'active';

CREATE TABLE filing_events (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  filing_id uuid NOT NULL REFERENCES multi_site_filings (id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  cause jsonb NOT NULL,
  application_id uuid REFERENCES applications (id),
  actor_account_id uuid REFERENCES accounts (id),
  changes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filing_events_filing_idx ON filing_events (filing_id, id);

-- 《医师执业证书》 records (BT-09, BT-10): never edited in place; a change issues a new one and supersedes the old.
CREATE TABLE certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id uuid NOT NULL REFERENCES registrations (id),
  licence_code char(15),
  verify_token text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('issued', 'superseded', 'voided')),
  issued_on date NOT NULL,
  status_since timestamptz NOT NULL DEFAULT now(),
  superseded_by uuid REFERENCES certificates (id),
  application_id uuid REFERENCES applications (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- At most one valid certificate per registration.
CREATE UNIQUE INDEX certificates_one_issued_uidx ON certificates (registration_id) WHERE status = 'issued';
CREATE INDEX certificates_registration_idx ON certificates (registration_id, created_at DESC);

CREATE TABLE certificate_events (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  certificate_id uuid NOT NULL REFERENCES certificates (id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  cause jsonb NOT NULL,
  application_id uuid REFERENCES applications (id),
  actor_account_id uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certificate_events_certificate_idx ON certificate_events (certificate_id, id);

-- Every registration so far has (had) one certificate: its QR token becomes the certificate's.
INSERT INTO certificates (registration_id, licence_code, verify_token, status, issued_on, status_since, application_id, created_at)
SELECT r.id, r.licence_code, r.verify_token,
       CASE WHEN r.status = 'cancelled' THEN 'voided' ELSE 'issued' END,
       r.approved_on, r.status_since, r.application_id, r.created_at
FROM registrations r WHERE r.verify_token IS NOT NULL;

-- The record an application starts from (a registration for 变更/助理升执业/增加执业地点/补发, a filing for 备案 修改/终止).
ALTER TABLE applications ADD COLUMN subject_registration_id uuid REFERENCES registrations (id);
ALTER TABLE applications ADD COLUMN subject_filing_id uuid REFERENCES multi_site_filings (id);
CREATE INDEX applications_subject_registration_idx ON applications (subject_registration_id) WHERE subject_registration_id IS NOT NULL;

-- Files attached to an application (the evidence of a 执业范围 change), referenced by foreign key so the garbage job keeps them.
CREATE TABLE application_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  sha256 text NOT NULL REFERENCES blobs (sha256),
  filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_attachments_application_idx ON application_attachments (application_id, created_at);
CREATE INDEX application_attachments_sha256_idx ON application_attachments (sha256);
