import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../context';
import { applications, authorities, certificates, institutions, physicians, registrations } from '../../db/schema/index';

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

/** The registration's current certificate: its one `issued` row (certificates_one_issued_uidx). */
export async function issuedCertificateOf(c: Ctx, registrationId: string) {
  const [row] = await c.tx
    .select({ id: certificates.id, licenceCode: certificates.licenceCode, verifyToken: certificates.verifyToken, issuedOn: certificates.issuedOn })
    .from(certificates)
    .where(and(eq(certificates.registrationId, registrationId), eq(certificates.status, 'issued')))
    .limit(1);
  return row;
}

export type IssuedCertificate = NonNullable<Awaited<ReturnType<typeof issuedCertificateOf>>>;

/**
 * The registration's newest certificate whatever its status (certificates_registration_idx), with the 执业证书编码
 * of the certificate that replaced it, if any: what a refusal tells the holder of a closed registration.
 */
export async function latestCertificateOf(c: Ctx, registrationId: string) {
  const replacement = alias(certificates, 'replacement');
  const [row] = await c.tx
    .select({ id: certificates.id, status: certificates.status, replacedByLicenceCode: replacement.licenceCode })
    .from(certificates)
    .leftJoin(replacement, eq(replacement.id, certificates.supersededBy))
    .where(eq(certificates.registrationId, registrationId))
    .orderBy(desc(certificates.createdAt), desc(certificates.id))
    .limit(1);
  return row;
}

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
