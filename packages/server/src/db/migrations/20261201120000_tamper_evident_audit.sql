-- Tamper-evident audit (issue 7, point 7): audit_log and application_events become append-only, and
-- audit_log rows carry a keyed hash chain (computed by the application, see modules/audit/chain.ts).

-- An audit entry outlives the account it names: no foreign key (ON DELETE SET NULL would rewrite audit rows,
-- and the key-share lock of an FK check taken while holding the chain lock could wait on a locked account).
ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_actor_account_id_fkey;

ALTER TABLE audit_log
  ADD COLUMN seq bigint,
  ADD COLUMN prev_hash bytea,
  ADD COLUMN hash bytea;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_seq_key UNIQUE (seq);
-- NOT VALID: rows written before the chain existed keep NULLs (reported as unchained by the verifier);
-- every new row must be chained.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chained
  CHECK (seq IS NOT NULL AND seq > 0 AND octet_length(prev_hash) = 32 AND octet_length(hash) = 32) NOT VALID;
COMMENT ON COLUMN audit_log.seq IS 'Position in the hash chain: 1, 2, 3 … without gaps, assigned under the chain advisory lock just before commit.';
COMMENT ON COLUMN audit_log.prev_hash IS 'hash of the row with seq - 1 (32 zero bytes for seq 1).';
COMMENT ON COLUMN audit_log.hash IS 'HMAC-SHA-256 (key derived from MEDREG_PII_KEY, label medreg:audit:chain) of the canonical row content and prev_hash.';
COMMENT ON COLUMN audit_log.request_id IS 'x-request-id of the HTTP request that wrote the row (NULL for background work).';
COMMENT ON COLUMN audit_log.ip IS 'Client address of that request (Fastify req.ip).';

-- Audit trail page of the authority portal: filters by actor and action, newest first.
CREATE INDEX audit_log_actor_idx ON audit_log (actor_account_id, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);

-- Where the chain starts: rows with a smaller id predate it and are counted, not verified.
CREATE TABLE audit_chain_start (
  table_name text PRIMARY KEY CHECK (table_name IN ('audit_log', 'application_events')),
  legacy_max_id bigint NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE audit_chain_start IS 'Highest id of each audited table when the hash chain was introduced; rows up to it are legacy (unchained).';
INSERT INTO audit_chain_start (table_name, legacy_max_id)
  SELECT 'audit_log', coalesce(max(id), 0) FROM audit_log
  UNION ALL SELECT 'application_events', coalesce(max(id), 0) FROM application_events;

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 只能追加，不能修改或删除（% 被拒绝）', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          DETAIL = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' refused';
END;
$$;
COMMENT ON FUNCTION refuse_audit_change() IS 'Trigger body that refuses UPDATE, DELETE and TRUNCATE on append-only tables.';

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER application_events_append_only BEFORE UPDATE OR DELETE ON application_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER application_events_no_truncate BEFORE TRUNCATE ON application_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_chain_start_append_only BEFORE UPDATE OR DELETE ON audit_chain_start
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
