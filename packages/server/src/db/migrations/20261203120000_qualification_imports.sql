-- 国家医师资格信息导入: the province loads exam passers and certificate holders from CSV/XLSX files of up to millions
-- of rows. The upload is kept in chunks (any server process may read it), a worker validates every row, writes the
-- valid ones through COPY into staging (身份证号 and 资格证书编码 already encrypted, with their keyed hashes) and the
-- rejected ones into the error table, then merges staging into qualifications in one transaction.
CREATE TABLE qualification_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id uuid NOT NULL REFERENCES authorities (id),
  created_by uuid NOT NULL REFERENCES accounts (id),
  file_name text NOT NULL,
  file_bytes bigint NOT NULL CHECK (file_bytes >= 0),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'reading', 'merging', 'done', 'failed')),
  rows_read integer NOT NULL DEFAULT 0,
  rows_valid integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  rows_inserted integer NOT NULL DEFAULT 0,
  rows_updated integer NOT NULL DEFAULT 0,
  rows_unchanged integer NOT NULL DEFAULT 0,
  failure_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  CONSTRAINT qualification_imports_failed_reason CHECK (status <> 'failed' OR length(btrim(coalesce(failure_reason, ''))) > 0)
);
COMMENT ON TABLE qualification_imports IS 'One upload of the qualification database (国家医师资格信息导入): status (QUALIFICATION_IMPORT_WORKFLOW) and row counts, updated as the worker goes.';
COMMENT ON COLUMN qualification_imports.rows_valid IS 'Rows that passed the row rules and were written to staging (rows in the file repeated later move to rejected at the merge).';
COMMENT ON COLUMN qualification_imports.failure_reason IS 'Why the whole import failed (unreadable file, missing columns), in Chinese; rows are never merged then.';
CREATE INDEX qualification_imports_authority_idx ON qualification_imports (authority_id, created_at DESC, id DESC);
CREATE INDEX qualification_imports_queued_idx ON qualification_imports (created_at) WHERE status = 'queued';

CREATE TABLE qualification_import_events (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  import_id uuid NOT NULL REFERENCES qualification_imports (id),
  action text NOT NULL CHECK (action IN ('create', 'read', 'merge', 'finish', 'fail')),
  from_status text,
  to_status text NOT NULL,
  actor_account_id uuid REFERENCES accounts (id),
  reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE qualification_import_events IS 'History of each import: one append-only row per status change; actor null for the worker.';
CREATE INDEX qualification_import_events_import_idx ON qualification_import_events (import_id, id);

CREATE TABLE qualification_import_chunks (
  import_id uuid NOT NULL REFERENCES qualification_imports (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (import_id, seq)
);
COMMENT ON TABLE qualification_import_chunks IS 'The uploaded file in order, a few MB a row, until the import ends (then deleted).';

CREATE TABLE qualification_import_staging (
  import_id uuid NOT NULL,
  row_number integer NOT NULL,
  name text NOT NULL,
  id_number_enc bytea NOT NULL,
  id_number_hash bytea NOT NULL,
  id_number_masked text NOT NULL,
  cert_code_enc bytea,
  cert_code_hash bytea,
  cert_code_masked text,
  admission_ticket_no text,
  level text NOT NULL,
  category text NOT NULL,
  exam_category_code text,
  exam_year integer,
  obtained_date date,
  speciality text,
  target_id uuid,
  outcome text
);
COMMENT ON TABLE qualification_import_staging IS 'Valid rows of a running import, loaded by COPY; emptied by the merge. No constraints: COPY speed, the merge checks.';
COMMENT ON COLUMN qualification_import_staging.outcome IS 'Set by the merge: insert, update or unchanged.';
CREATE INDEX qualification_import_staging_import_idx ON qualification_import_staging (import_id, row_number);

CREATE TABLE qualification_import_errors (
  import_id uuid NOT NULL REFERENCES qualification_imports (id),
  row_number integer NOT NULL,
  field text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (import_id, row_number, field)
);
COMMENT ON TABLE qualification_import_errors IS 'Rejected rows of an import: row number as in the spreadsheet (header = 1), the column label and a Chinese reason.';

ALTER TABLE qualification_revisions ADD COLUMN import_id uuid REFERENCES qualification_imports (id);
COMMENT ON COLUMN qualification_revisions.import_id IS 'The qualification import that changed the record (null: changed by 资格补改).';
CREATE INDEX qualification_revisions_import_idx ON qualification_revisions (import_id) WHERE import_id IS NOT NULL;
