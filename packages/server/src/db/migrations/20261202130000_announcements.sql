-- 《医师法》第二十一条: the public announcement list of 准予注册 per authority, latest approval first (the list of 注销注册
-- reads registration_cancellations_announcement_idx). Also serves the authority's 执业注册管理 list of its own registrations.
CREATE INDEX registrations_authority_approved_idx ON registrations (authority_id, approved_on DESC, id DESC);
