-- 医疗机构端: the three business queues (待机构确认 / 正在申办 / 已完成审批) and the 医师账户激活 list.

-- The queue an application is listed in, as packages/domain/src/workflow/institution-queues.ts
-- (INSTITUTION_QUEUES) defines it; a test checks that both agree for every state. Indexed as an
-- expression so that each queue is ONE contiguous, ordered index range: `state IN (three states)`
-- would need a sort of the whole queue before the first page on PostgreSQL 15–17.
CREATE FUNCTION institution_queue(state text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN state = 'pending_institution' THEN 'pending_institution'
      WHEN state IN ('pending_authority', 'accepted', 'returned_for_correction') THEN 'in_progress'
      WHEN state IN ('approved', 'refused', 'refused_by_institution') THEN 'completed'
    END
  $$;
COMMENT ON FUNCTION institution_queue(text) IS 'Institution queue of an application state (INSTITUTION_QUEUES in @medreg/domain); NULL = not listed.';

-- A queue page, newest or oldest first, with or without a 申请日期 range (keyset on (submitted_at, id)).
CREATE INDEX applications_institution_queue_order_idx
  ON applications (institution_id, institution_queue(state), submitted_at DESC, id DESC);
-- A queue page filtered by 业务类型 (few values, so it needs its own ordered range).
CREATE INDEX applications_institution_queue_type_idx
  ON applications (institution_id, institution_queue(state), business_type, submitted_at DESC, id DESC);

-- 医师账户激活: the physicians whose main institution is this one, by name (keyset on (name, id)).
CREATE INDEX physicians_main_institution_name_idx
  ON physicians (main_institution_id, name, id) WHERE main_institution_id IS NOT NULL;
