/**
 * BT-09 补发/换领执业证书 (domain §2.2 BT-09). An application, not a bare certificate action: the holder of a lost
 * or damaged certificate applies to the issuing authority ([S27], 1999 暂行办法第十二条), which decides; the main
 * institution confirms, as in every business of the generic flow (§2.1). It is administrative, not a licence, so
 * no statutory clock runs. On approval the old certificate is 已换发 and a new one is issued with the same
 * 执业证书编码 (the code belongs to the registration, §4.2).
 * A decision that changes what the certificate prints (BT-03, BT-04) re-issues it itself — no BT-09 is needed then;
 * nor after a correction of printed personal data, which supersedes the certificate as a supervision act
 * (registration/certificate-lifecycle.ts). 换领 for changed data is here for a physician who asks for it.
 * The 1999 rule of a newspaper notice within 15 days for a lost certificate is not required [M].
 */
import { z } from 'zod';
import { plainText } from '../text/plain-text';
import { BusinessErrors } from './business-errors';
import type { BusinessDefinition } from './definition';
import { recordIdField } from './form-fields';
import { subjectRegistration } from './subject-rules';

export const REISSUE_REASONS = ['lost', 'damaged', 'data_changed'] as const;
export type ReissueReason = (typeof REISSUE_REASONS)[number];
export const REISSUE_REASON_LABELS = {
  lost: '遗失补发',
  damaged: '损毁换领',
  data_changed: '证书所载信息变更换领',
} as const satisfies Record<ReissueReason, string>;

export const CertificateReissueForm = z.object({
  registrationId: recordIdField('请选择执业注册'),
  reason: z.enum(REISSUE_REASONS, '请选择补发或换领的原因'),
  note: plainText({ multiline: true }).trim().max(500).optional(),
});
export type CertificateReissueForm = z.infer<typeof CertificateReissueForm>;

export const certificateReissue: BusinessDefinition<CertificateReissueForm, 'certificate_reissue'> = {
  type: 'certificate_reissue',
  startsFrom: 'registration',
  changesRegistration: false,
  form: CertificateReissueForm,
  proposal: (form) => ({ registrationId: form.registrationId }),

  whoMayApply(physician, subject) {
    const { registration, errors } = subjectRegistration(physician, subject.registrationId, ['valid', 'suspended']);
    if (!registration) return errors;
    const issued = physician.certificates.some((c) => c.registrationId === registration.id && c.status === 'issued');
    return issued ? errors : [...errors, BusinessErrors.CERTIFICATE_NOT_ISSUED({ path: ['registrationId'] })];
  },
  checkApplication: () => [],

  confirmingInstitution: () => 'current_main',
  decider: () => 'issuing_authority',
  effects: () => ({ approve: [{ certificate: 'current', event: 'supersede' }, { certificate: 'current', event: 'issue' }] }),
  reviewFields: () => ['certificate'],
  statedReason: (form) => form.note ?? null,
  recheckAtDecision: ['registration_unchanged', 'rules_still_met'],
};
