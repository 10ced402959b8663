-- Files every server process can read: the bytes of photos, materials and PDFs move from each process's
-- data directory into the database (or an S3 bucket, MEDREG_BLOB_STORE=s3), one content-addressed row each.
ALTER TABLE decision_documents DROP CONSTRAINT IF EXISTS decision_documents_sha256_fkey;
ALTER TABLE blobs ALTER COLUMN sha256 TYPE text;
ALTER TABLE blobs ADD CONSTRAINT blobs_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$');
ALTER TABLE blobs ADD COLUMN content bytea;
-- Photos, scans and PDFs are compressed already: keep them out of line uncompressed, so that reading a
-- chunk (substring) fetches only that chunk's TOAST slices.
ALTER TABLE blobs ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE blobs ADD COLUMN touched_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE blobs ADD CONSTRAINT blobs_size_matches CHECK (content IS NULL OR octet_length(content) = size_bytes);
CREATE INDEX blobs_touched_at_idx ON blobs (touched_at);
COMMENT ON COLUMN blobs.content IS 'The bytes (BlobStore on PostgreSQL). NULL when they live in the S3 bucket, or in a data directory not yet imported (npm run blobs:import).';
COMMENT ON COLUMN blobs.touched_at IS 'Last time the content was stored or re-stored: the garbage job removes an unreferenced blob only after a grace period from here.';

-- Every reference to a blob is a foreign key where the column allows it, so that the garbage job can never
-- remove a referenced blob: the database refuses. (qualification_corrections.attachments is an array; it is
-- checked by the job through its GIN index.) NOT VALID: rows written before files moved are not re-checked.
ALTER TABLE decision_documents ALTER COLUMN sha256 TYPE text;
ALTER TABLE decision_documents ADD CONSTRAINT decision_documents_sha256_fkey FOREIGN KEY (sha256) REFERENCES blobs (sha256) NOT VALID;
ALTER TABLE applications ADD CONSTRAINT applications_decision_document_fkey FOREIGN KEY (decision_document_sha256) REFERENCES blobs (sha256) NOT VALID;
-- The certificate's rendering moves to pdf_cache (below).
ALTER TABLE registrations DROP COLUMN certificate_sha256;
ALTER TABLE physicians ADD CONSTRAINT physicians_photo_fkey FOREIGN KEY (photo_sha256) REFERENCES blobs (sha256) NOT VALID;
-- The application's photo lives in its payload; a generated column makes it a key the database can check.
ALTER TABLE applications ADD COLUMN photo_sha256 text GENERATED ALWAYS AS (payload ->> 'photoSha256') STORED;
ALTER TABLE applications ADD CONSTRAINT applications_photo_fkey FOREIGN KEY (photo_sha256) REFERENCES blobs (sha256) NOT VALID;

CREATE INDEX applications_photo_sha256_idx ON applications (photo_sha256) WHERE photo_sha256 IS NOT NULL;
CREATE INDEX applications_decision_document_sha256_idx ON applications (decision_document_sha256) WHERE decision_document_sha256 IS NOT NULL;
CREATE INDEX physicians_photo_sha256_idx ON physicians (photo_sha256) WHERE photo_sha256 IS NOT NULL;
CREATE INDEX decision_documents_sha256_idx ON decision_documents (sha256);
CREATE INDEX qualification_corrections_attachments_gin ON qualification_corrections USING gin (attachments);

-- Generated PDFs (审核表, certificates) cached for every process: one current rendering per document, keyed by a
-- fingerprint of what it prints. A change of the printed data changes the fingerprint and the next request renders
-- anew; the old rendering's blob is then unreferenced and removed by the garbage job.
CREATE TABLE pdf_cache (
  kind text NOT NULL CHECK (kind IN ('application_form', 'certificate')),
  subject_id uuid NOT NULL,
  fingerprint text NOT NULL,
  sha256 text NOT NULL REFERENCES blobs (sha256),
  sealed boolean NOT NULL DEFAULT false,
  rendered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, subject_id)
);
CREATE INDEX pdf_cache_sha256_idx ON pdf_cache (sha256);
COMMENT ON TABLE pdf_cache IS 'The current rendering of each generated PDF; fingerprint = SHA-256 of the printed data and the layout version.';
COMMENT ON COLUMN pdf_cache.sealed IS 'The blob holds the PDF encrypted with the PII key (documents that print a full 身份证号, such as the 审核表).';
