import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema, loadConfig } from '../../src/config';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('production safety switches', () => {
  const apps: TestApp[] = [];
  afterAll(async () => { await Promise.all(apps.map((a) => a.close())); });

  it('refuses to start in production with the development inbox or test captchas on', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', MEDREG_PII_KEY: key, MEDREG_DEV_INBOX: '1' })).toThrow(/开发收件箱/);
    expect(() => loadConfig({ NODE_ENV: 'production', MEDREG_PII_KEY: key, MEDREG_TEST_CAPTCHA: '1' })).toThrow(/测试验证码/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MEDREG_PII_KEY/);
  });

  it('has no development inbox and no captcha answers in production', async () => {
    const t = await createTestApp({ NODE_ENV: 'production', MEDREG_TEST_CAPTCHA: '0', MEDREG_PII_KEY: Buffer.alloc(32, 1).toString('base64') });
    apps.push(t);
    expect(t.deps.config.devInbox).toBe(false);
    expect((await t.app.inject('/api/v1/dev/inbox')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/dev/inbox/search', payload: {} })).statusCode).toBe(404);
    const captcha = (await t.app.inject('/api/v1/captcha')).json() as Record<string, unknown>;
    expect(captcha.svg).toBeTruthy();
    expect(captcha.testAnswer).toBeUndefined();
  });

  it('has the development inbox outside production', async () => {
    const t = await createTestApp();
    apps.push(t);
    expect((await t.app.inject('/api/v1/dev/inbox')).statusCode).toBe(200);
  });

  it('defaults to port 3000 and PGlite under ./data', () => {
    const c = ConfigSchema.parse({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.MEDREG_DATA_DIR).toBe('./data');
  });
});

describe('where file bytes live (MEDREG_BLOB_STORE)', () => {
  const issues = (env: Record<string, string>) => {
    const parsed = ConfigSchema.safeParse(env);
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('keeps files in the database unless told otherwise', () => {
    expect(ConfigSchema.parse({}).MEDREG_BLOB_STORE).toBe('postgres');
  });

  it('refuses s3 without a bucket, saying so in Chinese', () => {
    expect(issues({ MEDREG_BLOB_STORE: 's3' })).toEqual([{ path: 'MEDREG_S3_BUCKET', message: expect.stringMatching(/需要设置 MEDREG_S3_BUCKET/) }]);
  });

  it('refuses half an access key, and takes none (the AWS credential chain) or both', () => {
    const base = { MEDREG_BLOB_STORE: 's3', MEDREG_S3_BUCKET: 'medreg' };
    expect(issues({ ...base, MEDREG_S3_ACCESS_KEY_ID: 'AKIA' })).toEqual([{ path: 'MEDREG_S3_SECRET_ACCESS_KEY', message: expect.stringMatching(/须同时设置/) }]);
    expect(issues({ ...base, MEDREG_S3_SECRET_ACCESS_KEY: 'secret' })).toEqual([{ path: 'MEDREG_S3_ACCESS_KEY_ID', message: expect.stringMatching(/须同时设置/) }]);
    expect(issues(base)).toEqual([]);
    expect(issues({ ...base, MEDREG_S3_ACCESS_KEY_ID: 'AKIA', MEDREG_S3_SECRET_ACCESS_KEY: 'secret' })).toEqual([]);
  });
});
