/** Reading one application: the authority's page and the written decision PDF. */
import { CommonErrors, todayInChina } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor, Actor } from '../../http/actor';
import { canDecide, canView } from '../applications/policy';
import { accessOf, loadApplicationView } from '../applications/presenter';
import { deadlineOf, loadWorkingCalendar } from './calendar';
import { findApplicationAccess, findDecisionDocument, selectAuthorityExtras } from './detail-queries';
import { AuthorityErrors } from './errors';
import { canEditMaterials } from './policy';
import { presentForAuthority } from './presenter';
import type { OpenedBlob } from '../../storage/blob-store';
import { auditIdReveal } from '../audit/reveal';

export async function getApplicationDetail(c: Ctx, actor: AccountActor, id: string) {
  const view = await loadApplicationView(c, actor, id); // 404 outside the actor's reach (canView)
  const access = accessOf(view);
  const extras = await selectAuthorityExtras(c, view.app);
  const today = todayInChina(c.now());
  const due = view.app.dueDate;
  const deadline = due && view.app.state === 'accepted'
    ? deadlineOf(await loadWorkingCalendar(c, today, due), today, due, view.app.state)
    : { workingDaysLeft: null, overdue: false };
  await auditIdReveal(c, actor, { entityType: 'application', entityId: view.app.id, physicianId: view.app.physicianId, via: 'authority_application_detail' });
  return presentForAuthority(view, actor, { pii: c.pii }, extras, {
    deadline,
    canDecide: canDecide(actor, access),
    canEditMaterials: canEditMaterials(actor, access),
  });
}

/** The 不予注册决定书: for the applicant, the institution and the authorities that can see the application; 404 otherwise. */
export async function getDecisionDocument(c: Ctx, actor: Actor, id: string): Promise<{ pdf: OpenedBlob; documentNo: string }> {
  const found = await findApplicationAccess(c, id);
  if (!found || !canView(actor, found.access)) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
  const doc = await findDecisionDocument(c, id);
  const sha = found.app.decisionDocumentSha256 ?? doc?.sha256;
  const pdf = sha ? await c.blobs.open(c.tx, sha) : undefined;
  if (!pdf) throw AuthorityErrors.DECISION_DOCUMENT_NOT_FOUND();
  return { pdf, documentNo: doc?.documentNo ?? '不予注册决定书' };
}
