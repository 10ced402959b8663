import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../context';
import { RegisterSearchBody, RegisterSearchResult, VerifyParams, VerifyResult } from './schemas';
import { searchRegister, verifyCertificate } from './service';

/** 公众查询 (domain §6): no sign-in, captcha and per-client quotas instead. */
export async function registerRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/register/search', {
    config: { audience: ['public'] },
    schema: {
      tags: ['公众查询'],
      summary: '医师执业注册信息查询（所在省份 + 医师姓名 + 所在医疗机构 + 验证码）',
      body: RegisterSearchBody,
      response: { 200: RegisterSearchResult },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return searchRegister(deps, req.body, { ip: req.ip });
  });

  app.get('/api/v1/register/certificates/:token', {
    config: { audience: ['public'] },
    schema: {
      tags: ['公众查询'],
      summary: '电子化医师执业证书核验（证书二维码打开的页面）',
      params: VerifyParams,
      response: { 200: VerifyResult },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return verifyCertificate(deps, req.params.token, { ip: req.ip });
  });
}
