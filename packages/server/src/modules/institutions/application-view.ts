import { eq } from 'drizzle-orm';
import { authorityReviewStatus, institutionReviewStatus, type ApplicationState } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts } from '../../db/schema/index';
import { loadApplicationView, presentApplication } from '../applications/presenter';

export function formUrlOf(id: string): string {
  return `/api/v1/institution/applications/${id}/form.pdf`;
}

/**
 * 【办理业务】: the application as every portal presents it (applications/presenter.ts: data, photo, history,
 * allowedActions, next step) plus what the institution's handling window adds — the applicant's contact,
 * the two review columns, and the 审核表 to print. The 身份证号 stays masked for the institution.
 */
export async function getApplicationDetail(c: Ctx, actor: AccountActor, id: string) {
  const view = await loadApplicationView(c, actor, id);
  const presented = presentApplication(view, actor, { pii: c.pii });
  const [contact] = view.physician.accountId
    ? await c.tx.select({ phone: accounts.phone, email: accounts.email }).from(accounts).where(eq(accounts.id, view.physician.accountId))
    : [];
  const state = view.app.state as ApplicationState;
  return {
    ...presented,
    applicant: { ...presented.applicant, phone: contact?.phone ?? null, email: contact?.email ?? null },
    institutionReview: institutionReviewStatus(state),
    authorityReview: authorityReviewStatus(state),
    formUrl: formUrlOf(view.app.id),
  };
}

export type ApplicationDetail = Awaited<ReturnType<typeof getApplicationDetail>>;
