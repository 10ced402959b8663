-- 本机构医师: the institution's roster of the physicians whose main institution it is, latest approval first,
-- keyset-paginated on (approved_on, id) within the institution (and within a status when filtered).
CREATE INDEX registrations_institution_roster_idx ON registrations (main_institution_id, status, approved_on, id);
CREATE INDEX registrations_institution_approved_idx ON registrations (main_institution_id, approved_on, id);
