-- 资格证书编码 embeds the holder's full 身份证号 (its last 18 characters), so it is stored like the ID itself:
-- AES-256-GCM encrypted, with an HMAC-SHA-256 keyed hash for exact look-ups and a masked copy for display.
-- SQL cannot encrypt with the application's key: existing plain-text codes are converted by the server at
-- start-up (src/security/seal-legacy-pii.ts, idempotent, safe with several processes), which empties cert_code.
ALTER TABLE qualifications
  ADD COLUMN cert_code_enc bytea,
  ADD COLUMN cert_code_hash bytea,
  ADD COLUMN cert_code_masked text;
COMMENT ON COLUMN qualifications.cert_code_enc IS '医师资格证书编码 (27 chars, normalised upper case), AES-256-GCM: iv(12) || tag(16) || ciphertext; null for exam passers without a certificate yet.';
COMMENT ON COLUMN qualifications.cert_code_hash IS 'HMAC-SHA-256 (MEDREG_PII_KEY) of the normalised 资格证书编码, for exact look-ups and uniqueness.';
COMMENT ON COLUMN qualifications.cert_code_masked IS '资格证书编码 with its embedded 身份证号 masked (first 6 and last 4 of the ID kept), for display.';
COMMENT ON COLUMN qualifications.cert_code IS 'Legacy plain-text 资格证书编码: emptied by the server at start-up (sealed into cert_code_enc/_hash/_masked); new rows may not set it.';

CREATE UNIQUE INDEX qualifications_cert_code_hash_key ON qualifications (cert_code_hash);

ALTER TABLE qualifications DROP CONSTRAINT qualifications_has_key;
ALTER TABLE qualifications ADD CONSTRAINT qualifications_has_key
  CHECK (cert_code IS NOT NULL OR cert_code_hash IS NOT NULL OR admission_ticket_no IS NOT NULL);
ALTER TABLE qualifications ADD CONSTRAINT qualifications_cert_code_sealed_parts
  CHECK ((cert_code_enc IS NULL) = (cert_code_hash IS NULL) AND (cert_code_hash IS NULL) = (cert_code_masked IS NULL));
-- NOT VALID: rows from before this migration keep their plain code until the start-up step seals them;
-- every insert or update from now on must leave cert_code empty.
ALTER TABLE qualifications ADD CONSTRAINT qualifications_cert_code_not_plain CHECK (cert_code IS NULL) NOT VALID;
