-- 统计看板 (dashboards): small aggregate tables that the refresh (job dashboard.refresh every 10 minutes, and
-- 「刷新统计」 on demand) rebuilds with set-based SQL from applications, application_events and registrations, so that
-- a dashboard reads a few hundred rows by primary key however many physicians a province has (5 M in bench/).
-- The live parts of a dashboard (已超期 / 即将超期) read applications_authority_queue_idx.

CREATE TABLE stats_applications_monthly (
  authority_id uuid NOT NULL REFERENCES authorities (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  business_type text NOT NULL,
  received integer NOT NULL DEFAULT 0,
  decided integer NOT NULL DEFAULT 0,
  approved integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  returned integer NOT NULL DEFAULT 0,
  PRIMARY KEY (authority_id, month, business_type)
);
COMMENT ON TABLE stats_applications_monthly IS '业务申请月度统计 per deciding authority, month (Asia/Shanghai) and business type.';
COMMENT ON COLUMN stats_applications_monthly.received IS '收件: applications that reached the authority (正在申办 or later), by the month they arrived.';
COMMENT ON COLUMN stats_applications_monthly.decided IS '办结: 准予注册 + 不予注册, by the month of the decision.';
COMMENT ON COLUMN stats_applications_monthly.returned IS '退回补正 notices sent, by the month they were sent.';

CREATE TABLE stats_decision_days (
  authority_id uuid NOT NULL REFERENCES authorities (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  working_days integer NOT NULL CHECK (working_days >= 0),
  decisions integer NOT NULL CHECK (decisions > 0),
  PRIMARY KEY (authority_id, month, working_days)
);
COMMENT ON TABLE stats_decision_days IS 'Histogram of 受理 → decision in working days (calendar_days applied), by the month of the decision: the median and p90 of any set of authorities follow exactly from it.';

CREATE TABLE stats_institution_outcomes (
  authority_id uuid NOT NULL REFERENCES authorities (id),
  institution_id uuid NOT NULL REFERENCES institutions (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  returned integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  PRIMARY KEY (authority_id, month, institution_id)
);
COMMENT ON TABLE stats_institution_outcomes IS '退回补正 notices and 不予注册 decisions per institution, month and deciding authority.';

CREATE TABLE stats_registered_physicians (
  area_code char(6) NOT NULL,
  category text NOT NULL,
  level text NOT NULL,
  physicians integer NOT NULL CHECK (physicians > 0),
  PRIMARY KEY (area_code, category, level)
);
COMMENT ON TABLE stats_registered_physicians IS '有效执业注册 (status valid) per area of the main institution (county code), category and level: a 执业医师''s 执业地点 is a province, so the institution places it in an area below.';

CREATE TABLE stats_refreshes (
  id integer PRIMARY KEY CHECK (id = 1),
  refreshed_at timestamptz NOT NULL
);
COMMENT ON TABLE stats_refreshes IS '统计时间: when the aggregate tables were last rebuilt (one row).';
