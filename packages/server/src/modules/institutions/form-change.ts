import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { applicationAttachments, multiSiteFilings, registrations, type Application } from '../../db/schema/index';
import type { ApplicationChange } from '../../pdf/application-form';
import { isFormBusiness, type BusinessPayload } from '../lifecycle/business-context';
import { businessKindLabel } from '../lifecycle/business-view';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * 申请理由 as the physician stated it. 补发/换领 (BT-09) names its reason by a code (遗失补发 …, the kind label) and
 * takes the physician's words as `note`.
 */
export function businessReasonOf(app: Pick<Application, 'businessType' | 'payload'>): string | undefined {
  const payload = app.payload as unknown as BusinessPayload;
  return app.businessType === 'certificate_reissue' ? text(payload.form?.note) : text(payload.reason);
}

/** The registration a generic application starts from: its subject, or the registration of the filing it changes. */
async function subjectRegistration(c: Ctx, app: Application) {
  let id = app.subjectRegistrationId;
  if (!id && app.subjectFilingId) {
    const [filing] = await c.tx.select({ registrationId: multiSiteFilings.registrationId }).from(multiSiteFilings).where(eq(multiSiteFilings.id, app.subjectFilingId));
    id = filing?.registrationId ?? null;
  }
  if (!id) return undefined;
  const [row] = await c.tx.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

/**
 * What the 审核表 prints for a change on the generic path (申请变更事项: the rows old → new stored at the last save or
 * submission, the reason, the evidence), and the qualification it relies on: the one the form names (助理升执业,
 * 变更执业类别) or the registration's. Undefined for 首次注册 (and 增加执业地点 of seed question 六).
 */
export async function applicationChangeOf(c: Ctx, app: Application): Promise<{ change: ApplicationChange; qualificationId?: string } | undefined> {
  if (!isFormBusiness(app)) return undefined;
  const payload = app.payload as unknown as BusinessPayload;
  const form = payload.form;
  const [registration, files] = await Promise.all([
    subjectRegistration(c, app),
    c.tx.select({ filename: applicationAttachments.filename }).from(applicationAttachments)
      .where(eq(applicationAttachments.applicationId, app.id)).orderBy(asc(applicationAttachments.createdAt)),
  ]);
  const department = text(form.department);
  const startDate = text(form.startDate);
  const reason = businessReasonOf(app);
  return {
    qualificationId: text(form.qualificationId) ?? registration?.qualificationId ?? undefined,
    change: {
      kindLabel: businessKindLabel(app),
      rows: (payload.review ?? []).map((r) => ({ label: r.label, old: r.old, new: r.new, changed: r.changed })),
      current: registration ? { licenceCode: registration.licenceCode } : null,
      ...(department ? { department } : {}),
      ...(startDate ? { startDate } : {}),
      ...(reason ? { reason } : {}),
      attachments: files.map((f) => f.filename),
    },
  };
}
