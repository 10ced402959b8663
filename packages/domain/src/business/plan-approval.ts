/**
 * From a definition's effects (data) to the concrete steps one decision applies — every step checked against the
 * lifecycle tables of ../registration (status and cause), so a decision the tables do not allow is refused before
 * anything is written. The server applies the steps in one transaction; apply-plan.ts applies them to a snapshot
 * (for previews and tests).
 *
 *  - a new registration's 执业地点 follows its level and institution (《医师执业注册管理办法》第七条);
 *  - its 执业证书编码 is level + category + the deciding authority's area + a serial the server allocates (§4.2);
 *  - its seniority counts from the first approval at its level (§5.5, registration/seniority.ts).
 */
import type { IsoDate } from '../calendar/iso-date';
import { CommonErrors } from '../errors';
import { placeContains } from '../applications/first-registration-rules';
import { licenceCodePrefix, type LicenceCodeParts } from '../identifiers/licence-code';
import { expectedPracticeLocationCode } from '../institution/practice-location';
import type { PhysicianLevel } from '../reference/physician-levels';
import type { PracticeCategory } from '../reference/practice-categories';
import { provinceCodeOf } from '../regions/regions';
import type { CancellationGround, CancellationInitiator } from '../registration/cancellation-grounds';
import { CERTIFICATE_TABLE, certificateTransition, type CertificateEvent, type CertificateStatus } from '../registration/certificate-lifecycle';
import { FILING_TABLE, filingTransition, type FilingEvent, type FilingStatus } from '../registration/filing-lifecycle';
import { decision, type LifecycleCause } from '../registration/lifecycle-causes';
import type { AuthorityRef, FilingItems, PhysicianSnapshot, RegistrationItems, RegistrationSnapshot } from '../registration/physician-snapshot';
import type { RegistrationStatus } from '../registration/registration-status';
import type { RegistrationEvent } from '../registration/registration-table';
import { checkRegistrationCause, registrationTransition } from '../registration/registration-transition';
import { seniorityStart } from '../registration/seniority';
import { assertCausePermitted } from '../registration/state-table';
import { BusinessErrors } from './business-errors';
import type { BusinessContext, BusinessDefinition, Effect, OpenRegistration, Proposal } from './definition';
import { decidingAuthorityOf } from './parties';
import { findFiling, findRegistration, proposedInstitution } from './subject-rules';

/** The registration the plan opens, before it has an id. */
export const OPENED = 'opened';
export type RecordRef = string | typeof OPENED;

export interface LicencePlan extends LicenceCodeParts {
  /** The first 9 digits (level + category + issuing area): the server allocates the serial for it. */
  prefix: string;
}

export interface OpenedRegistration extends RegistrationItems {
  qualificationId: string | null;
  authority: AuthorityRef;
  licence: LicencePlan;
  approvedOn: IsoDate;
  /** From when seniority at this level counts (§5.5). */
  seniorityFrom: IsoDate;
  /** The record it replaces (closed by the same decision), if any. */
  replaces: string | null;
}

export type PlanStep =
  | {
    kind: 'registration'; registrationId: string; event: RegistrationEvent; from: RegistrationStatus; to: RegistrationStatus;
    changes?: { category?: PracticeCategory; scopes?: readonly string[]; qualificationId?: string | null }; licence?: LicencePlan;
  }
  | { kind: 'open_registration'; registration: OpenedRegistration }
  /** 注销注册: the server writes it with cancelRegistration (certificate voided, filings ended, the cancellation record). */
  | {
    kind: 'cancel'; registrationId: string; event: 'cancel'; from: RegistrationStatus; to: RegistrationStatus;
    ground: CancellationGround; initiator: CancellationInitiator; triggerOn: IsoDate | null; note: string | null;
  }
  | { kind: 'filing'; filingId: string | null; registrationId: RecordRef; event: FilingEvent; from: FilingStatus | null; to: FilingStatus; items?: FilingItems }
  | {
    kind: 'certificate'; certificateId: string | null; registrationId: RecordRef; event: CertificateEvent; from: CertificateStatus | null; to: CertificateStatus;
    /** For `issue`: the decision date (delivery within 10 days, 《行政许可法》第四十四条). */
    issuedOn?: IsoDate;
  };

export type PlanMoment = 'submit' | 'approve' | 'abandon';

const CLOSED: LifecycleCause = { kind: 'registration_closed' };

/** The 申请中 filing a BT-05 新增 created at submission: the pending one at that institution on that registration. */
export function proposedFilingOf(physician: PhysicianSnapshot, proposal: Proposal) {
  return physician.filings.find((f) => f.status === 'pending' && f.registrationId === proposal.registrationId && f.institution.id === proposal.institutionId);
}

function licencePlan(level: PhysicianLevel, category: PracticeCategory, authority: AuthorityRef): LicencePlan {
  const parts = { level, category, areaCode: authority.areaCode };
  return { ...parts, prefix: licenceCodePrefix(parts) };
}

interface Planning<F> {
  def: BusinessDefinition<F>;
  ctx: BusinessContext<F>;
  proposal: Proposal;
  current?: RegistrationSnapshot;
  cause: LifecycleCause;
  decidedOn: IsoDate;
  steps: PlanStep[];
  opened?: OpenedRegistration;
  /** The current registration's items after a `change_items` step. */
  changed?: RegistrationItems;
}

function requireCurrent(p: Planning<unknown>): RegistrationSnapshot {
  if (!p.current) throw BusinessErrors.REGISTRATION_NOT_FOUND({ path: ['registrationId'] });
  return p.current;
}

function onCurrent(p: Planning<unknown>, e: Extract<Effect, { on: 'current' }>): void {
  const current = requireCurrent(p);
  const to = registrationTransition(current.status, e.event);
  checkRegistrationCause(e.event, p.cause);
  const changes: NonNullable<Extract<PlanStep, { kind: 'registration' }>['changes']> = {};
  if (e.items?.includes('category')) changes.category = p.proposal.category;
  if (e.items?.includes('scopes')) changes.scopes = p.proposal.scopes;
  if (e.items?.includes('qualification')) changes.qualificationId = p.proposal.qualificationId ?? null;
  const category = changes.category ?? current.category;
  const licence = e.newLicenceCode ? licencePlan(current.level, category, decidingAuthorityOf(p.def, p.ctx).authority) : undefined;
  p.steps.push({ kind: 'registration', registrationId: current.id, event: e.event, from: current.status, to, ...(e.items ? { changes } : {}), ...(licence ? { licence } : {}) });
  if (e.items) p.changed = { ...current, category, scopes: changes.scopes ?? current.scopes };
}

function levelOf(p: Planning<unknown>, spec: OpenRegistration['level']): PhysicianLevel {
  if (spec === 'current') return requireCurrent(p).level;
  if (spec !== 'qualification') return spec;
  const q = p.ctx.physician.qualifications.find((x) => x.id === p.proposal.qualificationId && x.status === 'valid');
  if (!q) throw BusinessErrors.QUALIFICATION_NO_LONGER_VALID({ path: ['qualificationId'] });
  return q.level;
}

function open(p: Planning<unknown>, spec: OpenRegistration): void {
  registrationTransition(null, 'open');
  checkRegistrationCause('open', p.cause);
  const level = levelOf(p, spec.level);
  const mainInstitution = spec.institution === 'current' ? requireCurrent(p).mainInstitution : proposedInstitution(p.ctx, p.proposal);
  if (!mainInstitution) throw BusinessErrors.INSTITUTION_REQUIRED({ path: ['institutionId'] });
  const source = spec.items === 'current' ? requireCurrent(p) : p.proposal;
  if (!source.category || !source.scopes) throw CommonErrors.VALIDATION_FAILED({ path: ['scopes'], detail: '申请缺少执业类别或执业范围' });
  // 《医师执业注册管理办法》第七条: the province for 执业医师, the county for an assistant.
  const practiceLocationCode = expectedPracticeLocationCode(level, mainInstitution.areaCode);
  if (spec.widenLocationTo === 'province' && practiceLocationCode !== provinceCodeOf(mainInstitution.areaCode)) {
    throw BusinessErrors.REGISTRATION_NOT_VALID({ detail: '执业医师的执业地点应为省级行政区划' });
  }
  const authority = decidingAuthorityOf(p.def, p.ctx).authority;
  p.opened = {
    level, category: source.category, scopes: [...source.scopes], practiceLocationCode, mainInstitution,
    qualificationId: p.proposal.qualificationId ?? p.current?.qualificationId ?? null,
    authority, licence: licencePlan(level, source.category, authority), approvedOn: p.decidedOn,
    seniorityFrom: seniorityStart([...p.ctx.physician.registrations, { level, approvedOn: p.decidedOn }], level) ?? p.decidedOn,
    replaces: p.current && p.def.changesRegistration ? p.current.id : null,
  };
  p.steps.push({ kind: 'open_registration', registration: p.opened });
}

function filingStep(p: Planning<unknown>, filingId: string | null, registrationId: RecordRef, from: FilingStatus | null, event: FilingEvent, cause: LifecycleCause, items?: FilingItems): void {
  const to = filingTransition(from, event);
  assertCausePermitted(FILING_TABLE, event, cause);
  p.steps.push({ kind: 'filing', filingId, registrationId, event, from, to, ...(items ? { items } : {}) });
}

/** domain §5.2: filings hang off their registration; those that no longer fit it end. */
function followFilings(p: Planning<unknown>): void {
  const current = requireCurrent(p);
  const target = p.opened ?? p.changed ?? current;
  for (const f of p.ctx.physician.filings.filter((x) => x.registrationId === current.id)) {
    if (f.status === 'pending' && p.opened) filingStep(p, f.id, current.id, f.status, 'abandon', CLOSED);
    if (f.status !== 'active') continue;
    const fits = placeContains(target.practiceLocationCode, f.institution.areaCode) && f.institution.id !== target.mainInstitution.id
      && f.scopes.every((s) => target.scopes.includes(s));
    if (p.opened) filingStep(p, f.id, fits ? OPENED : current.id, f.status, fits ? 'move' : 'end', p.cause);
    else if (!fits) filingStep(p, f.id, current.id, f.status, 'end', p.cause);
  }
}

function onFiling(p: Planning<unknown>, e: Extract<Effect, { filing: unknown }>): void {
  if (e.filing === 'subject') {
    const filing = findFiling(p.ctx.physician, p.proposal.filingId);
    if (!filing) throw BusinessErrors.FILING_NOT_FOUND({ path: ['filingId'] });
    const items = e.event === 'modify' && p.proposal.scopes && p.proposal.validFrom && p.proposal.validTo
      ? { institution: filing.institution, scopes: p.proposal.scopes, validFrom: p.proposal.validFrom, validTo: p.proposal.validTo } : undefined;
    filingStep(p, filing.id, filing.registrationId, filing.status, e.event, p.cause, items);
    return;
  }
  const registration = requireCurrent(p);
  if (e.event === 'submit') {
    const institution = proposedInstitution(p.ctx, p.proposal);
    const { scopes, validFrom, validTo } = p.proposal;
    if (!institution || !scopes || !validFrom || !validTo) throw BusinessErrors.INSTITUTION_REQUIRED({ path: ['institutionId'] });
    filingStep(p, null, registration.id, null, 'submit', p.cause, { institution, scopes, validFrom, validTo });
    return;
  }
  const pending = proposedFilingOf(p.ctx.physician, p.proposal);
  if (!pending) throw BusinessErrors.FILING_NOT_FOUND({ path: ['institutionId'], detail: '未找到该申请的备案记录' });
  filingStep(p, pending.id, registration.id, pending.status, e.event, p.cause);
}

function onCertificate(p: Planning<unknown>, e: Extract<Effect, { certificate: unknown }>): void {
  assertCausePermitted(CERTIFICATE_TABLE, e.event, p.cause);
  if (e.certificate === 'opened') {
    p.steps.push({ kind: 'certificate', certificateId: null, registrationId: OPENED, event: e.event, from: null, to: certificateTransition(null, e.event), issuedOn: p.decidedOn });
    return;
  }
  const current = requireCurrent(p);
  if (e.event === 'issue') {
    p.steps.push({ kind: 'certificate', certificateId: null, registrationId: current.id, event: 'issue', from: null, to: certificateTransition(null, 'issue'), issuedOn: p.decidedOn });
    return;
  }
  // A registration carried over from before e-registration may have no certificate record: nothing to supersede.
  const issued = p.ctx.physician.certificates.find((c) => c.registrationId === current.id && c.status === 'issued');
  if (!issued) return;
  p.steps.push({ kind: 'certificate', certificateId: issued.id, registrationId: current.id, event: e.event, from: issued.status, to: certificateTransition(issued.status, e.event) });
}

/** 《医师法》第十七条: 注销注册 of the registration the application starts from, on the ground its form names. */
function cancelCurrent(p: Planning<unknown>): void {
  const current = requireCurrent(p);
  const c = p.proposal.cancellation;
  if (!c) throw CommonErrors.VALIDATION_FAILED({ path: ['ground'], detail: '申请缺少注销原因' });
  const to = registrationTransition(current.status, 'cancel');
  checkRegistrationCause('cancel', p.cause);
  p.steps.push({ kind: 'cancel', registrationId: current.id, event: 'cancel', from: current.status, to, ...c });
}

/**
 * The steps of `moment` ('approve' on 准予; 'submit' and 'abandon' for a BT-05 新增, whose filing is 申请中 meanwhile).
 * Throws the lifecycle's typed refusal when a record is no longer in a status the step may leave.
 */
export function planEffects<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>, moment: PlanMoment, decidedOn: IsoDate = ctx.today): PlanStep[] {
  const proposal = def.proposal(ctx.form, ctx.physician);
  const p: Planning<F> = {
    def, ctx, proposal, current: findRegistration(ctx.physician, proposal.registrationId),
    cause: moment === 'approve' ? decision(def.type) : { kind: 'application', business: def.type, step: moment },
    decidedOn, steps: [],
  };
  const pu = p as Planning<unknown>;
  for (const e of def.effects(ctx.form)[moment] ?? []) {
    if ('on' in e) onCurrent(pu, e);
    else if ('open' in e) open(pu, e.open);
    else if ('filings' in e) followFilings(pu);
    else if ('filing' in e) onFiling(pu, e);
    else if ('cancel' in e) cancelCurrent(pu);
    else onCertificate(pu, e);
  }
  return p.steps;
}

/** The steps of 准予 on `decidedOn`. */
export function planApproval<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>, decidedOn: IsoDate = ctx.today): PlanStep[] {
  return planEffects(def, ctx, 'approve', decidedOn);
}
