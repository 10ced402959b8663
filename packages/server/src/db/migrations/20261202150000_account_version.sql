-- 人员账户: an authority administrator's changes to a staff account (停用/启用, 重置密码, 调整所属部门) carry the
-- version the administrator saw; a change made meanwhile by someone else is refused (409), never silently overwritten.
ALTER TABLE accounts ADD COLUMN version integer NOT NULL DEFAULT 1;
COMMENT ON COLUMN accounts.version IS 'Raised by every administrative change of the account; a change sent with an older version is refused with 409.';
-- The 人员账户 list: the staff of the authorities in reach, in login-name order (keyset by lower(login_name)).
CREATE INDEX accounts_authority_staff_list_idx ON accounts (authority_id, lower(login_name)) WHERE kind = 'authority';
