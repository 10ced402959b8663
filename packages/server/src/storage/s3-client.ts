import { createHash } from 'node:crypto';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Config } from '../config';

type S3Settings = Pick<Config,
  'MEDREG_S3_ENDPOINT' | 'MEDREG_S3_REGION' | 'MEDREG_S3_ACCESS_KEY_ID' | 'MEDREG_S3_SECRET_ACCESS_KEY' | 'MEDREG_S3_FORCE_PATH_STYLE'>;

/**
 * The S3 client for the bucket the configuration names. Without MEDREG_S3_ACCESS_KEY_ID / MEDREG_S3_SECRET_ACCESS_KEY
 * the SDK's standard chain supplies the credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, the AWS_PROFILE
 * profile in ~/.aws, a web identity token, the ECS container or EC2 instance role: README lists them); without
 * MEDREG_S3_ENDPOINT it talks to AWS S3 in MEDREG_S3_REGION.
 */
export function createS3Client(config: S3Settings): S3Client {
  const settings: S3ClientConfig = {
    region: config.MEDREG_S3_REGION,
    forcePathStyle: config.MEDREG_S3_FORCE_PATH_STYLE,
    ...(config.MEDREG_S3_ENDPOINT ? { endpoint: config.MEDREG_S3_ENDPOINT } : {}),
    ...(config.MEDREG_S3_ACCESS_KEY_ID && config.MEDREG_S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: config.MEDREG_S3_ACCESS_KEY_ID, secretAccessKey: config.MEDREG_S3_SECRET_ACCESS_KEY } }
      : {}),
    // Since 3.729 the SDK adds a CRC32 checksum to every upload it can, and sends a stream body as
    // `aws-chunked` with a trailing checksum (x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER). Many
    // S3-compatible servers (older MinIO and Ceph RGW, several hosted stores) refuse those requests, and some store
    // the chunk framing as the file's content (s3rver does). medreg sends its own Content-MD5 with every upload,
    // which S3 and its look-alikes verify, so the SDK computes a checksum only where an operation requires one
    // (DeleteObjects, below), and validates response checksums only where required: S3BlobStore checks what it
    // reads against the SHA-256 itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // put and remove run inside a database transaction that holds row locks: a store that stops answering must
    // fail the request, not hold the locks for ever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  };
  const client = new S3Client(settings);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'DeleteObjectsCommand') useContentMd5(args.request);
      return next(args);
    },
    // After the SDK's checksum middleware (same step, lower priority), so that its headers can be replaced.
    { step: 'build', priority: 'low', name: 'medregDeleteObjectsContentMd5' },
  );
  return client;
}

/**
 * DeleteObjects is the one operation that always requires a checksum. The SDK sends CRC32 headers; S3 accepts
 * Content-MD5 as well, and older S3-compatible servers accept only that (MissingContentMD5 otherwise).
 */
function useContentMd5(request: unknown): void {
  const r = request as { headers?: Record<string, string>; body?: unknown };
  if (!r.headers || (typeof r.body !== 'string' && !(r.body instanceof Uint8Array))) return;
  for (const name of Object.keys(r.headers)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-checksum-') || lower === 'x-amz-sdk-checksum-algorithm') delete r.headers[name];
  }
  r.headers['content-md5'] = createHash('md5').update(r.body).digest('base64');
}
