-- Accounts created with a one-time password (the first administrator, `npm run create-admin`) must
-- choose their own password before doing anything else.
ALTER TABLE accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN accounts.must_change_password IS 'Set for a one-time password: until PUT /api/v1/session/password succeeds, the session may only read itself, change the password or log out.';
