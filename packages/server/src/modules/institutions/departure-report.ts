/**
 * 【注册备案】 reported by the main institution (domain §2.2 BT-06 [S6]): the physician left through 调离、退休、退职、
 * 被辞退 or 被开除, and the institution reports it within 30 days of the formalities. In one transaction: the
 * registration 有效 → 注册备案 (REGISTRATION_TABLE `file_departure`, cause 机构报告), its history row with the report,
 * the audit entry, the end of its 有效 multi-site filings, the physician's current main institution, and the notice.
 *
 * Choices:
 *  - A late report (more than 30 days, domain §2.3) is accepted and recorded `late: true`: the physician has left
 *    either way, and the register must stop showing the registration as current.
 *  - The certificate stays 有效: CERTIFICATE_TABLE voids it only when the registration is cancelled (注销,
 *    《医师法》第十七条), and 备案 may end in 原机构重新聘用 (`return_from_filing`). The verification page shows
 *    the registration's status (注册备案) beside the certificate's.
 *  - 有效 multi-site filings end (FILING_TABLE `end`, cause registration_closed): a filing hangs on its registration
 *    (domain §5.2) and 注册备案 is one of the 无效状态 [S11]. A 申请中 filing is left to its application, whose
 *    decision re-checks the registration.
 */
import { and, eq } from 'drizzle-orm';
import {
  DEPARTURE_REASON_LABELS, REGISTRATION_STATUS_LABELS, checkRegistrationCause, departureReportDueOn, institutionReport, isLateDepartureReport,
  registrationTransition, todayInChina, type DepartureReportForm, type IsoDate, type LifecycleCause,
} from '@medreg/domain';
import { inTransaction, type Ctx, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts, institutions, physicians, registrations } from '../../db/schema/index';
import { applyRegistrationEvent } from '../lifecycle/apply-plan';
import { endActiveFilings, moveMainInstitution } from '../lifecycle/registration-closing';
import { notifyAccount } from '../notifications/outbox';
import { InstitutionErrors } from './errors';
import { institutionIdOf } from './policy';

export interface DepartureReportResult {
  registrationId: string;
  status: 'filed';
  statusLabel: string;
  reason: DepartureReportForm['reason'];
  reasonLabel: string;
  leftOn: IsoDate;
  reportedOn: IsoDate;
  /** The last on-time day (30 calendar days after leftOn). */
  dueOn: IsoDate;
  late: boolean;
  endedFilings: number;
}

const CAUSE: LifecycleCause = institutionReport('departure');

export async function reportDeparture(deps: Deps, actor: AccountActor, registrationId: string, form: DepartureReportForm): Promise<DepartureReportResult> {
  const institutionId = institutionIdOf(actor);
  return inTransaction(deps, async (c) => {
    const [reg] = await c.tx.select({ id: registrations.id, status: registrations.status, physicianId: registrations.physicianId })
      .from(registrations).where(and(eq(registrations.id, registrationId), eq(registrations.mainInstitutionId, institutionId)));
    // Another institution's registration reads as not found (style: a record outside the actor's reach is not found).
    if (!reg) throw InstitutionErrors.REGISTRATION_NOT_FOUND();
    const reportedOn = todayInChina(c.now());
    if (form.leftOn > reportedOn) throw InstitutionErrors.DEPARTURE_DATE_IN_FUTURE({ path: ['leftOn'] });
    checkRegistrationCause('file_departure', CAUSE);
    const to = registrationTransition(reg.status, 'file_departure');
    const late = isLateDepartureReport(form.leftOn, reportedOn);
    const changes = { reason: form.reason, leftOn: form.leftOn, reportedOn, late, note: form.note ?? null };
    const ctx = { applicationId: null, actor, cause: CAUSE };
    await applyRegistrationEvent(c, { registrationId, event: 'file_departure', from: reg.status, to, changes }, ctx);
    const endedFilings = await endActiveFilings(c, actor, registrationId);
    await moveMainInstitution(c, reg.physicianId, registrationId, institutionId);
    await notifyPhysician(c, reg.physicianId, institutionId, form, late);
    return {
      registrationId, status: 'filed', statusLabel: REGISTRATION_STATUS_LABELS.filed, reason: form.reason, reasonLabel: DEPARTURE_REASON_LABELS[form.reason],
      leftOn: form.leftOn, reportedOn, dueOn: departureReportDueOn(form.leftOn), late, endedFilings,
    };
  });
}

async function notifyPhysician(c: Ctx, physicianId: string, institutionId: string, form: DepartureReportForm, late: boolean): Promise<void> {
  const [to] = await c.tx.select({ accountId: accounts.id, phone: accounts.phone, email: accounts.email, institutionName: institutions.name })
    .from(physicians).innerJoin(accounts, eq(accounts.id, physicians.accountId)).innerJoin(institutions, eq(institutions.id, institutionId))
    .where(eq(physicians.id, physicianId));
  if (!to) return;
  const body = `${to.institutionName}已报告您于${form.leftOn}${DEPARTURE_REASON_LABELS[form.reason]}，您在该机构的执业注册已转为「注册备案」状态`
    + `${late ? '（该机构逾期报告）' : ''}。注册备案满二年未继续执业的将予注销；如在新的机构执业，请及时办理变更注册。`;
  await notifyAccount(c, to, 'registration.departure_filed', '您的执业注册已转为注册备案', body);
}
