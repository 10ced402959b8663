import { CommonErrors, UPLOAD_LIMITS } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import type { AccountActor } from '../../http/actor';
import { chineseDate } from '../../pdf/layout';
import { CERTIFICATE_LAYOUT_VERSION, renderCertificate } from '../../pdf/certificate';
import { certificateVerifyToken } from '../../security/tokens';
import { cachedPdf } from '../../storage/pdf-cache';
import { audit, auditActorOf } from '../audit/service';
import { PUBLIC_STATUS_TEXT } from '../register/presenter';
import { CertificateErrors } from './errors';
import { canViewCertificate } from './policy';
import { toCertificateData, verifyUrl } from './presenter';
import { applicationPhotoSha256, ensureVerifyToken, findCertificateSource, type CertificateSource } from './queries';

/**
 * BT-10 电子化医师执业证书: the PDF of a valid registration, for those the policy admits (others: 404).
 * The rendering is shared by every process through the PDF cache, keyed by what the certificate prints
 * (items, photo, QR link, layout): a change of any of them gives the next download a new rendering.
 */
export async function certificatePdf(deps: Deps, actor: AccountActor, registrationId: string): Promise<{ pdf: Buffer; licenceCode: string }> {
  const c = reading(deps);
  const source = await findCertificateSource(c, registrationId);
  if (!source || !canViewCertificate(actor, source)) throw CommonErrors.NOT_FOUND({ detail: '未找到该执业注册信息' });
  const licenceCode = assertIssuable(source);

  const token = source.verifyToken ?? await inTransaction(deps, (tc) => ensureVerifyToken(tc, registrationId, certificateVerifyToken()));
  const photoSha = (await applicationPhotoSha256(c, source.applicationId)) ?? source.physicianPhotoSha256;
  const data = toCertificateData(source, { licenceCode, verifyUrl: verifyUrl(deps.config.publicBaseUrl, token), photo: null, issuedAt: '' });
  const { pdf, rendered } = await cachedPdf(deps, {
    kind: 'certificate',
    subjectId: registrationId,
    printed: { layout: CERTIFICATE_LAYOUT_VERSION, ...data, photo: photoSha, issuedAt: undefined },
    sealed: false,
    render: async () => renderCertificate({
      ...data,
      photo: photoSha ? ((await deps.blobs.get(c.tx, photoSha, { maxBytes: UPLOAD_LIMITS.photoBytes })) ?? null) : null,
      issuedAt: deps.now().toISOString(),
    }),
  });
  await audit(c, auditActorOf(actor), 'certificate.download', 'registration', registrationId, { licenceCode, rendered });
  return { pdf, licenceCode };
}

/** Only a valid registration with a 执业证书编码 has a certificate (a cancelled one must not circulate). */
function assertIssuable(s: CertificateSource): string {
  if (s.status !== 'valid') {
    throw CertificateErrors.CERTIFICATE_NOT_AVAILABLE({
      detail: `该执业注册当前状态为“${PUBLIC_STATUS_TEXT[s.status]}”（${chineseDate(s.statusSince.toISOString())}起），电子化医师执业证书已失效，不能下载`,
      extra: { registrationStatus: s.status },
    });
  }
  if (!s.licenceCode) throw CertificateErrors.CERTIFICATE_NOT_AVAILABLE({ detail: '该执业注册尚未分配执业证书编码，暂不能下载电子化医师执业证书' });
  return s.licenceCode;
}
