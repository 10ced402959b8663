/**
 * 业务申请 for a registered physician: for every business on the generic path, the records it may start from and,
 * for each, whether the physician may apply and why not (the definition's rules, in Chinese). The page opens
 * the form from the record the physician picks, prefilled with that record.
 */
import {
  BUSINESS_TYPE_INFO, FILING_STATUS_LABELS, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, businessDefinition, changePendingOn,
  eligibilityRefusals, getScope, regionFullName, registrationStatusLabel, todayInChina, type DomainError, type PhysicianSnapshot,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { assertActivePhysician } from '../physicians/guard';
import { FORM_BUSINESS_TYPES } from './business-context';
import { loadPhysicianSnapshot } from './snapshot';

const refusalsOf = (errors: DomainError[]) => errors.map((e) => ({ code: e.code, message: e.message }));
const scopes = (codes: readonly string[]) => codes.map((code) => ({ code, label: getScope(code)?.label ?? code }));

function registrationsOf(s: PhysicianSnapshot) {
  return s.registrations.map((r) => ({
    id: r.id,
    status: r.status,
    statusLabel: registrationStatusLabel(r.status, { changePending: changePendingOn(s, r.id) }),
    level: r.level, levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
    category: r.category, categoryLabel: PRACTICE_CATEGORY_INFO[r.category].fullLabel,
    scopes: scopes(r.scopes),
    practiceLocation: { code: r.practiceLocationCode, name: regionFullName(r.practiceLocationCode) ?? r.practiceLocationCode },
    mainInstitution: { id: r.mainInstitution.id, name: r.mainInstitution.name, areaCode: r.mainInstitution.areaCode },
    licenceCode: r.licenceCode,
    approvedOn: r.approvedOn,
    authorityName: r.authority.name ?? null,
  }));
}

export async function businessOptions(c: Ctx, actor: AccountActor) {
  const physician = await assertActivePhysician(c, actor);
  const s = await loadPhysicianSnapshot(c, physician);
  const today = todayInChina(c.now());
  return {
    registrations: registrationsOf(s),
    filings: s.filings.map((f) => ({
      id: f.id, registrationId: f.registrationId, status: f.status, statusLabel: FILING_STATUS_LABELS[f.status],
      institution: { id: f.institution.id, name: f.institution.name, areaCode: f.institution.areaCode },
      scopes: scopes(f.scopes), validFrom: f.validFrom, validTo: f.validTo,
    })),
    qualifications: s.qualifications.map((q) => ({
      id: q.id, level: q.level, levelLabel: PHYSICIAN_LEVEL_INFO[q.level].label, category: q.category,
      categoryLabel: PRACTICE_CATEGORY_INFO[q.category].fullLabel, status: q.status, obtainedOn: q.obtainedOn ?? null,
    })),
    businesses: FORM_BUSINESS_TYPES.map((type) => {
      const def = businessDefinition(type)!;
      const onRegistrations = s.registrations.map((r) => {
        const refusals = eligibilityRefusals(def, s, { registrationId: r.id }, today);
        return { registrationId: r.id, eligible: refusals.length === 0, refusals: refusalsOf(refusals) };
      });
      const onFilings = def.startsFrom === 'registration_or_filing'
        ? s.filings.map((f) => {
          const refusals = eligibilityRefusals(def, s, { filingId: f.id }, today);
          return { filingId: f.id, eligible: refusals.length === 0, refusals: refusalsOf(refusals) };
        })
        : [];
      return {
        type, id: BUSINESS_TYPE_INFO[type].id, label: BUSINESS_TYPE_INFO[type].label, explanation: def.explanation ?? null,
        statutoryWorkingDays: BUSINESS_TYPE_INFO[type].statutoryWorkingDays,
        subjects: [...onRegistrations, ...onFilings],
        available: [...onRegistrations, ...onFilings].some((x) => x.eligible),
        refusals: s.registrations.length === 0 ? [{ code: 'REGISTRATION_NOT_FOUND', message: '您还没有执业注册，请先办理首次注册' }] : [],
      };
    }),
  };
}
