-- Accounts of every actor kind, sessions, captchas, rate-limit counters and one-time codes.
-- All of it lives in the database so that any server process can answer any request.
CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('physician', 'institution', 'authority')),
  role text NOT NULL CHECK (role IN ('physician', 'institution_admin', 'institution_clerk', 'authority_reviewer', 'authority_admin')),
  login_name text NOT NULL,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  phone text,
  email text,
  institution_id uuid REFERENCES institutions (id),
  authority_id uuid REFERENCES authorities (id),
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT accounts_institution_binding CHECK ((kind = 'institution') = (institution_id IS NOT NULL)),
  CONSTRAINT accounts_authority_binding CHECK ((kind = 'authority') = (authority_id IS NOT NULL)),
  CONSTRAINT accounts_role_matches_kind CHECK (
    (kind = 'physician' AND role = 'physician')
    OR (kind = 'institution' AND role IN ('institution_admin', 'institution_clerk'))
    OR (kind = 'authority' AND role IN ('authority_reviewer', 'authority_admin')))
);
COMMENT ON COLUMN accounts.locked_until IS 'Set after 5 wrong passwords in a row; login is refused until then.';
CREATE UNIQUE INDEX accounts_login_name_uidx ON accounts (lower(login_name));
CREATE INDEX accounts_institution_idx ON accounts (institution_id) WHERE institution_id IS NOT NULL;
CREATE INDEX accounts_authority_idx ON accounts (authority_id) WHERE authority_id IS NOT NULL;

CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN sessions.token_hash IS 'SHA-256 of the cookie token; the token itself is never stored.';
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE captchas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX captchas_expires_idx ON captchas (expires_at);

CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_window_idx ON rate_limits (window_start);

CREATE TABLE verification_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  target text NOT NULL,
  purpose text NOT NULL,
  code_hash bytea NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verification_codes_account_idx ON verification_codes (account_id, purpose, created_at DESC);
