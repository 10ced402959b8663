import { createTestApp } from '../helpers/test-app';
import { blobStoreContract } from './blob-store-contract';

blobStoreContract('PostgresBlobStore (bytes in blobs.content)', () => createTestApp());
