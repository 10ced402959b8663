import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** What the server was asked: enough to check the headers medreg sends. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** The configuration that points medreg at this server (for createTestApp). */
  env: Record<string, string>;
  /** Every request received, in order. */
  requests: SeenRequest[];
  stop(): Promise<void>;
}

// s3rver's built-in account.
const ACCESS_KEY = 'S3RVER';

/**
 * An S3-compatible server (s3rver) for one test file: on 127.0.0.1, a free port, a new temporary directory, one
 * empty bucket. It checks request signatures like S3 does, so a wrongly signed request fails here too.
 */
export async function startLocalS3(bucket = 'medreg-test'): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'medreg-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const requests: SeenRequest[] = [];
  // A second 'request' listener only watches: s3rver's own listener answers.
  (server as unknown as { httpServer: Server }).httpServer.on('request', (req: IncomingMessage) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
  });
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      MEDREG_BLOB_STORE: 's3',
      MEDREG_S3_ENDPOINT: endpoint,
      MEDREG_S3_BUCKET: bucket,
      MEDREG_S3_ACCESS_KEY_ID: ACCESS_KEY,
      MEDREG_S3_SECRET_ACCESS_KEY: ACCESS_KEY,
      MEDREG_S3_FORCE_PATH_STYLE: '1',
      MEDREG_S3_PREFIX: 'blobs/',
    },
    requests,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
