import { describe, expect, it } from 'vitest';
import { assistantUpgrade } from './assistant-upgrade';
import { changeRegistration } from './change-registration';
import { multiSiteFiling } from './multi-site-filing';
import { reviewRows } from './review-rows';
import { CHAOYANG, DECLARED, TODAY, makeFiling, makePhysician, makeRegistration, makeUpgradingAssistant, uid } from './test-factories';

const REG = uid(11);
const rows = (r: ReturnType<typeof reviewRows>) => r.map((x) => [x.label, x.old, x.new]);

describe('审核表 rows, old → new', () => {
  it('shows 助理升执业 as level, place and a new code starting with 1', () => {
    const form = assistantUpgrade.form.parse({ mode: 'same_institution', registrationId: REG, qualificationId: uid(3), scopes: ['11'], declarations: DECLARED });
    expect(rows(reviewRows(assistantUpgrade, { physician: makeUpgradingAssistant(), form, today: TODAY }))).toEqual([
      ['执业级别', '执业助理医师', '执业医师'],
      ['执业地点', '北京市海淀区', '北京市'],
      ['主要执业机构', '第1医院（110108）', '第1医院（110108）'],
      ['执业范围', '内科专业', '内科专业'],
      ['执业证书编码', '210110108000007', '准予后核发新编码（前9位 110110108）'],
    ]);
  });

  it('shows a change of main institution with the new institution', () => {
    const form = changeRegistration.form.parse({ kind: 'main_institution', registrationId: REG, reason: '调动', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' });
    const r = reviewRows(changeRegistration, { physician: makePhysician({ registrations: [makeRegistration()] }), form, institution: CHAOYANG, today: TODAY });
    expect(r.find((x) => x.field === 'mainInstitution')).toMatchObject({ old: '第1医院（110108）', new: '第2医院（110105）', changed: true });
  });

  it('shows a new filing from nothing, and an ended one as 撤销', () => {
    const physician = makePhysician({ registrations: [makeRegistration()], filings: [makeFiling()] });
    const addForm = multiSiteFiling.form.parse({ action: 'add', registrationId: REG, institutionId: CHAOYANG.id, scopes: ['11'], validFrom: '2026-11-01', validTo: '2027-10-31' });
    expect(rows(reviewRows(multiSiteFiling, { physician, form: addForm, institution: CHAOYANG, today: TODAY }))).toEqual([
      ['备案机构', null, '第2医院（110105）'], ['备案执业范围', null, '内科专业'], ['备案有效期', null, '2026-11-01 至 2027-10-31'],
    ]);
    const endForm = multiSiteFiling.form.parse({ action: 'end', filingId: uid(21), reason: '离开该机构' });
    expect(reviewRows(multiSiteFiling, { physician, form: endForm, today: TODAY })[0]).toMatchObject({ old: '第3医院（110101）', new: '第3医院（110101）（撤销）' });
  });
});
