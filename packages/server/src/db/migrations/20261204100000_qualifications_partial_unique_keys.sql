-- 国家医师资格信息导入: the unique keys on qualifications.cert_code and admission_ticket_no indexed every row,
-- including the NULLs that can never conflict. cert_code is the legacy plain column, NULL on every row since the code
-- is sealed (qualifications_cert_code_not_plain); admission_ticket_no is NULL for a row known only by its certificate.
-- As partial unique indexes (WHERE … IS NOT NULL) they enforce exactly the same uniqueness, serve the same
-- look-ups (q.admission_ticket_no = …, and seal-legacy-pii's `cert_code IS NOT NULL`), and an insert of a row with
-- a NULL key no longer touches them — for cert_code, no insert touches it at all.
CREATE UNIQUE INDEX qualifications_cert_code_present_key ON qualifications (cert_code) WHERE cert_code IS NOT NULL;
ALTER TABLE qualifications DROP CONSTRAINT qualifications_cert_code_key;
CREATE UNIQUE INDEX qualifications_admission_ticket_no_present_key ON qualifications (admission_ticket_no) WHERE admission_ticket_no IS NOT NULL;
ALTER TABLE qualifications DROP CONSTRAINT qualifications_admission_ticket_no_key;
