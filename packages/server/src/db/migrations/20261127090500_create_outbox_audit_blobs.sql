-- Notification outbox, audit trail and the blob index.
CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  template text NOT NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
COMMENT ON TABLE outbox IS 'Messages written in the same transaction as the change that caused them; a sender delivers them.';
CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE status = 'pending';
CREATE INDEX outbox_recipient_idx ON outbox (recipient, created_at DESC);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  request_id text,
  ip text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);

CREATE TABLE blobs (
  sha256 char(64) PRIMARY KEY,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE blobs IS 'Index of files kept by the BlobStore (photos, generated PDFs), addressed by SHA-256.';
