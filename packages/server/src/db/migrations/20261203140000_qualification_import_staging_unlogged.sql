-- 国家医师资格信息导入: staging holds only the rows of imports still running; the merge empties it. It is scratch
-- space, so it is written without WAL (UNLOGGED): COPY into it and the merge's updates of it cost less. After a
-- database crash PostgreSQL empties it, and the import that was running is failed by the worker (stale imports).
ALTER TABLE qualification_import_staging SET UNLOGGED;

-- A running import's worker touches heartbeat_at at every batch it reads; an import in 读取中 whose heartbeat stopped
-- (the process died, the job with it) is failed by the stale-import job. The merge holds the import's row lock for
-- its whole transaction, so a long merge is never taken for a dead one.
ALTER TABLE qualification_imports ADD COLUMN heartbeat_at timestamptz;
COMMENT ON COLUMN qualification_imports.heartbeat_at IS 'Last sign of life of the worker running the import (every batch); null once it ended.';
CREATE INDEX qualification_imports_running_idx ON qualification_imports (heartbeat_at) WHERE status IN ('reading', 'merging');
