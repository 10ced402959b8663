/**
 * HL7 FHIR R4 read view of the public register (architecture § Interoperability 互联互通): a Practitioner and
 * a PractitionerRole per registration, built only from the public projection (domain §6) — never the
 * 身份证号, birth date or contact data.
 */
import { getScope, todayInChina, type IsoDate, type RegistrationStatus } from '@medreg/domain';
import type { PublicFilingRow, PublicRegistrationRow } from '../register/presenter';
import { presentPublicRegistration } from '../register/presenter';
import type { SupervisionNotice } from '../supervision/public-notices';

export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Identifier and code systems of medreg (URNs: no resolvable definitions are published). */
export const SYSTEMS = {
  licenceCode: 'urn:medreg:licence-code',
  level: 'urn:medreg:practice-level',
  category: 'urn:medreg:practice-category',
  scope: 'urn:medreg:practice-scope',
  /** Extension on Practitioner.qualification: a running 暂停执业活动 (start, end, text) or a 吊销 (date, text). */
  suspension: 'urn:medreg:StructureDefinition:practice-suspension',
  revocation: 'urn:medreg:StructureDefinition:certificate-revocation',
} as const;

/**
 * Supervision on the qualification (《医师法》第二十一条): a running 暂停执业活动 as a complex extension
 * (start, end, text); a 吊销医师执业证书 ends the qualification's period on the decision date, with an extension
 * naming the decision. Valid FHIR R4: extensions with absolute URIs, dates as valueDate.
 */
function supervisionOnQualification(n: SupervisionNotice | undefined, approvedOn: IsoDate): Record<string, unknown> {
  if (!n) return { period: { start: approvedOn } };
  if (n.kind === 'suspension') {
    return {
      period: { start: approvedOn },
      extension: [{
        url: SYSTEMS.suspension,
        extension: [{ url: 'start', valueDate: n.startsOn }, { url: 'end', valueDate: n.endsOn }, { url: 'text', valueString: n.text }],
      }],
    };
  }
  return {
    period: { start: approvedOn, end: n.decidedOn },
    extension: [{ url: SYSTEMS.revocation, extension: [{ url: 'date', valueDate: n.decidedOn }, { url: 'text', valueString: n.text }] }],
  };
}

type Resource = Record<string, unknown> & { resourceType: string; id?: string };

/** A practitioner with the roles of one registration: the main institution's, then one per filing shown. */
export interface PractitionerMatch {
  practitioner: Resource;
  roles: Resource[];
}

/**
 * The registration's statuses whose role has ENDED (period.end = since when): the record continues in a new one
 * (变更出), the physician left the institution (注册备案), or it was cancelled (注销). 中止 is inactive without an end:
 * the registration stands, practice is suspended.
 */
const ROLE_ENDED: readonly RegistrationStatus[] = ['transferred_out', 'filed', 'cancelled'];

function specialty(scopes: string[]) {
  return scopes.map((s) => {
    const scope = getScope(s);
    return scope ? { coding: [{ system: SYSTEMS.scope, code: scope.code, display: scope.name }], text: scope.name } : { text: s };
  });
}

/**
 * Practitioner and PractitionerRole of one registration as it is now. The main institution's role is active only
 * while the registration is valid, with period.start = 批准注册日期 and period.end once the role ended. Each
 * multi-site filing shown (备案, domain §5.2: 有效 and not past its end) is a further PractitionerRole at that
 * organization with the filing's 有效期 as its period, active while in force on `today`.
 */
export function practitionerResources(row: PublicRegistrationRow & { licenceCode: string }, filings: readonly PublicFilingRow[], today: IsoDate, notice?: SupervisionNotice): PractitionerMatch {
  const p = presentPublicRegistration(row);
  const active = row.status === 'valid';
  const identifier = [{ use: 'official', system: SYSTEMS.licenceCode, value: row.licenceCode }];
  const levelCoding = { system: SYSTEMS.level, code: row.level, display: p.levelLabel };
  const categoryCoding = { system: SYSTEMS.category, code: row.category, display: p.categoryLabel };
  const practitioner: Resource = {
    resourceType: 'Practitioner',
    id: row.licenceCode,
    identifier,
    active,
    name: [{ use: 'official', text: row.name }],
    gender: row.sex,
    qualification: [
      {
        identifier,
        code: { coding: [levelCoding, categoryCoding], text: `${p.levelLabel}（${p.categoryLabel}类别）` },
        issuer: { display: p.issuingAuthority },
        ...supervisionOnQualification(notice && (notice.kind === 'revocation' ? row.status === 'cancelled' : row.status === 'suspended') ? notice : undefined, row.approvedOn),
      },
    ],
  };
  const common = {
    resourceType: 'PractitionerRole',
    identifier,
    practitioner: { reference: `Practitioner/${row.licenceCode}`, display: row.name },
    code: [{ coding: [categoryCoding], text: p.categoryLabel }],
    location: [{ display: p.practiceLocation }],
  };
  const main: Resource = {
    ...common,
    id: row.licenceCode,
    active,
    period: { start: row.approvedOn, ...(ROLE_ENDED.includes(row.status) ? { end: todayInChina(row.statusSince) } : {}) },
    organization: { display: p.institutionName },
    specialty: specialty(row.scopes),
  };
  const filed = active ? filings.filter((f) => f.registrationId === row.id) : [];
  const roles = filed.map((f): Resource => ({
    ...common,
    id: `${row.licenceCode}-${f.id}`,
    active: f.validFrom <= today && today <= f.validTo,
    period: { start: f.validFrom, end: f.validTo },
    organization: { display: f.institutionName },
    specialty: specialty(f.scopes),
  }));
  return { practitioner, roles: [main, ...roles] };
}

export function searchBundle(baseUrl: string, selfUrl: string, matches: PractitionerMatch[]) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: matches.flatMap(({ practitioner, roles }) => [
      { fullUrl: `${baseUrl}/Practitioner/${practitioner.id}`, resource: practitioner, search: { mode: 'match' } },
      ...roles.map((role) => ({ fullUrl: `${baseUrl}/PractitionerRole/${role.id}`, resource: role, search: { mode: 'include' } })),
    ]),
  };
}

export function operationOutcome(code: 'invalid' | 'not-found' | 'throttled' | 'exception' | 'not-supported', diagnostics: string) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: code === 'exception' ? 'fatal' : 'error', code, diagnostics }],
  };
}

export function capabilityStatement(baseUrl: string, now: Date) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString().slice(0, 10),
    publisher: 'medreg',
    kind: 'instance',
    software: { name: 'medreg — 医师电子化注册信息系统' },
    implementation: { description: '医师执业注册信息（公开部分）FHIR R4 只读视图', url: baseUrl },
    fhirVersion: FHIR_VERSION,
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: '只读；按执业证书编码检索，附该执业注册的 PractitionerRole（主要执业机构，及有效或将生效的多机构备案）。仅包含公众查询可见的信息。',
        resource: [
          {
            type: 'Practitioner',
            interaction: [{ code: 'search-type' }],
            searchInclude: ['Practitioner:PractitionerRole'],
            searchParam: [
              { name: 'identifier', type: 'token', documentation: `执业证书编码，如 ${SYSTEMS.licenceCode}|110440300000123 或 110440300000123` },
            ],
          },
        ],
      },
    ],
  };
}
