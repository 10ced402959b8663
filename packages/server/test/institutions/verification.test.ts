import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makeIdNumber, makeInstitution } from '../helpers/factories';
import { makeRegisteredPhysician } from '../helpers/institutions-factories';
import { VERIFICATION_RATE_LIMIT } from '../../src/modules/institutions/verification';

type Result = {
  found: boolean; message?: string;
  physician?: { name: string; idNumberMasked: string };
  registrations?: { practiceLocation: string; mainInstitutionName: string; statusLabel: string; licenceCode: string; institutionMatches: boolean; locationMatches: boolean; message: string; authorityName: string }[];
  summary?: { result: string; message: string };
};

let t: TestApp;
let clerk: Agent;
let inst: Awaited<ReturnType<typeof makeInstitution>>;
let other: Awaited<ReturnType<typeof makeInstitution>>;

beforeAll(async () => {
  t = await createTestApp();
  inst = await makeInstitution(t.deps, { name: '北京市验证测试医院', areaCode: '110108' });
  other = await makeInstitution(t.deps, { name: '深圳市验证对照医院', areaCode: '440305' });
  clerk = await loggedIn(t.app, inst.clerkLogin, PASSWORD);
});

afterAll(async () => {
  await t.close();
});

async function verify(agent: Agent, name: string, idNumber: string): Promise<Result> {
  const res = await agent.post('/api/v1/institution/physician-verification', { name, idNumber });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
}

describe('医师验证', () => {
  it('confirms a registration whose 执业地点 and main institution match this institution', async () => {
    const p = await makeRegisteredPhysician(t.deps, inst, { name: '陈验证' });
    const r = await verify(clerk, '陈验证', p.idNumber);
    expect(r.found).toBe(true);
    expect(r.summary?.result).toBe('match');
    expect(r.registrations![0]).toMatchObject({ practiceLocation: '北京市', mainInstitutionName: '北京市验证测试医院', statusLabel: '有效', institutionMatches: true, locationMatches: true });
    expect(r.registrations![0]!.licenceCode).toHaveLength(15);
    expect(r.physician!.idNumberMasked).toContain('********');
    expect(JSON.stringify(r)).not.toContain(p.idNumber);
  });

  it('says which commission to contact when the registration names another institution and place', async () => {
    const p = await makeRegisteredPhysician(t.deps, other, { name: '林不符' });
    const r = await verify(clerk, '林不符', p.idNumber);
    expect(r.summary?.result).toBe('mismatch');
    const reg = r.registrations![0]!;
    expect(reg.institutionMatches).toBe(false);
    expect(reg.locationMatches).toBe(false);
    expect(reg.message).toContain('深圳市验证对照医院');
    expect(reg.message).toContain(`请联系${reg.authorityName}处理`);
    expect(r.summary?.message).toContain('请联系');
    expect(r.summary?.message).toContain('卫生健康委员会');
  });

  it('flags a wrong 执业地点 even when the institution is right (assistant: the county)', async () => {
    const p = await makeRegisteredPhysician(t.deps, inst, { name: '黄助理', level: 'assistant', practiceLocationCode: '110105' });
    const r = await verify(clerk, '黄助理', p.idNumber);
    expect(r.summary?.result).toBe('mismatch');
    expect(r.registrations![0]).toMatchObject({ institutionMatches: true, locationMatches: false });
    expect(r.registrations![0]!.message).toContain('北京市海淀区');
  });

  it('tells a physician without a current registration to activate with the 资格证书编码', async () => {
    const p = await makeRegisteredPhysician(t.deps, inst, { name: '何注销', status: 'cancelled' });
    const r = await verify(clerk, '何注销', p.idNumber);
    expect(r.summary?.result).toBe('no_current_registration');
    expect(r.summary?.message).toContain('资格证书编码');
  });

  it('says not found, and nothing else, for an unknown person or a wrong name', async () => {
    const p = await makeRegisteredPhysician(t.deps, inst, { name: '郭真名' });
    for (const [name, id] of [['郭假名', p.idNumber], ['郭真名', makeIdNumber()]] as const) {
      const r = await verify(clerk, name, id);
      expect(r).toEqual({ found: false, message: expect.stringContaining('未查询到') });
    }
  });

  it('refuses an invalid 身份证号 at its field', async () => {
    const p = expectProblem(await clerk.post('/api/v1/institution/physician-verification', { name: '张三', idNumber: '123' }), 400, 'ID_NUMBER_INVALID');
    expect(p.errors?.[0]?.path).toEqual(['idNumber']);
  });

  it('limits look-ups per account', async () => {
    const agent = await loggedIn(t.app, inst.adminLogin, PASSWORD);
    const id = makeIdNumber();
    for (let i = 0; i < VERIFICATION_RATE_LIMIT.hits; i++) {
      const res = await agent.post('/api/v1/institution/physician-verification', { name: '频繁查', idNumber: id });
      expect(res.statusCode).toBe(200);
    }
    expectProblem(await agent.post('/api/v1/institution/physician-verification', { name: '频繁查', idNumber: id }), 429, 'RATE_LIMITED');
    // Another account of the same institution is not affected.
    expect((await clerk.post('/api/v1/institution/physician-verification', { name: '频繁查', idNumber: id })).statusCode).toBe(200);
  });
});
