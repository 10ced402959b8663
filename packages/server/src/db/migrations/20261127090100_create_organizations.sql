-- Health authorities (卫生健康行政部门) and medical institutions (医疗机构).
CREATE TABLE authorities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  area_code char(6) NOT NULL,
  level text NOT NULL CHECK (level IN ('national', 'province', 'city', 'county')),
  parent_id uuid REFERENCES authorities (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN authorities.area_code IS 'Jurisdiction (GB/T 2260 code of its area); the national commission carries 000000.';
CREATE UNIQUE INDEX authorities_area_level_uidx ON authorities (area_code, level);

CREATE TABLE institutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  credit_code text NOT NULL UNIQUE,
  licence_reg_no text NOT NULL,
  area_code char(6) NOT NULL REFERENCES regions (code),
  province_code char(6) NOT NULL REFERENCES regions (code),
  kind text NOT NULL DEFAULT 'medical' CHECK (kind IN ('medical', 'health_care', 'prevention')),
  grassroots boolean NOT NULL DEFAULT false,
  approving_authority_id uuid NOT NULL REFERENCES authorities (id),
  auto_activate boolean NOT NULL DEFAULT false,
  departments text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN institutions.name IS '标准名称 — the standard name a registration''s main institution must match (seed question 四).';
COMMENT ON COLUMN institutions.area_code IS 'County-level GB/T 2260 code of the institution; an assistant''s 执业地点 is this county.';
COMMENT ON COLUMN institutions.grassroots IS 'County-level-and-below grassroots institution (乡镇卫生院/社区): up to 3 scopes, §4.10 rule 1(a).';
COMMENT ON COLUMN institutions.auto_activate IS '自动激活: the institution activates its physicians'' accounts without codes.';
CREATE INDEX institutions_name_trgm_idx ON institutions USING gin (name gin_trgm_ops);
CREATE INDEX institutions_province_name_idx ON institutions (province_code, name);
CREATE INDEX institutions_area_code_idx ON institutions (area_code);
CREATE INDEX institutions_authority_idx ON institutions (approving_authority_id);
