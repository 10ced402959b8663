import { CERTIFICATE_STATUS_LABELS, todayInChina } from '@medreg/domain';
import type { Ctx, Deps } from '../../context';
import { reading, readingReplica } from '../../context';
import { consumeCaptcha } from '../accounts/captcha';
import { certificateByVerifyToken, latestReplacement, type CertificateRecord } from './certificate-queries';
import { RegisterErrors } from './errors';
import { presentPublicRegistration } from './presenter';
import {
  institutionsNameContaining, institutionsNamedExactly, publicFilingsOf, registerRowById, registerRowsByNameAndInstitutions,
} from './queries';
import { hitPublicQuota } from './rate-limits';
import { supervisionNoticesOf } from '../supervision/public-notices';
import { verdictOf, verifyReason, verifyState, type Replacement, type VerifyState } from './verification';

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
  const auto = readingReplica(deps);
  await hitPublicQuota(reading(deps), 'search', client.ip);
  await consumeCaptcha(reading(deps), input.captchaId, input.captchaAnswer);

  const institutionIds = await resolveInstitutions(deps, input.provinceCode, input.institutionName);
  const today = todayInChina(deps.now());
  const rows = await registerRowsByNameAndInstitutions(auto, input.name, institutionIds, today);
  const filings = await publicFilingsOf(auto, rows.filter((r) => r.status === 'valid').map((r) => r.id), today);
  const notices = await supervisionNoticesOf(auto, rows.filter((r) => r.status === 'suspended' || r.status === 'cancelled').map((r) => r.id), today);
  return { items: rows.map((r) => presentPublicRegistration(r, filings, notices.get(r.id))) };
}

async function resolveInstitutions(deps: Deps, provinceCode: string, institutionName: string): Promise<string[]> {
  const c = readingReplica(deps);
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
 * 证书核验: the page a certificate's QR code opens. The token is looked up among ALL certificates, so the QR code of
 * a replaced certificate still answers — 已换发, with the date and the certificate to rely on instead (domain §2.2
 * BT-09: every change of what the certificate prints issues a new one). Only the registration's current certificate
 * of a valid registration is 有效; a voided one (注销) says 已废止; a current certificate of a registration that is not
 * valid says the registration's status (中止执业, 注册备案, 变更出, 已注销) and since when. Unknown token → CERTIFICATE_NOT_FOUND.
 * The registration shown is the certificate's own, or for a replaced certificate the registration of its replacement
 * (after 助理升执业 or a change of main institution that is a new record).
 */
export async function verifyCertificate(deps: Deps, token: string, client: PublicClient) {
  const c = readingReplica(deps);
  await hitPublicQuota(reading(deps), 'verify', client.ip);
  const notFound = () => RegisterErrors.CERTIFICATE_NOT_FOUND({ detail: '未查询到该证书，请核对二维码是否完整、清晰' });
  const certificate = await certificateByVerifyToken(c, token);
  if (!certificate) throw notFound();
  const own = await registerRowById(c, certificate.registrationId);
  if (!own) throw notFound();
  const replacement = await replacementOf(c, certificate);

  const state = verifyState(certificate, own);
  const shown = replacement?.registration ?? own;
  const today = todayInChina(deps.now());
  const filings = shown.status === 'valid' ? await publicFilingsOf(c, [shown.id], today) : [];
  const notice = (await supervisionNoticesOf(c, shown.status === 'valid' ? [] : [shown.id], today)).get(shown.id);
  const reason = verifyReason(state, certificate, own, replacement);
  return {
    valid: state === 'valid',
    state,
    verdict: verdictOf(state, own),
    reason: notice && shown === own ? `${reason}：${notice.text}` : reason,
    checkedAt: deps.now().toISOString(),
    certificate: presentCertificate(certificate, state),
    replacedBy: replacement ? presentReplacement(replacement) : null,
    registrationOf: replacement ? ('replacement' as const) : ('certificate' as const),
    registration: presentPublicRegistration(shown, filings, notice),
  };
}

async function replacementOf(c: Ctx, certificate: CertificateRecord): Promise<Replacement | null> {
  const latest = await latestReplacement(c, certificate);
  if (!latest) return null;
  const registration = await registerRowById(c, latest.registrationId);
  return registration ? { certificate: latest, registration } : null;
}

function presentReplacement(r: Replacement) {
  const state = verifyState(r.certificate, r.registration);
  return { ...presentCertificate(r.certificate, state), valid: state === 'valid', verdict: verdictOf(state, r.registration) };
}

/** The certificate's own status; the current certificate of a registration that is not valid reads 已失效, never 有效. */
function presentCertificate(x: CertificateRecord, state: VerifyState) {
  return {
    licenceCode: x.licenceCode,
    issuedOn: x.issuedOn,
    status: x.status,
    statusLabel: state === 'registration_not_valid' ? '已失效' : CERTIFICATE_STATUS_LABELS[x.status],
    /** When it was replaced or voided; null while issued. */
    statusSince: x.status === 'issued' ? null : x.statusSince.toISOString(),
  };
}
