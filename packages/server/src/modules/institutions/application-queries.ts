import { asc, eq } from 'drizzle-orm';
import { CommonErrors } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts, applicationEvents, applications, authorities, institutions, physicians, qualifications } from '../../db/schema/index';
import { canView } from '../applications/policy';

/** An application with its applicant, account contact, institution and deciding authority (one query). */
export async function selectApplicationRecord(c: Ctx, id: string) {
  const [row] = await c.tx
    .select({
      app: applications,
      physician: {
        id: physicians.id,
        name: physicians.name,
        sex: physicians.sex,
        birthDate: physicians.birthDate,
        idNumberMasked: physicians.idNumberMasked,
        idNumberEnc: physicians.idNumberEnc,
        photoSha256: physicians.photoSha256,
        accountId: physicians.accountId,
        title: physicians.title,
      },
      phone: accounts.phone,
      email: accounts.email,
      institutionName: institutions.name,
      authorityName: authorities.name,
      authorityAreaCode: authorities.areaCode,
      authorityLevel: authorities.level,
    })
    .from(applications)
    .innerJoin(physicians, eq(physicians.id, applications.physicianId))
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .leftJoin(institutions, eq(institutions.id, applications.institutionId))
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .where(eq(applications.id, id));
  return row;
}

export type ApplicationRecord = NonNullable<Awaited<ReturnType<typeof selectApplicationRecord>>>;

/** The record if the actor may see it; otherwise 404, as if it did not exist (architecture § Authorization). */
export async function loadVisibleApplication(c: Ctx, actor: AccountActor, id: string): Promise<ApplicationRecord> {
  const record = await selectApplicationRecord(c, id);
  if (!record || !canView(actor, { ...record.app, authorityAreaCode: record.authorityAreaCode, authorityLevel: record.authorityLevel })) {
    throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
  }
  return record;
}

/** The application's history, oldest first, with the name of whoever acted. */
export async function selectApplicationEvents(c: Ctx, applicationId: string) {
  return c.tx
    .select({
      id: applicationEvents.id,
      action: applicationEvents.action,
      fromState: applicationEvents.fromState,
      toState: applicationEvents.toState,
      actorRole: applicationEvents.actorRole,
      actorOrgName: applicationEvents.actorOrgName,
      actorName: accounts.displayName,
      reason: applicationEvents.reason,
      createdAt: applicationEvents.createdAt,
    })
    .from(applicationEvents)
    .leftJoin(accounts, eq(accounts.id, applicationEvents.actorAccountId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.id));
}

export type ApplicationEventRow = Awaited<ReturnType<typeof selectApplicationEvents>>[number];

export async function selectQualification(c: Ctx, id: string | undefined) {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await c.tx.select().from(qualifications).where(eq(qualifications.id, id));
  return row;
}
