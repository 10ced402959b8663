-- Physicians (the person), the qualification database (医师资格), 资格补改 requests and activation codes.
-- 身份证号 is stored AES-256-GCM encrypted with an HMAC-SHA-256 keyed hash beside it for exact look-ups.
CREATE TABLE physicians (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid UNIQUE REFERENCES accounts (id),
  name text NOT NULL,
  id_number_enc bytea NOT NULL,
  id_number_hash bytea NOT NULL UNIQUE,
  id_number_masked text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date date NOT NULL,
  phone_verified_at timestamptz,
  email_verified_at timestamptz,
  activation_status text NOT NULL DEFAULT 'unverified' CHECK (activation_status IN ('unverified', 'verified', 'active')),
  activation_method text CHECK (activation_method IN ('institution_code', 'auto_by_institution', 'qualification_code', 'admission_ticket', 'auto_on_approval')),
  activated_at timestamptz,
  pending_activation_path text CHECK (pending_activation_path IN ('auto_on_approval')),
  qualification_checked_at timestamptz,
  main_institution_id uuid REFERENCES institutions (id),
  education jsonb,
  title text,
  photo_sha256 text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE physicians IS 'A physician as a person. account_id is null for registered physicians who have not created an account yet.';
COMMENT ON COLUMN physicians.pending_activation_path IS 'auto_on_approval: from a region without e-registration; the account activates when an authority approves (seed question 六).';
COMMENT ON COLUMN physicians.main_institution_id IS 'Current main institution (主要执业机构) of the valid registration, for the institution''s activation list.';
CREATE INDEX physicians_name_idx ON physicians (name);
CREATE INDEX physicians_main_institution_idx ON physicians (main_institution_id) WHERE main_institution_id IS NOT NULL;

CREATE TABLE qualifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cert_code text UNIQUE,
  admission_ticket_no text UNIQUE,
  name text NOT NULL,
  id_number_enc bytea NOT NULL,
  id_number_hash bytea NOT NULL,
  id_number_masked text NOT NULL,
  level text NOT NULL CHECK (level IN ('physician', 'assistant')),
  category text NOT NULL CHECK (category IN ('clinical', 'dental', 'public_health', 'tcm')),
  exam_category_code text,
  exam_year integer,
  speciality text,
  obtained_date date,
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
  source text NOT NULL DEFAULT 'exam' CHECK (source IN ('exam', 'expertise', 'military', 'admin_supplement')),
  synced boolean NOT NULL DEFAULT true,
  physician_id uuid REFERENCES physicians (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT qualifications_has_key CHECK (cert_code IS NOT NULL OR admission_ticket_no IS NOT NULL)
);
COMMENT ON COLUMN qualifications.cert_code IS '医师资格证书编码 (27 chars); null for exam passers without a certificate yet.';
COMMENT ON COLUMN qualifications.synced IS 'false: pushed by the exam centre but found only by 准考证号 until the physician pulls it (seed question 一).';
CREATE INDEX qualifications_id_number_hash_idx ON qualifications (id_number_hash);
CREATE INDEX qualifications_physician_idx ON qualifications (physician_id) WHERE physician_id IS NOT NULL;

CREATE TABLE qualification_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  attachments text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'in_review', 'resolved', 'rejected')),
  resolution_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
COMMENT ON TABLE qualification_corrections IS '资格补改 requests: a physician whose name/ID are right but whose qualification is not found.';
CREATE INDEX qualification_corrections_authority_idx ON qualification_corrections (authority_id, status, created_at DESC);
CREATE INDEX qualification_corrections_physician_idx ON qualification_corrections (physician_id);

CREATE TABLE activation_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES institutions (id),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  code_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE activation_codes IS 'Single-use account activation codes issued by the physician''s main institution (§3.3 path 1).';
CREATE INDEX activation_codes_physician_idx ON activation_codes (physician_id, created_at DESC);
