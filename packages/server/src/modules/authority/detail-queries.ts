/** Reads for the authority's application page and the decision PDF (plain reads, no locks). */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { accounts, applications, authorities, decisionDocuments, physicians, registrations } from '../../db/schema/index';
import type { ApplicationAccess } from '../applications/policy';

/** The application with the facts its policy needs (authority area and level). */
export async function findApplicationAccess(c: Ctx, id: string) {
  const [row] = await c.tx
    .select({ app: applications, authorityAreaCode: authorities.areaCode, authorityLevel: authorities.level })
    .from(applications)
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .where(eq(applications.id, id));
  if (!row) return undefined;
  const access: ApplicationAccess = { ...row.app, authorityAreaCode: row.authorityAreaCode, authorityLevel: row.authorityLevel };
  return { app: row.app, access };
}

/** What the authority sees besides the shared view: the applicant's contact and activation, and the registration. */
export async function selectAuthorityExtras(c: Ctx, app: { physicianId: string; registrationId: string | null }) {
  const [row] = await c.tx
    .select({
      phone: accounts.phone,
      email: accounts.email,
      activationStatus: physicians.activationStatus,
      pendingActivationPath: physicians.pendingActivationPath,
      registration: { id: registrations.id, licenceCode: registrations.licenceCode, approvedOn: registrations.approvedOn, status: registrations.status },
    })
    .from(physicians)
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .leftJoin(registrations, eq(registrations.id, app.registrationId ?? '00000000-0000-0000-0000-000000000000'))
    .where(eq(physicians.id, app.physicianId));
  return row;
}

export type AuthorityExtrasRow = NonNullable<Awaited<ReturnType<typeof selectAuthorityExtras>>>;

export async function findDecisionDocument(c: Ctx, applicationId: string) {
  const [row] = await c.tx.select().from(decisionDocuments).where(eq(decisionDocuments.applicationId, applicationId));
  return row;
}
