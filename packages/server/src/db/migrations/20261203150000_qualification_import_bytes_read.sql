-- 资格数据导入 progress: how much of the stored file the worker has read, so the progress bar is the share of the
-- file read (the row count is unknown until the end).
ALTER TABLE qualification_imports ADD COLUMN bytes_read bigint NOT NULL DEFAULT 0;
