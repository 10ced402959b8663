// `npm run blobs:import [-- <directory>]`: moves photos, materials and PDFs that older versions kept as files
// under MEDREG_DATA_DIR/blobs into the configured BlobStore (the database by default). Safe to run again.
// Exit code 0 = everything stored, 1 = some files were corrupt (listed), 2 = could not run.
import path from 'node:path';
import { createDeps, openEngine } from '../bootstrap';
import { loadConfig } from '../config';
import { migrate } from '../db/migrate';
import { importBlobFiles } from '../storage/import-files';

async function main(): Promise<number> {
  const config = loadConfig();
  const root = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : path.join(config.MEDREG_DATA_DIR, 'blobs');
  const { engine, release } = await openEngine(config);
  try {
    await migrate(engine);
    const deps = await createDeps(config, engine);
    const r = await importBlobFiles(deps, root);
    console.log(`${path.resolve(root)}：共 ${r.found} 个文件，导入 ${r.imported} 个，已在存储中 ${r.alreadyStored} 个${r.corrupt.length ? `，损坏（内容与文件名不符，未导入）${r.corrupt.length} 个` : ''}。`);
    for (const rel of r.corrupt) console.log(`  损坏：${rel}`);
    if (r.corrupt.length === 0 && r.found > 0) console.log('全部文件已在存储中；确认无误后可删除该目录。');
    return r.corrupt.length ? 1 : 0;
  } finally {
    await release();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
