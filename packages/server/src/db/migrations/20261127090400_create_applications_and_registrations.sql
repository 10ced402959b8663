-- Business applications (业务申请), their append-only history, and registrations (执业注册).
CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  business_code text UNIQUE,
  business_type text NOT NULL,
  physician_id uuid NOT NULL REFERENCES physicians (id),
  physician_name text NOT NULL,
  id_number_hash bytea NOT NULL,
  institution_id uuid REFERENCES institutions (id),
  authority_id uuid REFERENCES authorities (id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'pending_institution', 'returned_by_institution', 'refused_by_institution',
    'pending_authority', 'accepted', 'returned_for_correction', 'approved', 'refused', 'withdrawn')),
  version integer NOT NULL DEFAULT 1,
  payload jsonb NOT NULL DEFAULT '{}',
  channel text NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'app', 'institution')),
  materials jsonb NOT NULL DEFAULT '{}',
  correction_items text[],
  decision_reasons text,
  decision_document_sha256 text,
  registration_id uuid,
  submitted_at timestamptz,
  institution_decided_at timestamptz,
  accepted_at timestamptz,
  due_date date,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT applications_submitted_has_code CHECK (state IN ('draft', 'withdrawn') OR business_code IS NOT NULL),
  CONSTRAINT applications_refusal_has_reason CHECK (state NOT IN ('refused', 'refused_by_institution') OR length(btrim(coalesce(decision_reasons, ''))) > 0)
);
COMMENT ON COLUMN applications.business_code IS '业务编号, assigned at submission; printed on the 审核表 as Code 128 and QR.';
COMMENT ON COLUMN applications.physician_name IS 'Copy of the applicant''s name so that queue searches by 姓名 stay on one indexed table.';
COMMENT ON COLUMN applications.id_number_hash IS 'Keyed hash of the applicant''s 身份证号 for exact queue searches.';
COMMENT ON COLUMN applications.version IS 'Optimistic-lock version, checked and bumped by every transition.';
COMMENT ON COLUMN applications.materials IS 'Paper materials checklist ticked by the authority (seed: 注册需要提交的材料).';
-- Institution queues: 待机构确认 / 正在申办 / 已完成审批, newest first, keyset-paginated by (submitted_at, id).
CREATE INDEX applications_institution_queue_idx ON applications (institution_id, state, submitted_at DESC, id DESC);
CREATE INDEX applications_institution_name_idx ON applications (institution_id, physician_name, submitted_at DESC);
CREATE INDEX applications_id_number_hash_idx ON applications (id_number_hash);
-- Authority queue: by due date.
CREATE INDEX applications_authority_queue_idx ON applications (authority_id, state, due_date, id);
CREATE INDEX applications_physician_idx ON applications (physician_id, created_at DESC);

CREATE TABLE application_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  actor_account_id uuid REFERENCES accounts (id),
  actor_role text NOT NULL,
  actor_org_name text,
  reason text,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT application_events_reason_required CHECK (
    action NOT IN ('institution_return', 'institution_refuse', 'request_correction', 'refuse')
    OR length(btrim(coalesce(reason, ''))) > 0)
);
COMMENT ON TABLE application_events IS 'Append-only history of every transition: who, which role and organisation, why, when.';
CREATE INDEX application_events_application_idx ON application_events (application_id, id);

CREATE TABLE registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  qualification_id uuid REFERENCES qualifications (id),
  level text NOT NULL CHECK (level IN ('physician', 'assistant')),
  category text NOT NULL CHECK (category IN ('clinical', 'dental', 'public_health', 'tcm')),
  scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
  practice_location_code char(6) NOT NULL REFERENCES regions (code),
  main_institution_id uuid NOT NULL REFERENCES institutions (id),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  licence_code char(15) UNIQUE,
  approved_on date NOT NULL,
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'transferred_out', 'filed', 'suspended', 'cancelled')),
  status_since timestamptz NOT NULL DEFAULT now(),
  status_reason text,
  training boolean NOT NULL DEFAULT false,
  application_id uuid REFERENCES applications (id),
  verify_token text UNIQUE,
  certificate_sha256 text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN registrations.practice_location_code IS '执业地点: the province for 执业医师, the county for 执业助理医师 (《医师执业注册管理办法》第七条).';
COMMENT ON COLUMN registrations.approved_on IS '审核日期: the approval date starts the physician''s seniority (§5.5).';
COMMENT ON COLUMN registrations.verify_token IS 'Opaque token in the certificate QR code; the public verification page looks it up.';
CREATE INDEX registrations_physician_idx ON registrations (physician_id);
CREATE INDEX registrations_institution_idx ON registrations (main_institution_id, status);

CREATE TABLE licence_serials (
  prefix char(9) PRIMARY KEY,
  last_serial integer NOT NULL
);
COMMENT ON TABLE licence_serials IS 'Last serial issued per 执业证书编码 prefix (level + category + issuing area); only ever increases.';

CREATE TABLE business_code_serials (
  day date PRIMARY KEY,
  last_serial integer NOT NULL
);
