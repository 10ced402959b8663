-- 批量导入医疗机构 names each row's 审批机关 by its full name; the import looks the names of a whole file up at once.
CREATE INDEX authorities_name_idx ON authorities (name);
