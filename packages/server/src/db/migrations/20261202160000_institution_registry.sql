-- 医疗机构 register kept by the authorities (domain §4.5–4.8): the status table of @medreg/domain
-- (INSTITUTION_STATUS_TABLE: 正常 → 暂停 → 正常), a version for edits, the level, the address and the history of
-- every change (institution_events).
ALTER TABLE institutions
  ADD COLUMN status text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'suspended')),
  ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  ADD COLUMN grade text NOT NULL DEFAULT 'none' CHECK (grade IN ('3A', '3B', '3C', '3', '2A', '2B', '2C', '2', '1', 'none')),
  ADD COLUMN address text NOT NULL DEFAULT '',
  ADD COLUMN suspended_reason text,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
COMMENT ON COLUMN institutions.status IS '医疗机构状态: normal 正常 (receives applications), suspended 暂停 (receives no new applications).';
COMMENT ON COLUMN institutions.version IS 'Raised by every edit and status change: an edit names the version it read (two editors → one 409).';
COMMENT ON COLUMN institutions.grade IS '医院等级: 3A 三级甲等 … 1 一级, none 未定级.';

-- `active` (read by the institution search, the business forms and the rechecks) now follows the status.
ALTER TABLE institutions DROP COLUMN active;
ALTER TABLE institutions ADD COLUMN active boolean GENERATED ALWAYS AS (status = 'normal') STORED;
COMMENT ON COLUMN institutions.active IS 'Whether the institution receives new applications: status = normal (generated).';

-- 机构标准名称 unique within a place (its county), the register list's name order.
CREATE UNIQUE INDEX institutions_area_name_uidx ON institutions (area_code, name);
CREATE INDEX institutions_name_id_idx ON institutions (name, id);

-- 医疗机构变更记录: one row per registration, edit, suspension or reopening, old → new per field.
CREATE TABLE institution_events (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  institution_id uuid NOT NULL REFERENCES institutions (id),
  event text NOT NULL CHECK (event IN ('register', 'edit', 'suspend', 'reopen')),
  version integer NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  reason text,
  actor_account_id uuid NOT NULL,
  actor_authority_id uuid REFERENCES authorities (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (institution_id, version),
  CHECK (event <> 'suspend' OR length(trim(reason)) > 0)
);
COMMENT ON TABLE institution_events IS '医疗机构变更记录 (append-only): who changed what, old → new.';
COMMENT ON COLUMN institution_events.changes IS '{ field: { old, new } } for every field the event changed.';
COMMENT ON COLUMN institution_events.version IS 'The institution''s version after the event.';
