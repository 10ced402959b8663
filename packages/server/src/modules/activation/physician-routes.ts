import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '@medreg/domain';
import type { Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { redeemActivation } from './redeem';
import { ActivationOutcome } from './responses';

const NonEmpty = (message: string, max: number) => plainText().trim().min(1, message).max(max, message);

/** One body per path of §3.3; `method` names the path. */
const ActivationBody = z.discriminatedUnion('method', [
  z.object({ method: z.literal('institution_code'), code: NonEmpty('请输入激活码', 32) }),
  z.object({ method: z.literal('qualification_code'), certCode: NonEmpty('请输入资格证书编码', 40) }),
  z.object({ method: z.literal('admission_ticket'), admissionTicketNo: z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/, '准考证号应为6–20位数字或字母') }),
  z.object({ method: z.literal('auto_on_approval') }),
]);

export async function activationPhysicianRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/physician/activation', {
    config: { audience: ['physician'], rateLimited: true },
    schema: {
      tags: ['账户激活'],
      summary: '【激活我的账户】：机构激活码、资格证书编码、准考证号，或（未实施电子化注册地区）审批通过后自动激活',
      body: ActivationBody,
      response: { 200: ActivationOutcome },
    },
  }, async (req) => redeemActivation(deps, accountActor(req), req.body));
}
