/**
 * Writes the steps of a plan (@medreg/domain business/plan-approval.ts) — the ONE place where a decision changes
 * registrations, filings and certificates. Each step was checked against its lifecycle table when it was planned;
 * here every write is also guarded by the status it leaves (`WHERE status = from`), so a record changed since the
 * plan was made is refused (409) rather than overwritten, and each step leaves its history row. Runs in the
 * decision's transaction, so the application's transition, these records and the audit commit together.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  type CERTIFICATE_TABLE, FILING_TABLE, OPENED, REGISTRATION_TABLE, type LifecycleCause, type PhysicianLevel, type PlanStep, type RecordRef,
  type RegistrationEvent, type RegistrationStatus,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { certificateEvents, certificates, filingEvents, multiSiteFilings, physicians, registrationEvents, registrations } from '../../db/schema/index';
import { certificateVerifyToken } from '../../security/tokens';
import { audit, type AuditActor } from '../audit/service';
import { nextLicenceCodeFor } from '../registrations/licence-serial';
import { cancelRegistration } from './cancel-registration';
import { LifecycleErrors } from './errors';

export interface PlanContext {
  physicianId: string;
  applicationId: string | null;
  actor: AuditActor;
  cause: LifecycleCause;
  /** 科室 of a newly opened registration (from the form). */
  department?: string;
}

export interface AppliedPlan {
  /** The registration the plan opened, if any. */
  openedRegistrationId: string | null;
  /** Registrations whose certificate (what it prints) changed. */
  touchedRegistrationIds: string[];
}

const stale = (what: string) => LifecycleErrors.RECORD_CHANGED({ detail: `${what}已被其他操作更改，请刷新后重新办理` });

export async function applyPlan(c: Ctx, steps: readonly PlanStep[], ctx: PlanContext): Promise<AppliedPlan> {
  let opened: string | null = null;
  const touched = new Set<string>();
  const resolve = (ref: RecordRef): string => {
    if (ref !== OPENED) return ref;
    if (!opened) throw stale('新注册');
    return opened;
  };
  // A superseded certificate names the one that replaced it: linked once that one is issued.
  const superseded: { id: string; registrationId: string }[] = [];
  const issued = new Map<string, string>();

  for (const step of steps) {
    switch (step.kind) {
      case 'registration': {
        const set: Record<string, unknown> = {};
        if (step.changes?.category) set.category = step.changes.category;
        if (step.changes?.scopes) set.scopes = [...step.changes.scopes];
        if (step.changes && 'qualificationId' in step.changes && step.changes.qualificationId !== undefined) set.qualificationId = step.changes.qualificationId;
        if (step.licence) set.licenceCode = await nextLicenceCodeFor(c, step.licence);
        await applyRegistrationEvent(c, {
          registrationId: step.registrationId, event: step.event, from: step.from, to: step.to, set,
          changes: { ...step.changes, ...(set.licenceCode ? { licenceCode: set.licenceCode } : {}) },
        }, ctx);
        touched.add(step.registrationId);
        break;
      }
      case 'cancel': {
        // 《医师法》第十七条: 注销注册，废止医师执业证书 — the one write every path to 注销 shares.
        await cancelRegistration(c, {
          registrationId: step.registrationId, event: step.event, ground: step.ground, initiator: step.initiator, cause: ctx.cause,
          actor: ctx.actor, applicationId: ctx.applicationId, triggerOn: step.triggerOn, note: step.note,
        });
        touched.add(step.registrationId);
        break;
      }
      case 'open_registration': {
        const r = step.registration;
        const licenceCode = await nextLicenceCodeFor(c, r.licence);
        const seniorityFrom = await earliestSeniority(c, ctx.physicianId, r.level, r.seniorityFrom);
        const [row] = await c.tx.insert(registrations).values({
          physicianId: ctx.physicianId, qualificationId: r.qualificationId, level: r.level, category: r.category, scopes: [...r.scopes],
          practiceLocationCode: r.practiceLocationCode, mainInstitutionId: r.mainInstitution.id, authorityId: r.authority.id, licenceCode,
          approvedOn: r.approvedOn, seniorityFrom, replacesRegistrationId: r.replaces, department: ctx.department ?? null,
          status: 'valid', statusSince: c.now(), statusReason: REGISTRATION_TABLE.open.label, applicationId: ctx.applicationId, createdAt: c.now(),
        }).returning({ id: registrations.id });
        opened = row!.id;
        await c.tx.insert(registrationEvents).values({
          registrationId: opened, event: 'open', fromStatus: null, toStatus: 'valid', cause: ctx.cause, applicationId: ctx.applicationId,
          actorAccountId: ctx.actor.accountId, changes: { licenceCode, replaces: r.replaces }, createdAt: c.now(),
        });
        // The physician's main institution follows the registration that replaces the old one; 增加执业地点 (BT-02)
        // keeps the old registration and its institution, so it sets it only where there was none.
        await c.tx.update(physicians).set({ mainInstitutionId: r.mainInstitution.id })
          .where(r.replaces ? eq(physicians.id, ctx.physicianId) : and(eq(physicians.id, ctx.physicianId), isNull(physicians.mainInstitutionId)));
        await audit(c, ctx.actor, 'registration.open', 'registration', opened, { licenceCode, replaces: r.replaces, applicationId: ctx.applicationId });
        touched.add(opened);
        break;
      }
      case 'filing': {
        const registrationId = resolve(step.registrationId);
        let filingId = step.filingId;
        if (step.event === 'submit') {
          const items = step.items!;
          const [row] = await c.tx.insert(multiSiteFilings).values({
            physicianId: ctx.physicianId, registrationId, institutionId: items.institution.id, authorityId: items.institution.registeringAuthority.id,
            scopes: [...items.scopes], validFrom: items.validFrom, validTo: items.validTo, status: step.to, statusSince: c.now(),
            applicationId: ctx.applicationId, createdAt: c.now(),
          }).returning({ id: multiSiteFilings.id });
          filingId = row!.id;
        } else {
          const set: Record<string, unknown> = { status: step.to, statusSince: c.now(), registrationId, version: sql`${multiSiteFilings.version} + 1` };
          if (step.items) Object.assign(set, { scopes: [...step.items.scopes], validFrom: step.items.validFrom, validTo: step.items.validTo });
          const [row] = await c.tx.update(multiSiteFilings).set(set)
            .where(and(eq(multiSiteFilings.id, filingId!), eq(multiSiteFilings.status, step.from!)))
            .returning({ id: multiSiteFilings.id });
          if (!row) throw stale('该备案');
        }
        await c.tx.insert(filingEvents).values({
          filingId: filingId!, event: step.event, fromStatus: step.from, toStatus: step.to, cause: ctx.cause, applicationId: ctx.applicationId,
          actorAccountId: ctx.actor.accountId, changes: step.items ? { scopes: step.items.scopes, validFrom: step.items.validFrom, validTo: step.items.validTo, registrationId } : { registrationId },
          createdAt: c.now(),
        });
        await audit(c, ctx.actor, `filing.${step.event}`, 'multi_site_filing', filingId!, { from: step.from, to: step.to, label: FILING_TABLE[step.event].label });
        break;
      }
      case 'certificate': {
        const registrationId = resolve(step.registrationId);
        if (step.event === 'issue') {
          const id = await issueCertificate(c, registrationId, step.issuedOn ?? null, ctx);
          issued.set(registrationId, id);
        } else {
          const [row] = await c.tx.update(certificates).set({ status: step.to, statusSince: c.now() })
            .where(and(eq(certificates.id, step.certificateId!), eq(certificates.status, step.from!)))
            .returning({ id: certificates.id });
          if (!row) throw stale('该执业证书');
          await recordCertificateEvent(c, step.certificateId!, step.event, step.from, step.to, ctx);
          if (step.event === 'supersede') superseded.push({ id: step.certificateId!, registrationId });
        }
        touched.add(registrationId);
        break;
      }
    }
  }
  for (const old of superseded) {
    // The replacement: the certificate issued by this plan on the same registration, or else on the opened one.
    const by = issued.get(old.registrationId) ?? (opened ? issued.get(opened) : undefined);
    if (by) await c.tx.update(certificates).set({ supersededBy: by }).where(eq(certificates.id, old.id));
  }
  return { openedRegistrationId: opened, touchedRegistrationIds: [...touched] };
}

export interface RegistrationEventWrite {
  registrationId: string;
  event: RegistrationEvent;
  /** The status it leaves (checked against REGISTRATION_TABLE by the caller): the write is guarded by it. */
  from: RegistrationStatus;
  to: RegistrationStatus;
  /** Further columns to set with the status. */
  set?: Record<string, unknown>;
  /** What the history row records of the change. */
  changes?: Record<string, unknown>;
}

/**
 * One event of a registration: the new status (status_since, status_reason = the event's label, version + 1),
 * written only if the registration is still in `from` (else RECORD_CHANGED, 409), its history row and its audit entry.
 */
export async function applyRegistrationEvent(c: Ctx, w: RegistrationEventWrite, ctx: Pick<PlanContext, 'applicationId' | 'actor' | 'cause'>): Promise<void> {
  const [row] = await c.tx.update(registrations).set({
    ...w.set, status: w.to, statusSince: c.now(), statusReason: REGISTRATION_TABLE[w.event].label, version: sql`${registrations.version} + 1`,
  }).where(and(eq(registrations.id, w.registrationId), eq(registrations.status, w.from)))
    .returning({ id: registrations.id });
  if (!row) throw stale('该执业注册');
  await c.tx.insert(registrationEvents).values({
    registrationId: w.registrationId, event: w.event, fromStatus: w.from, toStatus: w.to, cause: ctx.cause,
    applicationId: ctx.applicationId, actorAccountId: ctx.actor.accountId, changes: w.changes ?? {}, createdAt: c.now(),
  });
  await audit(c, ctx.actor, `registration.${w.event}`, 'registration', w.registrationId, { from: w.from, to: w.to, applicationId: ctx.applicationId });
}

/**
 * domain §5.5: seniority at a level counts from the first approval at that level, and a new record does not restart
 * it. The plan reads the approval dates of the records on file; a record carried over from before e-registration
 * keeps an earlier start in seniority_from than its own approval, so the earliest stored start at the level wins.
 */
export async function earliestSeniority(c: Ctx, physicianId: string, level: PhysicianLevel, planned: string): Promise<string> {
  const [row] = await c.tx.select({ first: sql<string | null>`min(${registrations.seniorityFrom})::text` }).from(registrations)
    .where(and(eq(registrations.physicianId, physicianId), eq(registrations.level, level)));
  return row?.first && row.first < planned ? row.first : planned;
}

async function recordCertificateEvent(c: Ctx, certificateId: string, event: keyof typeof CERTIFICATE_TABLE, from: string | null, to: string, ctx: Pick<PlanContext, 'applicationId' | 'actor' | 'cause'>) {
  await c.tx.insert(certificateEvents).values({
    certificateId, event, fromStatus: from, toStatus: to, cause: ctx.cause, applicationId: ctx.applicationId, actorAccountId: ctx.actor.accountId, createdAt: c.now(),
  });
  await audit(c, ctx.actor, `certificate.${event}`, 'certificate', certificateId, { from, to });
}

/**
 * Issues a certificate for the registration as it is now (its 执业证书编码, a new 128-bit QR token). The
 * registration keeps the token of its current certificate in verify_token, which the certificate PDF prints.
 */
export async function issueCertificate(c: Ctx, registrationId: string, issuedOn: string | null, ctx: Pick<PlanContext, 'applicationId' | 'actor' | 'cause'>): Promise<string> {
  const token = certificateVerifyToken();
  const [reg] = await c.tx.update(registrations).set({ verifyToken: token }).where(eq(registrations.id, registrationId))
    .returning({ licenceCode: registrations.licenceCode, approvedOn: registrations.approvedOn });
  if (!reg) throw stale('该执业注册');
  const [row] = await c.tx.insert(certificates).values({
    registrationId, licenceCode: reg.licenceCode, verifyToken: token, status: 'issued', issuedOn: issuedOn ?? reg.approvedOn,
    statusSince: c.now(), applicationId: ctx.applicationId, createdAt: c.now(),
  }).returning({ id: certificates.id });
  await recordCertificateEvent(c, row!.id, 'issue', null, 'issued', ctx);
  return row!.id;
}
