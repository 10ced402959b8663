-- 注销注册 (domain §BT-07): one row per cancelled registration — its ground (CANCELLATION_GROUNDS of @medreg/domain),
-- who initiated it, the day of the triggering event and the day it took effect, the deciding (granting) authority.
-- The public announcement list (《医师法》第二十一条) reads it per authority, latest first.
CREATE TABLE registration_cancellations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id uuid NOT NULL UNIQUE REFERENCES registrations (id),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  authority_id uuid NOT NULL,
  event text NOT NULL,
  ground text NOT NULL,
  initiator text NOT NULL,
  trigger_on date,
  effective_on date NOT NULL,
  application_id uuid,
  document_no text,
  note text,
  actor_account_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_cancellations_announcement_idx ON registration_cancellations (authority_id, effective_on DESC, id DESC);
CREATE INDEX registration_cancellations_physician_idx ON registration_cancellations (physician_id);

-- 不予注册的期限 (《医师法》第十六条、第五十四条): a bar to a new registration, from the act that set it. ends_on null:
-- a criminal penalty whose sentence is not yet served.
CREATE TABLE registration_bars (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  kind text NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  source_registration_id uuid,
  document_no text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_bars_physician_idx ON registration_bars (physician_id, ends_on);
