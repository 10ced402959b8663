import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { certificateContentDisposition } from './presenter';
import { certificatePdf } from './service';
import { binary } from '../../http/responses';
import { problemResponses } from '../../http/problem-schema';

const CertificatePdf = binary('application/pdf', '电子化医师执业证书（PDF）');

const RegistrationParams = z.object({ id: z.uuid('执业注册编号无效') });

function sendPdf(reply: FastifyReply, result: { pdf: Buffer; licenceCode: string }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', certificateContentDisposition(result.licenceCode))
    // It carries the holder's birth date and masked ID: no shared caches.
    .header('cache-control', 'private, no-store')
    .send(result.pdf);
}

/** BT-10 电子证照: the electronic practice certificate as a PDF. */
export async function certificatesRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/physician/registrations/:id/certificate.pdf', {
    config: { audience: ['physician'] },
    schema: { tags: ['电子证照'], summary: '下载本人的电子化医师执业证书（PDF）', params: RegistrationParams, response: { 200: CertificatePdf, ...problemResponses({ 409: ['CERTIFICATE_NOT_AVAILABLE'] }) } },
  }, async (req, reply) => sendPdf(reply, await certificatePdf(deps, accountActor(req), req.params.id)));

  app.get('/api/v1/registrations/:id/certificate.pdf', {
    config: { audience: ['institution', 'authority'] },
    schema: { tags: ['电子证照'], summary: '查看电子证照：主要执业机构或辖区卫生健康行政部门查看医师的电子化执业证书（PDF）', params: RegistrationParams, response: { 200: CertificatePdf, ...problemResponses({ 409: ['CERTIFICATE_NOT_AVAILABLE'] }) } },
  }, async (req, reply) => sendPdf(reply, await certificatePdf(deps, accountActor(req), req.params.id)));
}
