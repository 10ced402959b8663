-- 个人信息修改 (domain §2.2 BT-11, 信息维护 → 个人信息修改 [S13][S14]): the physician edits registration-side data
-- (学历信息, 任职资格, 照片, 联系方式); the main institution agrees or refuses; approved values live on the registration's
-- profile, never on the qualification record. One request per registration may be pending at a time.

CREATE TABLE info_edits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id uuid NOT NULL REFERENCES registrations (id),
  physician_id uuid NOT NULL REFERENCES physicians (id),
  institution_id uuid NOT NULL REFERENCES institutions (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
  changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0),
  photo_sha256 text REFERENCES blobs (sha256),
  old_photo_sha256 text REFERENCES blobs (sha256),
  decision_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  CONSTRAINT info_edits_refusal_has_reason CHECK (status <> 'refused' OR length(btrim(coalesce(decision_reason, ''))) > 0)
);
COMMENT ON TABLE info_edits IS '个人信息修改申请 (BT-11): what the physician asked to change on one registration, and the main institution''s decision (INFO_EDIT_WORKFLOW).';
COMMENT ON COLUMN info_edits.institution_id IS 'The registration''s main institution when the request was filed: the one that decides.';
COMMENT ON COLUMN info_edits.changes IS 'The review rows: [{field, label, old, new}] for each field that differs from the values at submission.';
COMMENT ON COLUMN info_edits.photo_sha256 IS 'The new photo (re-encoded upload), when the edit changes it.';
COMMENT ON COLUMN info_edits.old_photo_sha256 IS 'The photo it replaces, kept so that the history still shows it.';
COMMENT ON COLUMN info_edits.version IS 'Incremented by each action; an action names the version it saw.';
CREATE UNIQUE INDEX info_edits_one_pending_uidx ON info_edits (registration_id) WHERE status = 'pending';
CREATE INDEX info_edits_institution_queue_idx ON info_edits (institution_id, status, created_at, id);
CREATE INDEX info_edits_institution_idx ON info_edits (institution_id, created_at, id);
CREATE INDEX info_edits_physician_idx ON info_edits (physician_id, created_at, id);
CREATE INDEX info_edits_photo_sha256_idx ON info_edits (photo_sha256) WHERE photo_sha256 IS NOT NULL;
CREATE INDEX info_edits_old_photo_sha256_idx ON info_edits (old_photo_sha256) WHERE old_photo_sha256 IS NOT NULL;

CREATE TABLE info_edit_events (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  info_edit_id uuid NOT NULL REFERENCES info_edits (id),
  action text NOT NULL CHECK (action IN ('submit', 'approve', 'refuse', 'withdraw')),
  from_status text,
  to_status text NOT NULL,
  actor_account_id uuid NOT NULL REFERENCES accounts (id),
  actor_role text NOT NULL,
  institution_id uuid REFERENCES institutions (id),
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT info_edit_events_refuse_reason CHECK (action <> 'refuse' OR length(btrim(coalesce(reason, ''))) > 0)
);
COMMENT ON TABLE info_edit_events IS 'History of each 个人信息修改申请: one append-only row per action, who, which role and institution, why.';
CREATE INDEX info_edit_events_info_edit_idx ON info_edit_events (info_edit_id, id);

CREATE TABLE registration_profiles (
  registration_id uuid PRIMARY KEY REFERENCES registrations (id),
  education text,
  degree text,
  school text,
  major text,
  graduation_date date,
  title text,
  photo_sha256 text REFERENCES blobs (sha256),
  phone text,
  email text,
  info_edit_id uuid NOT NULL REFERENCES info_edits (id),
  edited_at timestamptz NOT NULL
);
COMMENT ON TABLE registration_profiles IS 'Registration-side personal data as last approved in 个人信息修改 (BT-11). No row: the values of the application that created the registration. A row also means 是否修改过信息 = 是.';
COMMENT ON COLUMN registration_profiles.title IS '任职资格, as its label (住院医师 …), like the 首次注册 form stores it.';
COMMENT ON COLUMN registration_profiles.photo_sha256 IS 'The photo the certificate prints for this registration.';
COMMENT ON COLUMN registration_profiles.info_edit_id IS 'The approved request that wrote the row last.';
CREATE INDEX registration_profiles_photo_sha256_idx ON registration_profiles (photo_sha256) WHERE photo_sha256 IS NOT NULL;
