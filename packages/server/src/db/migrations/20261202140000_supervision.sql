-- Supervision on the register (domain §5.4, §1.3): 定期考核 results, 暂停执业活动 and the disciplinary decisions
-- 暂停执业活动 / 吊销医师执业证书 (《医师法》第四十二条、第五十五条至第五十八条).

-- One imported results file: who imported it and how many results it held (the rows are in assessment_results).
CREATE TABLE assessment_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  file_digest text NOT NULL,
  row_count integer NOT NULL CHECK (row_count > 0),
  institution_id uuid REFERENCES institutions (id),
  authority_id uuid REFERENCES authorities (id),
  actor_account_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((institution_id IS NULL) <> (authority_id IS NULL))
);
COMMENT ON TABLE assessment_imports IS '定期考核结果文件导入：一次导入一行；结果行见 assessment_results.import_id';
COMMENT ON COLUMN assessment_imports.file_digest IS '导入文件内容的 SHA-256（文件本身不保存，不是 blobs 的引用）';

-- 医师定期考核结果: one periodic result per physician and cycle (考核周期, stored as its first year), and one
-- 再次考核 per suspension. registration_id: the registration the result was recorded against (its main institution
-- and its granting authority are copied for the lists of the institution and the authority).
CREATE TABLE assessment_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  registration_id uuid NOT NULL REFERENCES registrations (id),
  institution_id uuid NOT NULL REFERENCES institutions (id),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  kind text NOT NULL CHECK (kind IN ('periodic', 'reassessment')),
  cycle_start_year integer NOT NULL CHECK (cycle_start_year BETWEEN 2000 AND 2099),
  result text NOT NULL CHECK (result IN ('passed', 'failed', 'absent')),
  assessed_on date,
  assessor text,
  note text,
  source text NOT NULL CHECK (source IN ('form', 'import')),
  import_id uuid REFERENCES assessment_imports (id),
  suspension_id uuid,
  recorded_by_institution_id uuid REFERENCES institutions (id),
  recorded_by_authority_id uuid REFERENCES authorities (id),
  actor_account_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((recorded_by_institution_id IS NULL) <> (recorded_by_authority_id IS NULL)),
  CHECK ((source = 'import') = (import_id IS NOT NULL)),
  CHECK ((kind = 'reassessment') = (suspension_id IS NOT NULL)),
  CHECK (kind = 'periodic' OR result <> 'absent')
);
COMMENT ON COLUMN assessment_results.cycle_start_year IS '考核周期的起始年份：2024 即「2024–2026」（《医师法》第四十二条：三年一个周期）';
COMMENT ON COLUMN assessment_results.suspension_id IS '再次考核：其所在的暂停执业活动（registration_suspensions.id）';
CREATE UNIQUE INDEX assessment_results_periodic_key ON assessment_results (physician_id, cycle_start_year) WHERE kind = 'periodic';
CREATE UNIQUE INDEX assessment_results_reassessment_key ON assessment_results (suspension_id) WHERE kind = 'reassessment';
CREATE INDEX assessment_results_authority_keyset_idx ON assessment_results (authority_id, created_at DESC, id DESC);
CREATE INDEX assessment_results_institution_keyset_idx ON assessment_results (institution_id, created_at DESC, id DESC);
CREATE INDEX assessment_results_physician_idx ON assessment_results (physician_id, cycle_start_year DESC, created_at DESC);

-- 暂停执业活动: while one is 执行中 its registration is 中止 (REGISTRATION_TABLE suspend / resume). kind assessment:
-- after a 不合格 result, 3–6 months with training (第四十二条); kind penalty: 6–12 months (第五十五条至第五十七条).
CREATE TABLE registration_suspensions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id uuid NOT NULL REFERENCES registrations (id),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  kind text NOT NULL CHECK (kind IN ('assessment', 'penalty')),
  status text NOT NULL CHECK (status IN ('in_force', 'expired', 'lifted', 'terminated')),
  document_no text NOT NULL,
  decided_on date NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  training text,
  assessment_result_id uuid UNIQUE REFERENCES assessment_results (id),
  version integer NOT NULL DEFAULT 1,
  status_since timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK ((kind = 'assessment') = (assessment_result_id IS NOT NULL)),
  CHECK (kind <> 'assessment' OR training IS NOT NULL)
);
COMMENT ON COLUMN registration_suspensions.training IS '培训要求（定期考核不合格暂停执业活动期间接受培训，《医师法》第四十二条）';
-- One suspension at a time runs on a registration: two orders at once give one 409.
CREATE UNIQUE INDEX registration_suspensions_running_key ON registration_suspensions (registration_id) WHERE status = 'in_force';
-- The scheduled job: penalty suspensions still running, by end date.
CREATE INDEX registration_suspensions_due_idx ON registration_suspensions (ends_on, id) WHERE status = 'in_force' AND kind = 'penalty';
CREATE INDEX registration_suspensions_physician_idx ON registration_suspensions (physician_id, created_at DESC);

-- History of each suspension (SUSPENSION_TABLE of @medreg/domain).
CREATE TABLE suspension_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  suspension_id uuid NOT NULL REFERENCES registration_suspensions (id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  cause jsonb NOT NULL,
  actor_account_id uuid,
  changes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suspension_events_suspension_idx ON suspension_events (suspension_id, id);

-- 处分决定 (《医师法》第五十五条至第五十八条): 暂停执业活动 (with its suspension) or 吊销医师执业证书 (with its
-- cancellation). A document number is recorded once per authority: a double click records one decision.
CREATE TABLE penalty_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('suspension', 'revocation')),
  registration_id uuid NOT NULL REFERENCES registrations (id),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  document_no text NOT NULL,
  decided_on date NOT NULL,
  article text NOT NULL,
  facts text NOT NULL,
  starts_on date,
  ends_on date,
  suspension_id uuid REFERENCES registration_suspensions (id),
  cancellation_id uuid REFERENCES registration_cancellations (id),
  actor_account_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'suspension') = (suspension_id IS NOT NULL AND starts_on IS NOT NULL AND ends_on IS NOT NULL)),
  CHECK ((kind = 'revocation') = (cancellation_id IS NOT NULL))
);
CREATE UNIQUE INDEX penalty_decisions_document_key ON penalty_decisions (authority_id, document_no);
CREATE INDEX penalty_decisions_authority_keyset_idx ON penalty_decisions (authority_id, decided_on DESC, id DESC);
CREATE INDEX penalty_decisions_registration_idx ON penalty_decisions (registration_id);
