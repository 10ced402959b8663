import Fastify from 'fastify';
import { z } from 'zod';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { responseSerializer } from '../../src/http/serializer';

async function appAnswering(testMode: boolean) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(testMode));
  app.get('/x', { schema: { response: { 200: z.object({ name: z.string(), rows: z.array(z.object({ id: z.string() })) }) } } },
    async () => ({ name: '郑一鸣', rows: [{ id: 'a', status: 'valid' }] }) as never);
  await app.ready();
  return app;
}

describe('a declared response schema that forgets a field', () => {
  it('fails the answer in test mode, naming the field the web app would have lost', async () => {
    const app = await appAnswering(true);
    const res = await app.inject('/x');
    expect(res.statusCode).toBe(500);
    await app.close();
  });

  it('drops the undeclared field in production (the schema is the contract)', async () => {
    const app = await appAnswering(false);
    const res = await app.inject('/x');
    expect(res.json()).toEqual({ name: '郑一鸣', rows: [{ id: 'a' }] });
    await app.close();
  });
});
