/**
 * What the applicant and the institution are told about the authority's decisions. Written to the outbox in the
 * decision's transaction. 《医师法》第十六条: a refusal is notified in writing to the applicant AND the institution,
 * with reasons; 《行政许可法》第三十二条: a send-back lists everything to correct at once; 第三十八条: appeal rights.
 */
import { PROVISIONAL_DUE_DATE_LABEL, provisionalNoteOfDueDate } from '@medreg/domain';
import { APPEAL_NOTICE } from '../../pdf/refusal-decision';
import type { Ctx } from '../../context';
import { notifyAccount } from '../notifications/outbox';
import { institutionContacts } from './decision-queries';

export interface NoticeParties {
  physician: { name: string; accountId: string | null; phone: string | null; email: string | null };
  institutionId: string | null;
  institutionName: string;
  authorityName: string;
  businessCode: string;
  businessTypeLabel: string;
}

async function tellBoth(c: Ctx, p: NoticeParties, template: string, subject: string, toPhysician: string, toInstitution: string): Promise<void> {
  await notifyAccount(c, p.physician, template, subject, toPhysician);
  for (const staff of await institutionContacts(c, p.institutionId)) {
    await notifyAccount(c, staff, `${template}.institution`, subject, toInstitution);
  }
}

function about(p: NoticeParties): string {
  return `${p.businessTypeLabel}申请（业务编号${p.businessCode}）`;
}

export async function noticeAccepted(c: Ctx, p: NoticeParties, dueDate: string | null, workingDays: number | null, provisional = false): Promise<void> {
  // 暂定 (《行政许可法》第八十二条): the period reaches a year whose holidays are not entered yet.
  const note = dueDate && provisional ? `，${PROVISIONAL_DUE_DATE_LABEL}：${provisionalNoteOfDueDate(dueDate)}` : '';
  const when = dueDate && workingDays ? `，将于${workingDays}个工作日内（${dueDate}前${note}）作出决定` : '';
  await tellBoth(c, p, 'authority.accepted', '业务申请已受理', `您的${about(p)}已由${p.authorityName}受理${when}。`, `${p.physician.name}的${about(p)}已由${p.authorityName}受理${when}。`);
}

export async function noticeCorrection(c: Ctx, p: NoticeParties, list: string): Promise<void> {
  const ask = `请一次性补正以下全部内容后重新提交：\n${list}`;
  await tellBoth(c, p, 'authority.correction_requested', '业务申请需补正材料',
    `您的${about(p)}经${p.authorityName}审查，材料不齐全或不符合要求。${ask}`,
    `${p.physician.name}的${about(p)}经${p.authorityName}审查，材料不齐全或不符合要求。${ask}`);
}

export async function noticeApproved(c: Ctx, p: NoticeParties, licenceCode: string, approvedOn: string, activated: boolean): Promise<void> {
  const activation = activated ? '您的账户已同时自动激活。' : '';
  await tellBoth(c, p, 'authority.approved', '准予注册',
    `您的${about(p)}已由${p.authorityName}于${approvedOn}准予注册，医师执业证书编码${licenceCode}。${activation}`,
    `${p.physician.name}的${about(p)}已由${p.authorityName}于${approvedOn}准予注册，医师执业证书编码${licenceCode}。`);
}

export async function noticeRefused(c: Ctx, p: NoticeParties, documentNo: string, reasons: string): Promise<void> {
  const body = `经${p.authorityName}审查，决定不予注册（${documentNo}）。理由：${reasons}\n${APPEAL_NOTICE}不予注册决定书可在系统中查看下载。`;
  await tellBoth(c, p, 'authority.refused', '不予注册决定', `您的${about(p)}${body}`, `${p.physician.name}的${about(p)}${body}`);
}

/** 准予 of a business on the generic path (变更、助理升执业、增加执业地点、多机构备案、补发/换领): what it did, in one line. */
export async function noticeBusinessApproved(c: Ctx, p: NoticeParties, approvedOn: string, outcome: string): Promise<void> {
  await tellBoth(c, p, 'authority.approved', '准予',
    `您的${about(p)}已由${p.authorityName}于${approvedOn}准予。${outcome}`,
    `${p.physician.name}的${about(p)}已由${p.authorityName}于${approvedOn}准予。${outcome}`);
}
