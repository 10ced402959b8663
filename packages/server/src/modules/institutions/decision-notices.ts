import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Application } from '../../db/schema/index';
import { accountNoticeSql, notifyAccount, type AccountContact } from '../notifications/outbox';
import { businessTypeLabel } from './queue-presenter';

export type InstitutionAction = 'institution_approve' | 'institution_refuse' | 'institution_return' | 'resubmit_correction';

interface NoticeFacts {
  app: Application;
  institutionName: string;
  authorityName: string;
  reason: string | null;
}

/** What the physician is told after the institution acted (《医师法》第十六条: a refusal is notified with its reasons). */
function physicianNotice(action: InstitutionAction, f: NoticeFacts): { template: string; subject: string; body: string } {
  const what = `${businessTypeLabel(f.app.businessType)}申请（业务编号 ${f.app.businessCode}）`;
  switch (action) {
    case 'institution_approve':
      return {
        template: 'application.institution_approved',
        subject: '业务申请已经医疗机构确认',
        body: `您的${what}已经${f.institutionName}确认同意，已提交${f.authorityName}审批。请携带医疗机构打印的《医师执业注册申请审核表》及相关纸质材料按要求办理。`,
      };
    case 'institution_refuse':
      return {
        template: 'application.institution_refused',
        subject: '医疗机构不同意您的业务申请',
        body: `${f.institutionName}不同意您的${what}。理由：${f.reason}`,
      };
    case 'institution_return':
      return {
        template: 'application.institution_returned',
        subject: '业务申请已被医疗机构退回修改',
        body: `${f.institutionName}退回了您的${what}，请按以下意见修改后重新提交：${f.reason}`,
      };
    case 'resubmit_correction':
      return {
        template: 'application.correction_resubmitted',
        subject: '业务申请已补正并重新提交',
        body: `您的${what}已由${f.institutionName}补正后重新提交${f.authorityName}。`,
      };
  }
}

/** Tells the applicant, through the outbox, in the caller's transaction. */
export async function notifyApplicant(c: Ctx, action: InstitutionAction, f: NoticeFacts, to: AccountContact) {
  const n = physicianNotice(action, f);
  await notifyAccount(c, to, n.template, n.subject, n.body);
}

/** The applicant's notice as one INSERT, to be written with the transition (undefined: no known contact). */
export function applicantNoticeSql(c: Ctx, action: InstitutionAction, f: NoticeFacts, to: AccountContact): SQL | undefined {
  const n = physicianNotice(action, f);
  return accountNoticeSql(c, to, n.template, n.subject, n.body);
}

/**
 * Tells every active staff member of the deciding authority that an application reached them — one
 * INSERT … SELECT (an SMS to each known phone, an e-mail to each known address), however many staff there are.
 */
export async function notifyAuthorityStaff(c: Ctx, action: InstitutionAction, f: NoticeFacts & { physicianName: string }) {
  const insert = authorityStaffNoticeSql(action, f);
  if (insert) await c.tx.execute(insert);
}

/** The staff notices as one INSERT … SELECT, to be written with the transition (undefined: no deciding authority). */
export function authorityStaffNoticeSql(action: InstitutionAction, f: NoticeFacts & { physicianName: string }): SQL | undefined {
  if (!f.app.authorityId) return undefined;
  const subject = action === 'resubmit_correction' ? '补正材料已重新提交' : '有新的医师执业注册申请待受理';
  const body = action === 'resubmit_correction'
    ? `${f.institutionName}已为${f.physicianName}的${businessTypeLabel(f.app.businessType)}申请（业务编号 ${f.app.businessCode}）补正材料并重新提交，请及时审核。`
    : `${f.institutionName}已确认${f.physicianName}的${businessTypeLabel(f.app.businessType)}申请（业务编号 ${f.app.businessCode}），请及时受理。`;
  const template = action === 'resubmit_correction' ? 'authority.correction_resubmitted' : 'authority.application_forwarded';
  return sql`
    INSERT INTO outbox (channel, recipient, subject, body, template, account_id)
    SELECT ch.channel,
           CASE ch.channel WHEN 'sms' THEN a.phone ELSE a.email END,
           CASE ch.channel WHEN 'email' THEN ${subject}::text END,
           CASE ch.channel WHEN 'sms' THEN ${`【医师电子化注册】${body}`}::text ELSE ${body}::text END,
           ${template}::text,
           a.id
    FROM accounts a
    CROSS JOIN (VALUES ('sms'), ('email')) AS ch (channel)
    WHERE a.authority_id = ${f.app.authorityId}::uuid
      AND NOT a.disabled
      AND (CASE ch.channel WHEN 'sms' THEN a.phone ELSE a.email END) IS NOT NULL`;
}
