/**
 * HL7 FHIR R4 read view of the public register (architecture § Interoperability 互联互通): a Practitioner and
 * a PractitionerRole per registration, built only from the public projection (domain §6) — never the
 * 身份证号, birth date or contact data.
 */
import { getScope } from '@medreg/domain';
import type { PublicRegistrationRow } from '../register/presenter';
import { presentPublicRegistration } from '../register/presenter';

export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Identifier and code systems of medreg (URNs: no resolvable definitions are published). */
export const SYSTEMS = {
  licenceCode: 'urn:medreg:licence-code',
  level: 'urn:medreg:practice-level',
  category: 'urn:medreg:practice-category',
  scope: 'urn:medreg:practice-scope',
} as const;

type Resource = Record<string, unknown> & { resourceType: string; id?: string };

export function practitionerResources(row: PublicRegistrationRow & { licenceCode: string }): { practitioner: Resource; role: Resource } {
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
      },
    ],
  };
  const role: Resource = {
    resourceType: 'PractitionerRole',
    id: row.licenceCode,
    identifier,
    active,
    practitioner: { reference: `Practitioner/${row.licenceCode}`, display: row.name },
    organization: { display: p.institutionName },
    code: [{ coding: [categoryCoding], text: p.categoryLabel }],
    specialty: row.scopes.map((s) => {
      const scope = getScope(s);
      return scope ? { coding: [{ system: SYSTEMS.scope, code: scope.code, display: scope.name }], text: scope.name } : { text: s };
    }),
    location: [{ display: p.practiceLocation }],
  };
  return { practitioner, role };
}

export function searchBundle(baseUrl: string, selfUrl: string, matches: { practitioner: Resource; role: Resource }[]) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: matches.flatMap(({ practitioner, role }) => [
      { fullUrl: `${baseUrl}/Practitioner/${practitioner.id}`, resource: practitioner, search: { mode: 'match' } },
      { fullUrl: `${baseUrl}/PractitionerRole/${role.id}`, resource: role, search: { mode: 'include' } },
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
        documentation: '只读；按执业证书编码检索。仅包含公众查询可见的信息。',
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
