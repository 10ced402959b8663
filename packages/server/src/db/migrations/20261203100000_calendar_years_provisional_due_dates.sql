-- 工作日历: which years' holidays are known, the history of every calendar change, provisional due dates and the
-- recompute of stored due dates after a change (《行政许可法》第八十二条: periods in working days, statutory holidays
-- excluded; the State Council announces the holidays year by year).

CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  source text NOT NULL CHECK (source IN ('dataset', 'admin')),
  entered_by uuid REFERENCES accounts (id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  note text,
  CHECK (source = 'dataset' OR entered_by IS NOT NULL)
);
COMMENT ON TABLE calendar_years IS 'Years whose holiday arrangement (国务院办公厅通知) is known: from the chinese-days dataset or entered by an administrator. A due date reaching a year not listed here is provisional (暂定).';

-- Installations seeded before this table: the dataset years already in calendar_days.
INSERT INTO calendar_years (year, source)
SELECT DISTINCT extract(year FROM day)::int, 'dataset' FROM calendar_days WHERE source = 'chinese-days'
ON CONFLICT DO NOTHING;

-- 工作日历变更记录 (append-only): each day a year entry or a correction changed, before → after.
CREATE TABLE calendar_day_history (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  day date NOT NULL,
  change text NOT NULL CHECK (change IN ('year_entry', 'correction')),
  kind_before text CHECK (kind_before IN ('holiday', 'workday')),
  name_before text,
  source_before text,
  kind_after text CHECK (kind_after IN ('holiday', 'workday')),
  name_after text,
  reason text,
  actor_account_id uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (change <> 'correction' OR length(trim(reason)) > 0)
);
COMMENT ON TABLE calendar_day_history IS 'History of the working-day calendar: a null kind is a plain weekday (no override).';
CREATE INDEX calendar_day_history_day_idx ON calendar_day_history (day, id);

-- Work for the recompute job: one row per calendar change, the cursor of the batches done so far.
CREATE TABLE calendar_recomputes (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  from_day date NOT NULL,
  reason text NOT NULL,
  requested_by uuid REFERENCES accounts (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  cursor_due_date date,
  cursor_id uuid,
  changed integer NOT NULL DEFAULT 0,
  finished_at timestamptz
);
COMMENT ON TABLE calendar_recomputes IS 'Due dates to recount after a calendar change: accepted applications due on or after from_day, in (due_date, id) batches.';
COMMENT ON COLUMN calendar_recomputes.cursor_due_date IS 'Key of the last application recounted (with cursor_id); null before the first batch.';
CREATE INDEX calendar_recomputes_pending_idx ON calendar_recomputes (id) WHERE finished_at IS NULL;

ALTER TABLE applications
  ADD COLUMN due_date_provisional boolean NOT NULL DEFAULT false,
  ADD COLUMN due_working_days smallint CHECK (due_working_days BETWEEN 0 AND 366);
COMMENT ON COLUMN applications.due_date_provisional IS '暂定: the decision period reaches a year whose holidays are not known yet, counted there as Mon–Fri weeks.';
COMMENT ON COLUMN applications.due_working_days IS 'The decision period in working days the due date was counted with (recounted with the same number after a calendar change).';

-- The count of provisional due dates. (The recompute job's batches use applications_accepted_due_idx.)
CREATE INDEX applications_provisional_due_idx ON applications (due_date, id) WHERE due_date_provisional;
