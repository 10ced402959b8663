import type { Config } from '../config';
import type { Db } from '../db/engine';
import type { BlobStore } from './blob-store';
import { PostgresBlobStore } from './postgres-blob-store';

/**
 * The BlobStore the configuration selects (MEDREG_BLOB_STORE): the database by default. The AWS SDK is imported
 * only when S3 is chosen: it costs most of a second of start-up and tens of MB to every other installation.
 */
export async function createBlobStore(config: Config, db: Db): Promise<BlobStore> {
  switch (config.MEDREG_BLOB_STORE) {
    case 'postgres':
      return new PostgresBlobStore(db);
    case 's3': {
      // loadConfig refuses s3 without a bucket already; this keeps a hand-built Config from getting further.
      if (!config.MEDREG_S3_BUCKET) throw new Error('MEDREG_BLOB_STORE=s3 需要设置 MEDREG_S3_BUCKET');
      const [{ S3BlobStore }, { createS3Client }] = await Promise.all([import('./s3-blob-store'), import('./s3-client')]);
      return new S3BlobStore(createS3Client(config), config.MEDREG_S3_BUCKET, config.MEDREG_S3_PREFIX);
    }
  }
}
