import { sql } from 'drizzle-orm';
import type { Deps } from '../context';
import { qualifications } from '../db/schema/index';
import { sealCertCode } from './cert-code';

const BATCH = 200;

/**
 * Start-up step after the migrations (migration 20261201110000): seals 资格证书编码 still stored in plain text
 * in `qualifications.cert_code` into the encrypted, hashed and masked columns and empties the plain one. A
 * migration cannot do this, since it has no access to the application's key. Idempotent (a sealed row has no
 * plain code left) and safe with several processes starting at once (rows are taken with SKIP LOCKED).
 * Returns how many rows were sealed.
 */
export async function sealLegacyCertCodes(deps: Deps): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await deps.db.transaction(async (tx) => {
      const result = (await tx.execute(sql`SELECT id, cert_code FROM qualifications WHERE cert_code IS NOT NULL
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`)) as unknown as { rows: { id: string; cert_code: string }[] };
      for (const row of result.rows) {
        const sealed = sealCertCode(deps.pii, row.cert_code);
        // The plain column is not in the drizzle schema (nothing may read it), hence plain SQL here.
        await tx.execute(sql`UPDATE ${qualifications} SET cert_code = NULL, cert_code_enc = ${sealed.certCodeEnc},
          cert_code_hash = ${sealed.certCodeHash}, cert_code_masked = ${sealed.certCodeMasked} WHERE id = ${row.id}`);
      }
      return result.rows.length;
    });
    total += sealed;
    if (sealed < BATCH) return total;
  }
}
