-- 资格补改 handled by the authority (domain §2.2 BT-12): 受理, 补改 (the qualification record corrected or supplemented)
-- and 驳回 with written reasons, each a version-checked change of the request with one history row; every change of a
-- qualification record keeps its old and new values.

ALTER TABLE qualification_corrections ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE qualification_corrections ADD COLUMN qualification_id uuid REFERENCES qualifications (id);
COMMENT ON COLUMN qualification_corrections.version IS 'Incremented by each action (受理 / 补改 / 驳回); an action names the version it saw.';
COMMENT ON COLUMN qualification_corrections.qualification_id IS 'The qualification record the 补改 corrected or created.';
COMMENT ON COLUMN qualification_corrections.resolution_note IS 'What the physician is told: the 补改 note or the written reasons of a 驳回.';
ALTER TABLE qualification_corrections ADD CONSTRAINT qualification_corrections_rejection_has_reason
  CHECK (status <> 'rejected' OR length(btrim(coalesce(resolution_note, ''))) > 0);

CREATE TABLE qualification_correction_events (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  correction_id uuid NOT NULL REFERENCES qualification_corrections (id),
  action text NOT NULL CHECK (action IN ('accept', 'resolve', 'reject')),
  from_status text NOT NULL,
  to_status text NOT NULL,
  actor_account_id uuid NOT NULL REFERENCES accounts (id),
  actor_role text NOT NULL,
  authority_id uuid REFERENCES authorities (id),
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT qualification_correction_events_reject_reason CHECK (action <> 'reject' OR length(btrim(coalesce(reason, ''))) > 0)
);
COMMENT ON TABLE qualification_correction_events IS 'History of each 资格补改 request: one append-only row per action (CORRECTION_WORKFLOW), who, which role and authority, why.';
CREATE INDEX qualification_correction_events_correction_idx ON qualification_correction_events (correction_id, id);

CREATE TABLE qualification_revisions (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  qualification_id uuid NOT NULL REFERENCES qualifications (id),
  correction_id uuid REFERENCES qualification_corrections (id),
  old_values jsonb,
  new_values jsonb NOT NULL,
  old_cert_code_enc bytea,
  new_cert_code_enc bytea,
  actor_account_id uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE qualification_revisions IS 'Every change of a qualification record by an authority (补录 / 修改): the fields before (null: the record was created) and after.';
COMMENT ON COLUMN qualification_revisions.old_values IS 'Fields before the change; the 资格证书编码 only as its masked copy (certCodeMasked), never in plain.';
COMMENT ON COLUMN qualification_revisions.old_cert_code_enc IS '资格证书编码 before the change, sealed as qualifications.cert_code_enc (AES-256-GCM).';
COMMENT ON COLUMN qualification_revisions.new_cert_code_enc IS '资格证书编码 after the change, sealed as qualifications.cert_code_enc (AES-256-GCM).';
CREATE INDEX qualification_revisions_qualification_idx ON qualification_revisions (qualification_id, id);
CREATE INDEX qualification_revisions_correction_idx ON qualification_revisions (correction_id) WHERE correction_id IS NOT NULL;
