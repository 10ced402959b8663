/**
 * The physician as the business rules of @medreg/domain read them (PhysicianSnapshot): qualifications,
 * registrations, filings, certificates, the applications in progress, the bars to registration and the cancellation
 * records — seven queries by the physician's id, each on an index. With `lock`, the physician's registrations are locked (FOR UPDATE) first, so that two
 * decisions on the same physician apply one after the other and each sees what the other did.
 */
import { and, desc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type {
  BusinessType, CancellationSnapshot, CertificateSnapshot, FilingSnapshot, InstitutionRef, PendingBusiness, PhysicianSnapshot, QualificationSnapshot,
  RegistrationBar, RegistrationSnapshot,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import {
  applications, authorities, certificates, institutions, multiSiteFilings, qualifications, registrationBars, registrationCancellations, registrations,
  type Physician,
} from '../../db/schema/index';
import { rowsOf } from '../../db/rows';

/** Application states that are over (nothing more happens to the record they started from). */
export const CLOSED_APPLICATION_STATES = ['draft', 'approved', 'refused', 'refused_by_institution', 'withdrawn'] as const;

interface InstitutionRow {
  id: string; name: string; areaCode: string; grassroots: boolean; active: boolean;
  authorityId: string; authorityAreaCode: string; authorityName: string;
}

export function institutionRef(r: InstitutionRow): InstitutionRef {
  return {
    id: r.id, name: r.name, areaCode: r.areaCode, grassroots: r.grassroots, active: r.active,
    registeringAuthority: { id: r.authorityId, areaCode: r.authorityAreaCode, name: r.authorityName },
  };
}

const institutionColumns = {
  id: institutions.id, name: institutions.name, areaCode: institutions.areaCode, grassroots: institutions.grassroots, active: institutions.active,
  authorityId: authorities.id, authorityAreaCode: authorities.areaCode, authorityName: authorities.name,
};

/** An institution with the authority that approved it (where its physicians register, 办法第九条). */
export async function loadInstitutionRef(c: Ctx, id: string): Promise<InstitutionRef | undefined> {
  const [row] = await c.tx.select(institutionColumns).from(institutions)
    .innerJoin(authorities, eq(authorities.id, institutions.approvingAuthorityId))
    .where(eq(institutions.id, id)).limit(1);
  return row ? institutionRef(row) : undefined;
}

export async function loadPhysicianSnapshot(c: Ctx, physician: Pick<Physician, 'id' | 'idNumberHash' | 'name'>, opts: { lock?: boolean } = {}): Promise<PhysicianSnapshot> {
  if (opts.lock) await rowsOf(c.tx, sql`SELECT id FROM registrations WHERE physician_id = ${physician.id} ORDER BY id FOR UPDATE`);
  // One after the other: inside a transaction they share one connection (node-postgres queues, and pg@9 refuses, overlapping queries).
  const qs = await c.tx.select({ id: qualifications.id, level: qualifications.level, category: qualifications.category, status: qualifications.status, obtainedDate: qualifications.obtainedDate })
    .from(qualifications)
    .where(and(eq(qualifications.synced, true), or(
      eq(qualifications.physicianId, physician.id),
      and(isNull(qualifications.physicianId), eq(qualifications.idNumberHash, physician.idNumberHash), eq(qualifications.name, physician.name)),
    )));
  const regs = await c.tx.select({
    registration: registrations,
    authorityAreaCode: sql<string>`ga.area_code`, authorityName: sql<string>`ga.name`,
    institution: institutionColumns,
  })
    .from(registrations)
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .innerJoin(authorities, eq(authorities.id, institutions.approvingAuthorityId))
    .innerJoin(sql`authorities ga`, sql`ga.id = ${registrations.authorityId}`)
    .where(eq(registrations.physicianId, physician.id));
  const filings = await c.tx.select({ filing: multiSiteFilings, institution: institutionColumns })
    .from(multiSiteFilings)
    .innerJoin(institutions, eq(institutions.id, multiSiteFilings.institutionId))
    .innerJoin(authorities, eq(authorities.id, institutions.approvingAuthorityId))
    .where(eq(multiSiteFilings.physicianId, physician.id));
  const certs = await c.tx.select({ id: certificates.id, registrationId: certificates.registrationId, status: certificates.status, licenceCode: certificates.licenceCode, issuedOn: certificates.issuedOn })
    .from(certificates)
    .innerJoin(registrations, eq(registrations.id, certificates.registrationId))
    .where(eq(registrations.physicianId, physician.id))
    .orderBy(desc(certificates.createdAt));
  const pending = await c.tx.select({ type: applications.businessType, registrationId: applications.subjectRegistrationId, filingId: applications.subjectFilingId })
    .from(applications)
    .where(and(eq(applications.physicianId, physician.id), notInArray(applications.state, [...CLOSED_APPLICATION_STATES])));
  // registration_bars_physician_idx, registration_cancellations_physician_idx
  const bars = await c.tx.select({ kind: registrationBars.kind, startsOn: registrationBars.startsOn, endsOn: registrationBars.endsOn })
    .from(registrationBars).where(eq(registrationBars.physicianId, physician.id));
  const cancellations = await c.tx.select({
    registrationId: registrationCancellations.registrationId, ground: registrationCancellations.ground, effectiveOn: registrationCancellations.effectiveOn,
  }).from(registrationCancellations).where(eq(registrationCancellations.physicianId, physician.id));
  return {
    qualifications: qs.map((q): QualificationSnapshot => ({ id: q.id, level: q.level, category: q.category, status: q.status, ...(q.obtainedDate ? { obtainedOn: q.obtainedDate } : {}) })),
    registrations: regs.map(({ registration: r, institution, authorityAreaCode, authorityName }): RegistrationSnapshot => ({
      id: r.id, qualificationId: r.qualificationId, status: r.status, level: r.level, category: r.category, scopes: r.scopes,
      practiceLocationCode: r.practiceLocationCode, mainInstitution: institutionRef(institution),
      authority: { id: r.authorityId, areaCode: authorityAreaCode, name: authorityName }, licenceCode: r.licenceCode, approvedOn: r.approvedOn,
    })),
    filings: filings.map(({ filing: f, institution }): FilingSnapshot => ({
      id: f.id, registrationId: f.registrationId, status: f.status, institution: institutionRef(institution), scopes: f.scopes, validFrom: f.validFrom, validTo: f.validTo,
    })),
    certificates: certs.map((x): CertificateSnapshot => ({ id: x.id, registrationId: x.registrationId, status: x.status, licenceCode: x.licenceCode, issuedOn: x.issuedOn })),
    // An application started from a filing names only the filing; the rules read it as pending on the filing's
    // registration too (a second 修改/终止 of the same filing waits, business/eligibility.ts).
    pending: pending.map((p): PendingBusiness => ({
      type: p.type as BusinessType,
      registrationId: p.registrationId ?? filings.find((f) => f.filing.id === p.filingId)?.filing.registrationId ?? null,
      filingId: p.filingId,
    })),
    bars: bars.map((b): RegistrationBar => ({ kind: b.kind, startsOn: b.startsOn, endsOn: b.endsOn })),
    cancellations: cancellations.map((x): CancellationSnapshot => ({ registrationId: x.registrationId, ground: x.ground, effectiveOn: x.effectiveOn })),
  };
}

/** The institutions a form names, loaded for the rules (the proposed main institution, the one to file). */
export async function loadInstitutionRefs(c: Ctx, ids: readonly string[]): Promise<Map<string, InstitutionRef>> {
  if (ids.length === 0) return new Map();
  const rows = await c.tx.select(institutionColumns).from(institutions)
    .innerJoin(authorities, eq(authorities.id, institutions.approvingAuthorityId))
    .where(inArray(institutions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, institutionRef(r)]));
}
