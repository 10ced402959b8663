/**
 * BT-07 注销注册 (domain §BT-07; 《医师法》第十七条; 《医师执业注册管理办法》第十八条) as ONE definition, filed by
 *  - the physician (本人主动申请, ground `own_application`): 申请理由 and optional 证明材料; the current main
 *    institution confirms, as in every business of the generic flow (§2.1);
 *  - the institution (《医师法》第十七条第二款: 三十日内报告): the ground, the day of the event, a note; it is the
 *    institution's own report, so no institution confirms it (the server opens it at the authority, 待受理).
 * A registration in 注册备案 has no main institution any more (the physician left it, BT-06): the physician's own
 * application then goes straight to the authority — asking the institution the physician left to confirm would
 * put the decision in the hands of a party that no longer employs them.
 * The granting authority decides (准予注册的卫生健康主管部门, 《医师法》第十七条) within 20 working days (§2.3); 准予
 * applies the `cancel` effect: the registration → 注销, its certificate 已废止, its filings ended, the cancellation
 * recorded and announced (第二十一条). Nothing to recheck beyond the table: a registration still in 有效/中止/备案 may
 * be cancelled whatever changed since submission, and a record already 注销 is refused by the transition itself.
 */
import { z } from 'zod';
import { isIsoDate, toDayNumber } from '../calendar/iso-date';
import { cancellationGroundsFor, type CancellationGround } from '../registration/cancellation-grounds';
import { plainText } from '../text/plain-text';
import { BusinessErrors } from './business-errors';
import type { BusinessDefinition } from './definition';
import { reasonField, recordIdField, sha256Field } from './form-fields';
import { findRegistration, subjectRegistration } from './subject-rules';

/** A 证明材料 uploaded to the application (POST /api/v1/applications/:id/attachments gives its fileSha256). */
export const CancellationEvidence = z.object({
  fileSha256: sha256Field,
  label: plainText().trim().max(50).optional(),
});

const reportedGrounds = cancellationGroundsFor('institution') as [CancellationGround, ...CancellationGround[]];

export const CancellationForm = z.discriminatedUnion('initiator', [
  z.object({
    initiator: z.literal('physician'),
    registrationId: recordIdField('请选择执业注册'),
    /** 申请理由. */
    reason: reasonField,
    evidence: z.array(CancellationEvidence).max(5).default([]),
  }),
  z.object({
    initiator: z.literal('institution'),
    registrationId: recordIdField('请选择执业注册'),
    ground: z.enum(reportedGrounds, '请选择注销情形'),
    /** 事件发生日期. */
    triggerOn: z.string('请填写事件发生日期').refine(isIsoDate, '请填写事件发生日期（YYYY-MM-DD）'),
    note: plainText({ multiline: true }).trim().max(500, '说明不超过500个字').optional(),
    /** The report came more than 30 days after the event (cancellation-report.ts), set by the server. */
    late: z.boolean().default(false),
    evidence: z.array(CancellationEvidence).max(5).default([]),
  }),
], { error: '请说明注销申请的发起方' });
export type CancellationForm = z.infer<typeof CancellationForm>;

/** 申请注销的条件: a registration still holding its 执业地点 (有效、中止、注册备案). */
const CANCELLABLE = ['valid', 'suspended', 'filed'] as const;

export const cancellation: BusinessDefinition<CancellationForm, 'cancellation'> = {
  type: 'cancellation',
  startsFrom: 'registration',
  changesRegistration: true,
  form: CancellationForm,
  proposal: (form) => ({
    registrationId: form.registrationId,
    cancellation: form.initiator === 'physician'
      ? { ground: 'own_application', initiator: 'physician', triggerOn: null, note: form.reason }
      : { ground: form.ground, initiator: 'institution', triggerOn: form.triggerOn, note: form.note ?? null },
  }),

  whoMayApply: (physician, subject) => subjectRegistration(physician, subject.registrationId, CANCELLABLE).errors,
  checkApplication({ form, today }) {
    if (form.initiator === 'institution' && isIsoDate(form.triggerOn) && toDayNumber(form.triggerOn) > toDayNumber(today)) {
      return [BusinessErrors.TRIGGER_DATE_IN_FUTURE({ path: ['triggerOn'] })];
    }
    return [];
  },

  confirmingInstitution: (form, physician) => (form.initiator === 'physician' && findRegistration(physician, form.registrationId)?.status !== 'filed'
    ? 'current_main' : 'none'),
  decider: () => 'granting_authority',
  effects: () => ({ approve: [{ cancel: 'current' }] }),
  reviewFields: (form) => [
    'licenceCode', 'mainInstitution', 'practiceLocation', 'registrationStatus', 'certificate', 'cancellationGround',
    ...(form.initiator === 'institution' ? ['cancellationTrigger' as const] : []),
  ],
  statedReason: (form) => (form.initiator === 'physician' ? form.reason : form.note ?? null),
  filedBy: (form) => form.initiator,
  recheckAtDecision: [],
};
