import { CommonErrors } from '@medreg/domain';
import type { Ctx, Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import type { AccountActor } from '../../http/actor';
import { chineseDate } from '../../pdf/layout';
import { renderCertificate } from '../../pdf/certificate';
import { certificateVerifyToken } from '../../security/tokens';
import { audit, auditActorOf } from '../audit/service';
import { PUBLIC_STATUS_TEXT } from '../register/presenter';
import { CertificateErrors } from './errors';
import { canViewCertificate } from './policy';
import { toCertificateData, verifyUrl } from './presenter';
import {
  applicationPhotoSha256, clearCertificateSha, ensureVerifyToken, findCertificateSource, recordBlob, saveCertificateSha,
  type CertificateSource,
} from './queries';

/**
 * BT-10 电子化医师执业证书: the PDF of a valid registration, for those the policy admits (others: 404).
 * The rendered file is kept in the BlobStore (registrations.certificate_sha256 + a blobs row) and rendered
 * again only when it is missing; whoever changes a certificate's items calls `invalidateCertificates`.
 */
export async function certificatePdf(deps: Deps, actor: AccountActor, registrationId: string): Promise<{ pdf: Buffer; licenceCode: string }> {
  const source = await findCertificateSource(reading(deps), registrationId);
  if (!source || !canViewCertificate(actor, source)) throw CommonErrors.NOT_FOUND({ detail: '未找到该执业注册信息' });
  const licenceCode = assertIssuable(source);

  const cached = source.certificateSha256 ? await deps.blobs.get(source.certificateSha256) : undefined;
  const pdf = cached ?? await inTransaction(deps, (c) => renderAndStore(c, registrationId));
  await audit(reading(deps), auditActorOf(actor), 'certificate.download', 'registration', registrationId, { licenceCode, rendered: !cached });
  return { pdf, licenceCode };
}

/** Renders under the registration's row lock, so concurrent first downloads render once. */
async function renderAndStore(c: Ctx, registrationId: string): Promise<Buffer> {
  const source = await findCertificateSource(c, registrationId, { lock: true });
  if (!source) throw CommonErrors.NOT_FOUND({ detail: '未找到该执业注册信息' });
  const licenceCode = assertIssuable(source);
  if (source.certificateSha256) {
    const stored = await c.blobs.get(source.certificateSha256);
    if (stored) return stored;
  }
  const token = await ensureVerifyToken(c, registrationId, certificateVerifyToken());
  const pdf = await renderCertificate(toCertificateData(source, {
    licenceCode,
    verifyUrl: verifyUrl(c.config.publicBaseUrl, token),
    photo: await photoOf(c, source),
    issuedAt: c.now().toISOString(),
  }));
  const sha = await c.blobs.put(pdf);
  await recordBlob(c, sha, 'application/pdf', pdf.length);
  await saveCertificateSha(c, registrationId, sha);
  return pdf;
}

/** The photo of the application behind the registration; else the physician's photo on file; else none. */
async function photoOf(c: Ctx, source: CertificateSource): Promise<Buffer | null> {
  const sha = (await applicationPhotoSha256(c, source.applicationId)) ?? source.physicianPhotoSha256;
  return sha ? ((await c.blobs.get(sha)) ?? null) : null;
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

/**
 * Drops the cached certificate PDF(s) so the next download shows the current data. Call it in the same
 * transaction as any change to what the certificate prints (scopes, institution, name, photo …).
 */
export async function invalidateCertificates(c: Ctx, where: { registrationId: string } | { physicianId: string }): Promise<void> {
  await clearCertificateSha(c, where);
}
