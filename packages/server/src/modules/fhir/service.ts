import { LICENCE_CODE_PATTERN, todayInChina } from '@medreg/domain';
import type { Deps } from '../../context';
import { reading, readingReplica } from '../../context';
import { publicFilingsOf, registerRowByLicenceCode } from '../register/queries';
import { hitPublicQuota } from '../register/rate-limits';
import { supervisionNoticesOf } from '../supervision/public-notices';
import { SYSTEMS, practitionerResources, searchBundle } from './resources';

/** A search parameter the client got wrong: answered 400 with an OperationOutcome. */
export class FhirInvalidSearch extends Error {}

/**
 * `Practitioner?identifier=[system|]code`: the practitioner holding that 执业证书编码, with the roles
 * (PractitionerRole) of that registration as it is now: its main institution and its filings shown. Any other system, or no code → FhirInvalidSearch; an unknown
 * code → an empty searchset (FHIR search semantics).
 */
export async function searchPractitioners(deps: Deps, identifier: string | undefined, client: { ip: string }) {
  const c = readingReplica(deps);
  await hitPublicQuota(reading(deps), 'fhir', client.ip);
  const code = parseIdentifier(identifier);
  const row = await registerRowByLicenceCode(c, code);
  const baseUrl = fhirBaseUrl(deps.config.publicBaseUrl);
  const today = todayInChina(deps.now());
  const filings = row?.status === 'valid' ? await publicFilingsOf(c, [row.id], today) : [];
  const notice = row && row.status !== 'valid' ? (await supervisionNoticesOf(c, [row.id], today)).get(row.id) : undefined;
  const matches = row?.licenceCode ? [practitionerResources({ ...row, licenceCode: row.licenceCode }, filings, today, notice)] : [];
  return searchBundle(baseUrl, `${baseUrl}/Practitioner?identifier=${encodeURIComponent(`${SYSTEMS.licenceCode}|${code}`)}`, matches);
}

export function fhirBaseUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/fhir`;
}

function parseIdentifier(identifier: string | undefined): string {
  if (!identifier) throw new FhirInvalidSearch('请提供检索参数 identifier（执业证书编码）');
  const bar = identifier.indexOf('|');
  const system = bar >= 0 ? identifier.slice(0, bar) : null;
  const value = (bar >= 0 ? identifier.slice(bar + 1) : identifier).trim();
  if (system !== null && system !== '' && system !== SYSTEMS.licenceCode) {
    throw new FhirInvalidSearch(`不支持的标识符体系：${system}（仅支持 ${SYSTEMS.licenceCode}）`);
  }
  if (!LICENCE_CODE_PATTERN.test(value)) throw new FhirInvalidSearch('执业证书编码应为15位数字');
  return value;
}
