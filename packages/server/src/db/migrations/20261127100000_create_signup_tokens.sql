-- Physician sign-up (注册新账号) in two steps, seed 第一步 4–5: step 1 proves 姓名 + 身份证号 + captcha and
-- receives a short-lived token; step 2 presents it with the account details. Only the token's hash is stored.
CREATE TABLE signup_tokens (
  token_hash bytea PRIMARY KEY,
  name text NOT NULL,
  id_number_enc bytea NOT NULL,
  id_number_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE signup_tokens IS 'Step 1 of 注册新账号: the checked name and 身份证号 (encrypted), waiting for step 2. Single use, 30 minutes.';
COMMENT ON COLUMN signup_tokens.token_hash IS 'SHA-256 of the token handed to the browser; the token itself is never stored.';
CREATE INDEX signup_tokens_expires_idx ON signup_tokens (expires_at);

-- 资格补改 lists: the authority's list (keyset on created_at, id) and the national commission's list over all authorities.
CREATE INDEX qualification_corrections_authority_keyset_idx ON qualification_corrections (authority_id, created_at DESC, id DESC);
CREATE INDEX qualification_corrections_keyset_idx ON qualification_corrections (created_at DESC, id DESC);
