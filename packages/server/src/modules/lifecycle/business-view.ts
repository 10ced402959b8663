/** How an application on the generic path reads in every portal: the kind of change, the reason, and the 审核表 rows old → new. */
import {
  BUSINESS_TYPE_INFO, CANCELLATION_GROUND_INFO, CANCELLATION_INITIATOR_LABELS, CHANGE_KIND_LABELS, FILING_ACTION_LABELS, REISSUE_REASON_LABELS, SCOPE_CHANGE_OPERATION_LABELS, UPGRADE_MODE_LABELS,
  isBusinessType, type BusinessType,
} from '@medreg/domain';
import type { Application } from '../../db/schema/index';
import { isFormBusiness, type BusinessPayload } from './business-context';

function pick<T extends Record<string, string>>(labels: T, key: unknown): string | null {
  return typeof key === 'string' && Object.hasOwn(labels, key) ? labels[key as keyof T]! : null;
}

const GROUND_LABELS = Object.fromEntries(Object.entries(CANCELLATION_GROUND_INFO).map(([k, v]) => [k, v.label])) as Record<string, string>;

/** 发起方 of an application: the physician (本人申请) or the institution that reported it (机构报告, 注销). */
export function initiatorLabel(app: Pick<Application, 'payload'>): string {
  const form = (app.payload as unknown as BusinessPayload).form ?? {};
  return form.initiator === 'institution' ? '机构报告' : CANCELLATION_INITIATOR_LABELS.physician;
}

/** 变更执业范围（增加执业范围）, 助理升执业（在原主要执业机构…）, 新增备案, 遗失补发 … */
export function businessKindLabel(app: Pick<Application, 'businessType' | 'payload'>): string | null {
  const form = (app.payload as unknown as BusinessPayload).form ?? {};
  switch (app.businessType) {
    case 'change_registration': {
      const kind = pick(CHANGE_KIND_LABELS, form.kind);
      const op = form.kind === 'scopes' ? pick(SCOPE_CHANGE_OPERATION_LABELS, form.operation) : null;
      return kind && op ? `${kind}（${op}）` : kind;
    }
    case 'assistant_upgrade': return pick(UPGRADE_MODE_LABELS, form.mode);
    case 'multi_site_filing': return pick(FILING_ACTION_LABELS, form.action);
    case 'certificate_reissue': return pick(REISSUE_REASON_LABELS, form.reason);
    case 'cancellation': {
      // 本人主动申请 names its initiator itself; a report says who reported, and 《医师法》第十七条第二款 marks a late one.
      if (form.initiator !== 'institution') return CANCELLATION_GROUND_INFO.own_application.label;
      return `${initiatorLabel(app)}${form.late === true ? '（逾期报告）' : ''}：${pick(GROUND_LABELS, form.ground) ?? ''}`;
    }
    default: return null;
  }
}

export function presentBusiness(app: Application) {
  if (!isFormBusiness(app)) return null;
  const payload = app.payload as unknown as BusinessPayload;
  return {
    type: app.businessType as BusinessType,
    label: isBusinessType(app.businessType) ? BUSINESS_TYPE_INFO[app.businessType].label : app.businessType,
    kindLabel: businessKindLabel(app),
    /** 发起方: 本人申请 or 机构报告 (注销, 《医师法》第十七条第二款). */
    initiator: (payload.form?.initiator === 'institution' ? 'institution' : 'physician') as 'institution' | 'physician',
    initiatorLabel: initiatorLabel(app),
    form: payload.form,
    reason: payload.reason ?? null,
    review: payload.review ?? [],
    subjectRegistrationId: app.subjectRegistrationId,
    subjectFilingId: app.subjectFilingId,
    attachmentsUrl: `/api/v1/applications/${app.id}/attachments`,
  };
}
