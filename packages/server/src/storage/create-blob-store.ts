import type { Config } from '../config';
import type { Db } from '../db/engine';
import type { BlobStore } from './blob-store';
import { PostgresBlobStore } from './postgres-blob-store';

/** The BlobStore the configuration selects (MEDREG_BLOB_STORE): the database by default. */
export function createBlobStore(config: Config, db: Db): BlobStore {
  switch (config.MEDREG_BLOB_STORE) {
    case 'postgres':
      return new PostgresBlobStore(db);
    case 's3':
      throw new Error('MEDREG_BLOB_STORE=s3 is not available in this build');
  }
}
