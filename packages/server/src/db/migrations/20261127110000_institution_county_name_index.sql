-- 业务申请 → 首次注册: the institution search (主要执业机构 by 标准名称) within a county — an assistant's 执业地点
-- (《医师执业注册管理办法》第七条) — in (name, id) order, so a keyset page stops after 20 rows without sorting the
-- county's institutions. A province search uses institutions_province_name_idx, a selective name institutions_name_trgm_idx.
CREATE INDEX institutions_area_name_idx ON institutions (area_code, name, id);
