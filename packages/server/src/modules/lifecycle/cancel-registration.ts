/**
 * 注销注册 — the one write every path to 注销 shares (domain §BT-07; 《医师法》第十七条: 注销注册，废止医师执业证书):
 * the physician's own application once granted, the institution's report once decided, the authority's act ex
 * officio, a supervision act (再次考核仍不合格, 吊销) and the scheduled rules (备案满二年, 中止满二年). In the caller's
 * transaction:
 *  1. the registration → 注销 through REGISTRATION_TABLE (`cancel`, `lapse_filed` or `lapse_suspended`), guarded by
 *     the status it leaves, with its history row and audit entry;
 *  2. its current certificate → 已废止 (CERTIFICATE_TABLE `void`, cause registration_closed), so its QR page says so;
 *  3. its 有效 multi-site filings end and the physician's main institution moves on (registration-closing.ts);
 *  4. the cancellation record (ground, initiator, dates, authority) the announcement list reads (《医师法》第二十一条);
 *  5. the bar to a new registration the ground sets (《医师法》第十六条), from the day of the cancellation — a criminal
 *     penalty's from the day its sentence was served, given as `barStartsOn`, else without an end until recorded;
 *  6. a notice to the physician.
 */
import { and, eq } from 'drizzle-orm';
import {
  CANCELLATION_GROUND_INFO, REGISTRATION_TABLE, barEndsOn, certificateTransition, checkRegistrationCause, registrationTransition, todayInChina,
  type CancellationGround, type CancellationInitiator, type IsoDate, type LifecycleCause,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { accounts, certificateEvents, certificates, physicians, registrationBars, registrationCancellations, registrations } from '../../db/schema/index';
import { audit, type AuditActor } from '../audit/service';
import { notifyAccount } from '../notifications/outbox';
import { applyRegistrationEvent } from './apply-plan';
import { LifecycleErrors } from './errors';
import { endActiveFilings, moveMainInstitution } from './registration-closing';

export interface CancelRegistration {
  registrationId: string;
  event: 'cancel' | 'lapse_filed' | 'lapse_suspended';
  ground: CancellationGround;
  initiator: CancellationInitiator;
  cause: LifecycleCause;
  actor: AuditActor;
  applicationId?: string | null;
  /** The day of the triggering event (死亡日期, 判决生效日期 …), when known. */
  triggerOn?: IsoDate | null;
  /** The day the cancellation takes effect; today (北京时间) unless given. */
  effectiveOn?: IsoDate;
  /** A criminal penalty's bar counts from the day the sentence was served (《医师法》第十六条第二项). */
  barStartsOn?: IsoDate | null;
  documentNo?: string | null;
  note?: string | null;
}

export interface CancelledRegistration {
  registrationId: string;
  cancellationId: string;
  effectiveOn: IsoDate;
  voidedCertificateId: string | null;
  endedFilings: number;
  bar: { kind: string; startsOn: IsoDate; endsOn: IsoDate | null } | null;
}

const CLOSED: LifecycleCause = { kind: 'registration_closed' };

export async function cancelRegistration(c: Ctx, w: CancelRegistration): Promise<CancelledRegistration> {
  const [reg] = await c.tx.select({
    id: registrations.id, status: registrations.status, physicianId: registrations.physicianId, authorityId: registrations.authorityId,
    mainInstitutionId: registrations.mainInstitutionId, licenceCode: registrations.licenceCode,
  }).from(registrations).where(eq(registrations.id, w.registrationId));
  if (!reg) throw LifecycleErrors.RECORD_CHANGED({ detail: '该执业注册不存在或已被其他操作更改，请刷新后重新办理' });
  checkRegistrationCause(w.event, w.cause);
  const to = registrationTransition(reg.status, w.event);
  const effectiveOn = w.effectiveOn ?? todayInChina(c.now());
  const info = CANCELLATION_GROUND_INFO[w.ground];
  const ctx = { applicationId: w.applicationId ?? null, actor: w.actor, cause: w.cause };

  await applyRegistrationEvent(c, {
    registrationId: reg.id, event: w.event, from: reg.status, to,
    changes: { ground: w.ground, initiator: w.initiator, effectiveOn, triggerOn: w.triggerOn ?? null, documentNo: w.documentNo ?? null },
  }, ctx);
  const voidedCertificateId = await voidCurrentCertificate(c, reg.id, ctx);
  const endedFilings = await endActiveFilings(c, w.actor, reg.id);
  await moveMainInstitution(c, reg.physicianId, reg.id, reg.mainInstitutionId);

  const [row] = await c.tx.insert(registrationCancellations).values({
    registrationId: reg.id, physicianId: reg.physicianId, authorityId: reg.authorityId, event: w.event, ground: w.ground, initiator: w.initiator,
    triggerOn: w.triggerOn ?? null, effectiveOn, applicationId: w.applicationId ?? null, documentNo: w.documentNo ?? null, note: w.note ?? null,
    actorAccountId: w.actor.accountId, createdAt: c.now(),
  }).returning({ id: registrationCancellations.id });

  let bar: CancelledRegistration['bar'] = null;
  if ('bar' in info) {
    const kind = info.bar;
    const startsOn = kind === 'criminal_penalty' ? (w.barStartsOn ?? effectiveOn) : effectiveOn;
    const endsOn = kind === 'criminal_penalty' && !w.barStartsOn ? null : barEndsOn(kind, startsOn);
    await c.tx.insert(registrationBars).values({
      physicianId: reg.physicianId, kind, startsOn, endsOn, sourceRegistrationId: reg.id, documentNo: w.documentNo ?? null, createdAt: c.now(),
    });
    bar = { kind, startsOn, endsOn };
  }
  await audit(c, w.actor, 'registration.cancelled', 'registration', reg.id, { ground: w.ground, initiator: w.initiator, effectiveOn, bar });
  await notifyPhysician(c, reg.physicianId, reg.licenceCode, effectiveOn, info.label, REGISTRATION_TABLE[w.event].label);
  return { registrationId: reg.id, cancellationId: row!.id, effectiveOn, voidedCertificateId, endedFilings, bar };
}

/** CERTIFICATE_TABLE `void` of the registration's 有效 certificate (none: a registration from before certificates were kept). */
async function voidCurrentCertificate(c: Ctx, registrationId: string, ctx: { applicationId: string | null; actor: AuditActor }): Promise<string | null> {
  const [cert] = await c.tx.select({ id: certificates.id, status: certificates.status }).from(certificates)
    .where(and(eq(certificates.registrationId, registrationId), eq(certificates.status, 'issued')));
  if (!cert) return null;
  const to = certificateTransition(cert.status, 'void');
  const [row] = await c.tx.update(certificates).set({ status: to, statusSince: c.now() })
    .where(and(eq(certificates.id, cert.id), eq(certificates.status, cert.status))).returning({ id: certificates.id });
  if (!row) throw LifecycleErrors.RECORD_CHANGED({ detail: '该执业证书已被其他操作更改，请刷新后重新办理' });
  await c.tx.insert(certificateEvents).values({
    certificateId: cert.id, event: 'void', fromStatus: cert.status, toStatus: to, cause: CLOSED, applicationId: ctx.applicationId,
    actorAccountId: ctx.actor.accountId, createdAt: c.now(),
  });
  await audit(c, ctx.actor, 'certificate.void', 'certificate', cert.id, { from: cert.status, to });
  return cert.id;
}

async function notifyPhysician(c: Ctx, physicianId: string, licenceCode: string | null, effectiveOn: IsoDate, ground: string, how: string): Promise<void> {
  const [to] = await c.tx.select({ accountId: accounts.id, phone: accounts.phone, email: accounts.email })
    .from(physicians).innerJoin(accounts, eq(accounts.id, physicians.accountId)).where(eq(physicians.id, physicianId));
  if (!to) return;
  const body = `您的执业注册${licenceCode ? `（执业证书编码${licenceCode}）` : ''}已于${effectiveOn}${how}，注销原因：${ground}。`
    + '您的《医师执业证书》同时废止。如需再次执业，请在不予注册的情形消失后申请重新注册。';
  await notifyAccount(c, to, 'registration.cancelled', '您的执业注册已注销', body);
}
