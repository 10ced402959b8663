import { z } from 'zod';
import { parseTrustProxy } from './http/trust-proxy';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * Every setting medreg reads from the environment, validated once at start.
 * README.md lists them with their defaults.
 */
export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** PostgreSQL connection string; unset → embedded PGlite under MEDREG_DATA_DIR. */
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** A read replica of DATABASE_URL for the public register search, certificate verification and FHIR reads; unset → DATABASE_URL. Ignored on PGlite. */
    READ_DATABASE_URL: z.string().url().optional(),
    MEDREG_DATA_DIR: z.string().default('./data'),
    /** 32-byte key (base64) for 身份证号 encryption; required in production, generated into the data directory otherwise. */
    MEDREG_PII_KEY: z.string().optional(),
    /** Public base URL printed in certificate QR codes. */
    PUBLIC_BASE_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Seed demo data when the database is empty (`npm start` asks for it with --demo). Refused in production. */
    MEDREG_DEMO_DATA: bool.default(false),
    /** Development only: captchas accept the answer "test" — for automated tests. Refused in production. */
    MEDREG_TEST_CAPTCHA: bool.default(false),
    /** Development only: the development inbox (page and API) shows outbox messages. Refused in production. */
    MEDREG_DEV_INBOX: bool.optional(),
    /** Development and tests only: the server's clock runs this many days ahead (negative: behind). Refused in production. */
    MEDREG_CLOCK_OFFSET_DAYS: z.coerce.number().int('MEDREG_CLOCK_OFFSET_DAYS 须为整数天数').min(-3650).max(3650).default(0),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
    /** Legal decision period in working days (《医师法》第十三条: 20 working days). */
    DECISION_LIMIT_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(20),
    COOKIE_SECURE: bool.optional(),
    /** Where file bytes live: `postgres` (default, the blobs table) or `s3` (an S3-compatible bucket; index rows stay in the database). */
    MEDREG_BLOB_STORE: z.enum(['postgres', 's3']).default('postgres'),
    /** The S3-compatible server, e.g. http://minio:9000; unset → AWS S3 in MEDREG_S3_REGION. */
    MEDREG_S3_ENDPOINT: z.string().url().optional(),
    MEDREG_S3_REGION: z.string().default('us-east-1'),
    MEDREG_S3_BUCKET: z.string().optional(),
    MEDREG_S3_ACCESS_KEY_ID: z.string().optional(),
    MEDREG_S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Path-style addressing (http://host/bucket/key), as MinIO and most self-hosted stores need. */
    MEDREG_S3_FORCE_PATH_STYLE: bool.default(true),
    /** Prepended to each object's key (`blobs/<sha256>`), so that medreg can share a bucket. */
    MEDREG_S3_PREFIX: z.string().default('blobs/'),
    /** How long an unreferenced blob is kept before the garbage job removes it. */
    BLOB_GC_GRACE_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
    /** Proxies whose X-Forwarded-For is believed: unset = nobody; a hop count; or addresses/CIDRs, comma-separated. */
    TRUST_PROXY: z.string().optional().transform((raw, ctx) => {
      const parsed = parseTrustProxy(raw);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.value;
    }),
  })
  .transform((c) => ({
    ...c,
    devInbox: c.MEDREG_DEV_INBOX ?? c.NODE_ENV !== 'production',
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    publicBaseUrl: c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`,
  }))
  .superRefine((c, ctx) => {
    if (c.MEDREG_BLOB_STORE === 's3') {
      if (!c.MEDREG_S3_BUCKET) ctx.addIssue({ code: 'custom', path: ['MEDREG_S3_BUCKET'], message: 'MEDREG_BLOB_STORE=s3 需要设置 MEDREG_S3_BUCKET（存放照片、材料和 PDF 的存储桶）' });
      // Both keys or neither: without them the AWS SDK's standard credential chain applies (README).
      if (Boolean(c.MEDREG_S3_ACCESS_KEY_ID) !== Boolean(c.MEDREG_S3_SECRET_ACCESS_KEY)) {
        const missing = c.MEDREG_S3_ACCESS_KEY_ID ? 'MEDREG_S3_SECRET_ACCESS_KEY' : 'MEDREG_S3_ACCESS_KEY_ID';
        ctx.addIssue({ code: 'custom', path: [missing], message: `MEDREG_S3_ACCESS_KEY_ID 与 MEDREG_S3_SECRET_ACCESS_KEY 须同时设置（缺少 ${missing}）；都不设置时使用 AWS 标准凭证链（AWS_ACCESS_KEY_ID 等环境变量、~/.aws 配置或实例角色）` });
      }
    }
    if (c.NODE_ENV === 'production') {
      if (c.MEDREG_DEMO_DATA) ctx.addIssue({ code: 'custom', path: ['MEDREG_DEMO_DATA'], message: '生产环境不得加载演示数据（MEDREG_DEMO_DATA / --demo）：请用 npm run create-admin 创建首个管理员' });
      if (c.MEDREG_TEST_CAPTCHA) ctx.addIssue({ code: 'custom', path: ['MEDREG_TEST_CAPTCHA'], message: '生产环境不得开启测试验证码' });
      if (c.MEDREG_DEV_INBOX) ctx.addIssue({ code: 'custom', path: ['MEDREG_DEV_INBOX'], message: '生产环境不得开启开发收件箱' });
      if (c.MEDREG_CLOCK_OFFSET_DAYS) ctx.addIssue({ code: 'custom', path: ['MEDREG_CLOCK_OFFSET_DAYS'], message: '生产环境不得偏移服务器时钟（MEDREG_CLOCK_OFFSET_DAYS 仅用于开发和测试）：期限、到期和定时任务必须按真实日期计算' });
      if (!c.MEDREG_PII_KEY) ctx.addIssue({ code: 'custom', path: ['MEDREG_PII_KEY'], message: '生产环境必须设置 MEDREG_PII_KEY（32 字节 base64）' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** The environment plus the command line: `--demo` asks for demo data like MEDREG_DEMO_DATA=1. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): Config {
  const parsed = ConfigSchema.safeParse(argv.includes('--demo') ? { ...env, MEDREG_DEMO_DATA: '1' } : env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置无效 (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
