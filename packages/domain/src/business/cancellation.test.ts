import { describe, expect, it } from 'vitest';
import { cancellationReportDueOn, isLateCancellationReport } from '../registration/cancellation-report';
import { applyPlan } from './apply-plan';
import { cancellation } from './cancellation';
import { eligibilityRefusals } from './eligibility';
import { confirmingInstitutionOf, decidingAuthorityOf } from './parties';
import { planApproval } from './plan-approval';
import { reviewRows } from './review-rows';
import { TODAY, codesOf, makePhysician, makeRegistration, uid } from './test-factories';

const REG = uid(11);
const own = { initiator: 'physician', registrationId: REG, reason: '退出医疗行业' };
const death = { initiator: 'institution', registrationId: REG, ground: 'death', triggerOn: '2026-10-01', note: '因病去世' };

describe('BT-07 注销注册', () => {
  it('《医师法》第十七条: 准予 cancels the registration on the ground of the form, for the initiator who filed it', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const steps = planApproval(cancellation, { physician, form: cancellation.form.parse(death), today: TODAY });
    expect(steps).toEqual([expect.objectContaining({
      kind: 'cancel', registrationId: REG, from: 'valid', to: 'cancelled', ground: 'death', initiator: 'institution', triggerOn: '2026-10-01',
    })]);
    const own_ = planApproval(cancellation, { physician, form: cancellation.form.parse(own), today: TODAY });
    expect(own_[0]).toMatchObject({ ground: 'own_application', initiator: 'physician' });
    expect(applyPlan(physician, steps).physician.certificates[0]!.status).toBe('voided');
  });

  it('may start from 有效、中止 or 注册备案, not from a registration already 注销 or 变更出', () => {
    for (const status of ['valid', 'suspended', 'filed'] as const) {
      expect(eligibilityRefusals(cancellation, makePhysician({ registrations: [makeRegistration({ status })] }), { registrationId: REG })).toEqual([]);
    }
    for (const status of ['cancelled', 'transferred_out'] as const) {
      expect(codesOf(eligibilityRefusals(cancellation, makePhysician({ registrations: [makeRegistration({ status })] }), { registrationId: REG })))
        .toEqual(['REGISTRATION_NOT_VALID']);
    }
  });

  it('the main institution confirms the physician\'s own application; from 注册备案 and for a report none does', () => {
    const valid = makePhysician({ registrations: [makeRegistration()] });
    const filed = makePhysician({ registrations: [makeRegistration({ status: 'filed' })] });
    const ctx = (physician: typeof valid, raw: unknown) => ({ physician, form: cancellation.form.parse(raw), today: TODAY });
    expect(confirmingInstitutionOf(cancellation, ctx(valid, own))?.name).toBe('第1医院（110108）');
    expect(confirmingInstitutionOf(cancellation, ctx(filed, own))).toBeNull();
    expect(confirmingInstitutionOf(cancellation, ctx(valid, death))).toBeNull();
    expect(decidingAuthorityOf(cancellation, ctx(valid, death))).toMatchObject({ authority: { id: 'authority-110108' }, basis: 'granting_authority' });
  });

  it('refuses an event after today and a form without its initiator, naming the field', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const form = cancellation.form.parse({ ...death, triggerOn: '2026-10-09' });
    expect(cancellation.checkApplication({ physician, form, today: TODAY }).map((e) => [e.code, e.path])).toEqual([['TRIGGER_DATE_IN_FUTURE', ['triggerOn']]]);
    const parsed = cancellation.form.safeParse({ registrationId: REG, reason: 'x' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['initiator']);
    expect(cancellation.form.safeParse({ ...death, ground: 'own_application' }).success).toBe(false);
  });

  it('审核表: 有效 → 注销, the certificate 已废止, the ground with its basis', () => {
    const physician = makePhysician({ registrations: [makeRegistration()] });
    const rows = reviewRows(cancellation, { physician, form: cancellation.form.parse(death), today: TODAY });
    expect(rows.find((r) => r.field === 'registrationStatus')).toMatchObject({ old: '有效', new: '注销', changed: true });
    expect(rows.find((r) => r.field === 'certificate')!.new).toBe('原证书已废止');
    expect(rows.find((r) => r.field === 'cancellationGround')!.new).toContain('死亡或者被宣告失踪（《医师法》第十七条第一款第一项）');
  });

  it('《医师法》第十七条 机构三十日内报告: the 30th calendar day is on time, the 31st late', () => {
    expect(cancellationReportDueOn('2026-09-01')).toBe('2026-10-01');
    expect(isLateCancellationReport('2026-09-01', '2026-10-01')).toBe(false);
    expect(isLateCancellationReport('2026-09-01', '2026-10-02')).toBe(true);
  });
});
