import type { Deps } from '../../context';
import { reading } from '../../context';
import { consumeCaptcha } from '../accounts/captcha';
import { RegisterErrors } from './errors';
import { presentPublicRegistration } from './presenter';
import {
  institutionsNameContaining, institutionsNamedExactly, registerRowByVerifyToken, registerRowsByNameAndInstitutions,
} from './queries';
import { hitPublicQuota } from './rate-limits';

export interface RegisterSearchInput {
  provinceCode: string;
  name: string;
  institutionName: string;
  captchaId: string;
  captchaAnswer: string;
}

export interface PublicClient {
  ip: string;
}

/** How many candidate institutions an ambiguous partial name lists. */
const CANDIDATES_SHOWN = 5;

/**
 * 医师执业注册信息查询 (domain §6; 《医师法》第二十一条 a website query service). All three conditions are
 * required as in the national query: 所在省份, 医师姓名 (full name, exact) and 所在医疗机构.
 *
 * The institution is matched by its 标准名称 exactly; when nothing in the province has exactly that name, a
 * partial name is accepted if it names ONE institution of the province (name LIKE %q%). Several → the
 * caller is asked for the full standard name (REGISTER_INSTITUTION_AMBIGUOUS, with the candidates):
 * the public register answers about one named place of practice, never a list of an area's physicians.
 *
 * Every search costs a captcha and counts against the client's quota; both are committed on their own
 * (autocommit), so a wrong captcha or an empty result still counts.
 */
export async function searchRegister(deps: Deps, input: RegisterSearchInput, client: PublicClient) {
  const auto = reading(deps);
  await hitPublicQuota(auto, 'search', client.ip);
  await consumeCaptcha(auto, input.captchaId, input.captchaAnswer);

  const institutionIds = await resolveInstitutions(deps, input.provinceCode, input.institutionName);
  const rows = await registerRowsByNameAndInstitutions(auto, input.name, institutionIds);
  return { items: rows.map(presentPublicRegistration) };
}

async function resolveInstitutions(deps: Deps, provinceCode: string, institutionName: string): Promise<string[]> {
  const c = reading(deps);
  const exact = await institutionsNamedExactly(c, provinceCode, institutionName);
  if (exact.length > 0) return exact.map((i) => i.id);
  const partial = await institutionsNameContaining(c, provinceCode, institutionName, CANDIDATES_SHOWN + 1);
  if (partial.length <= 1) return partial.map((i) => i.id);
  const names = partial.slice(0, CANDIDATES_SHOWN).map((i) => i.name);
  throw RegisterErrors.REGISTER_INSTITUTION_AMBIGUOUS({
    path: ['institutionName'],
    detail: `“${institutionName}”对应多家医疗机构（${names.join('、')}${partial.length > CANDIDATES_SHOWN ? '等' : ''}），请输入完整的机构标准名称`,
    extra: { candidates: names },
  });
}

/**
 * 证书核验: the page a certificate's QR code opens. Says whether the certificate is valid NOW: only a
 * registration in status valid is 有效; cancelled, suspended, filed or transferred out → 无效 with the status and
 * since when. An unknown token → CERTIFICATE_NOT_FOUND.
 */
export async function verifyCertificate(deps: Deps, token: string, client: PublicClient) {
  const c = reading(deps);
  await hitPublicQuota(c, 'verify', client.ip);
  const row = await registerRowByVerifyToken(c, token);
  if (!row) throw RegisterErrors.CERTIFICATE_NOT_FOUND({ detail: '未查询到该证书，请核对二维码是否完整、清晰' });
  const registration = presentPublicRegistration(row);
  const valid = row.status === 'valid';
  return {
    valid,
    verdict: valid ? ('有效' as const) : ('无效' as const),
    reason: valid ? '该医师执业注册当前有效' : `该执业注册当前状态为“${registration.statusLabel}”，证书无效`,
    checkedAt: deps.now().toISOString(),
    registration,
  };
}
