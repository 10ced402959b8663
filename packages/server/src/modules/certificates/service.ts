import { CommonErrors, UPLOAD_LIMITS, decision } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading, type Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { chineseDate } from '../../pdf/layout';
import { CERTIFICATE_LAYOUT_VERSION, renderCertificate } from '../../pdf/certificate';
import { cachedPdf } from '../../storage/pdf-cache';
import { audit, auditActorOf } from '../audit/service';
import { issueCertificate } from '../lifecycle/apply-plan';
import { PUBLIC_STATUS_TEXT } from '../register/presenter';
import { CertificateErrors } from './errors';
import { currentInfoValues } from '../info-edits/current-values';
import { canViewCertificate } from './policy';
import { toCertificateData, verifyUrl } from './presenter';
import {
  findCertificateSource, issuedCertificateOf, latestCertificateOf, type CertificateSource, type IssuedCertificate,
} from './queries';

/**
 * BT-10 电子化医师执业证书: the PDF of a valid registration's CURRENT certificate — its `issued` certificates row, whose
 * QR token and 核发日期 it prints — for those the policy admits (others: 404). A change that alters what the
 * certificate prints issues a new certificate (domain §2.2 BT-09), so the next download prints the new token.
 * The rendering is shared by every process through the PDF cache, keyed by what the certificate prints
 * (items, photo, QR link, date of issue, layout): a change of any of them gives the next download a new rendering.
 */
export async function certificatePdf(deps: Deps, actor: AccountActor, registrationId: string): Promise<{ pdf: Buffer; licenceCode: string }> {
  const c = reading(deps);
  const source = await findCertificateSource(c, registrationId);
  if (!source || !canViewCertificate(actor, source)) throw CommonErrors.NOT_FOUND({ detail: '未找到该执业注册信息' });
  await assertIssuable(c, source);
  const certificate = (await issuedCertificateOf(c, registrationId)) ?? await issueMissingCertificate(deps, actor, registrationId);
  const licenceCode = certificate.licenceCode ?? source.licenceCode!;

  // The photo as last approved in 个人信息修改 (BT-11), else the one of the application that created the registration.
  const photoSha = (await currentInfoValues(c, registrationId)).photoSha256 ?? source.physicianPhotoSha256;
  const data = toCertificateData(source, {
    licenceCode, verifyUrl: verifyUrl(deps.config.publicBaseUrl, certificate.verifyToken), photo: null, issuedOn: certificate.issuedOn,
  });
  const { pdf, rendered } = await cachedPdf(deps, {
    kind: 'certificate',
    subjectId: registrationId,
    printed: { layout: CERTIFICATE_LAYOUT_VERSION, ...data, photo: photoSha },
    sealed: false,
    render: async () => renderCertificate({
      ...data,
      photo: photoSha ? ((await deps.blobs.get(c.tx, photoSha, { maxBytes: UPLOAD_LIMITS.photoBytes })) ?? null) : null,
    }),
  });
  await audit(c, auditActorOf(actor), 'certificate.download', 'registration', registrationId, { licenceCode, certificateId: certificate.id, rendered });
  return { pdf, licenceCode };
}

/**
 * Only a valid registration with a 执业证书编码 has a certificate (a cancelled one must not circulate). A record closed
 * because it continues in a new one (变更出: 助理升执业, a new main institution or 执业地点) points to the new certificate.
 */
async function assertIssuable(c: Ctx, s: CertificateSource): Promise<void> {
  if (s.status !== 'valid') {
    const latest = await latestCertificateOf(c, s.id);
    const replaced = latest?.status === 'superseded' && latest.replacedByLicenceCode
      ? `；执业证书已换发，新证书执业证书编码为${latest.replacedByLicenceCode}，请下载新证书` : '';
    throw CertificateErrors.CERTIFICATE_NOT_AVAILABLE({
      detail: `该执业注册当前状态为“${PUBLIC_STATUS_TEXT[s.status]}”（${chineseDate(s.statusSince.toISOString())}起），电子化医师执业证书已失效，不能下载${replaced}`,
      extra: { registrationStatus: s.status, ...(replaced ? { replacedByLicenceCode: latest!.replacedByLicenceCode } : {}) },
    });
  }
  if (!s.licenceCode) throw CertificateErrors.CERTIFICATE_NOT_AVAILABLE({ detail: '该执业注册尚未分配执业证书编码，暂不能下载电子化医师执业证书' });
}

/**
 * A valid registration with no certificate record at all (approved before certificates were recorded) gets the one
 * its approval granted, recorded now (《医师法》第十三条: issue on registration; issued on = 批准注册日期). The registration
 * row is locked first, so concurrent first downloads record one certificate. A registration that HAD certificates
 * but none is current is refused: issuing one is a decision's (BT-09 补发/换领), not a download's.
 */
async function issueMissingCertificate(deps: Deps, actor: AccountActor, registrationId: string): Promise<IssuedCertificate> {
  return inTransaction(deps, async (c) => {
    const locked = await findCertificateSource(c, registrationId, { lock: true });
    if (!locked) throw CommonErrors.NOT_FOUND({ detail: '未找到该执业注册信息' });
    await assertIssuable(c, locked);
    const current = await issuedCertificateOf(c, registrationId);
    if (current) return current;
    if (await latestCertificateOf(c, registrationId)) {
      throw CertificateErrors.CERTIFICATE_NOT_AVAILABLE({ detail: '该执业注册当前没有有效的执业证书，请申请补发/换领执业证书' });
    }
    await issueCertificate(c, registrationId, null, { applicationId: locked.applicationId, actor: auditActorOf(actor), cause: decision('first_registration') });
    return (await issuedCertificateOf(c, registrationId))!;
  });
}
