// `npm run audit:verify [-- --json]`: checks the audit hash chain and the application history it covers.
// Exit code 0 = intact, 1 = a broken link (the first one is printed), 2 = could not run.
import { loadConfig } from '../config';
import { createDeps, openEngine } from '../bootstrap';
import { reading } from '../context';
import type { AuditVerification } from '@medreg/domain';
import { verifyAuditChain } from '../modules/audit/verify';

function describe(r: AuditVerification): string {
  const lines = [
    `已校验审计记录 ${r.checkedRows} 条、业务历史 ${r.checkedEvents} 条；链前旧记录 ${r.legacyRows} 条未校验。`,
    r.head ? `链头：序号 ${r.head.seq}，哈希 ${r.head.hash}（${r.head.at}）` : '链为空。',
  ];
  if (r.ok) lines.push('审计日志完整 (audit chain intact)');
  else {
    const b = r.firstBreak!;
    lines.push(`第一处断裂 (first broken link): ${b.table} id=${b.id ?? '-'} seq=${b.seq ?? '-'} [${b.problem}]`);
    lines.push(`  ${b.message}${b.missing ? `（缺失序号 ${b.missing.from}–${b.missing.to}）` : ''}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const config = loadConfig();
  const { engine, release } = await openEngine(config);
  try {
    const deps = await createDeps(config, engine);
    const result = await verifyAuditChain(reading(deps));
    console.log(process.argv.includes('--json') ? JSON.stringify(result, null, 2) : describe(result));
    return result.ok ? 0 : 1;
  } finally {
    await release();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
