import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { applications, authorities, institutions, physicians, registrations } from '../../db/schema/index';

/** Everything the certificate prints and the policy needs, in one query by primary keys. */
export async function findCertificateSource(c: Ctx, registrationId: string, opts: { lock?: boolean } = {}) {
  const query = c.tx
    .select({
      id: registrations.id,
      physicianId: registrations.physicianId,
      level: registrations.level,
      category: registrations.category,
      scopes: registrations.scopes,
      practiceLocationCode: registrations.practiceLocationCode,
      mainInstitutionId: registrations.mainInstitutionId,
      authorityId: registrations.authorityId,
      licenceCode: registrations.licenceCode,
      approvedOn: registrations.approvedOn,
      status: registrations.status,
      statusSince: registrations.statusSince,
      applicationId: registrations.applicationId,
      verifyToken: registrations.verifyToken,
      physicianName: physicians.name,
      sex: physicians.sex,
      birthDate: physicians.birthDate,
      idNumberMasked: physicians.idNumberMasked,
      physicianPhotoSha256: physicians.photoSha256,
      institutionName: institutions.name,
      authorityName: authorities.name,
      authorityAreaCode: authorities.areaCode,
      authorityLevel: authorities.level,
    })
    .from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .innerJoin(authorities, eq(authorities.id, registrations.authorityId))
    .where(eq(registrations.id, registrationId))
    .limit(1);
  const [row] = opts.lock ? await query.for('update', { of: registrations }) : await query;
  return row;
}

export type CertificateSource = NonNullable<Awaited<ReturnType<typeof findCertificateSource>>>;

/** The photo (applications.payload.photoSha256) of the application that created the registration. */
export async function applicationPhotoSha256(c: Ctx, applicationId: string | null): Promise<string | null> {
  if (!applicationId) return null;
  const [row] = await c.tx
    .select({ sha: sql<string | null>`${applications.payload} ->> 'photoSha256'` })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .limit(1);
  return row?.sha ?? null;
}

/** Gives a registration its QR token when it has none yet; returns the token it has. */
export async function ensureVerifyToken(c: Ctx, registrationId: string, candidate: string): Promise<string> {
  const [row] = await c.tx
    .update(registrations)
    .set({ verifyToken: sql`coalesce(${registrations.verifyToken}, ${candidate})` })
    .where(eq(registrations.id, registrationId))
    .returning({ verifyToken: registrations.verifyToken });
  return row!.verifyToken!;
}
