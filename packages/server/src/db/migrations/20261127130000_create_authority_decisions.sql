-- 卫生健康行政部门端: indexes for the decision queues, and the written decisions with their numbering.

-- 正在申办 / 退回补正 queues: oldest submission first, keyset by (submitted_at, id).
-- (已受理 uses applications_authority_queue_idx (authority_id, state, due_date, id).)
CREATE INDEX applications_authority_intake_idx ON applications (authority_id, state, submitted_at, id);
-- 已办结 (准予注册 / 不予注册): latest decision first, keyset by (decided_at, id).
CREATE INDEX applications_authority_decided_idx ON applications (authority_id, decided_at DESC, id DESC)
  WHERE state IN ('approved', 'refused');
-- 姓名 search within one authority's applications.
CREATE INDEX applications_authority_name_idx ON applications (authority_id, physician_name);

CREATE TABLE decision_document_serials (
  authority_id uuid NOT NULL REFERENCES authorities (id),
  year integer NOT NULL,
  last_serial integer NOT NULL,
  PRIMARY KEY (authority_id, year)
);
COMMENT ON TABLE decision_document_serials IS 'Last 文号 serial an authority gave its written decisions in a year; only ever increases.';

CREATE TABLE decision_documents (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  kind text NOT NULL CHECK (kind IN ('refusal')),
  document_no text NOT NULL UNIQUE,
  authority_id uuid NOT NULL REFERENCES authorities (id),
  sha256 char(64) NOT NULL REFERENCES blobs (sha256),
  issued_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE decision_documents IS 'Written decisions (不予注册决定书, 《医师法》第十六条) issued for an application: 文号 and the PDF in the BlobStore.';
COMMENT ON COLUMN decision_documents.issued_on IS '成文日期 (China date of the decision).';
