import type { Config } from '../config';
import type { Db } from '../db/engine';
import type { BlobStore } from './blob-store';
import { PostgresBlobStore } from './postgres-blob-store';
import { S3BlobStore } from './s3-blob-store';
import { createS3Client } from './s3-client';

/** The BlobStore the configuration selects (MEDREG_BLOB_STORE): the database by default. */
export function createBlobStore(config: Config, db: Db): BlobStore {
  switch (config.MEDREG_BLOB_STORE) {
    case 'postgres':
      return new PostgresBlobStore(db);
    case 's3':
      // loadConfig refuses s3 without a bucket already; this keeps a hand-built Config from getting further.
      if (!config.MEDREG_S3_BUCKET) throw new Error('MEDREG_BLOB_STORE=s3 需要设置 MEDREG_S3_BUCKET');
      return new S3BlobStore(createS3Client(config), config.MEDREG_S3_BUCKET, config.MEDREG_S3_PREFIX);
  }
}
