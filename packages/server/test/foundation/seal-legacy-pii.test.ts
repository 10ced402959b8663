// Migration 20261201110000 + the start-up step: 资格证书编码 stored in plain text before the upgrade are sealed
// (encrypted, keyed hash, masked) by the server, idempotently; new plain-text codes are refused by the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeQualificationCode } from '@medreg/domain';
import { sealLegacyCertCodes } from '../../src/security/seal-legacy-pii';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { loggedIn } from '../helpers/agent';
import { makePhysician, PASSWORD } from '../helpers/factories';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

/** Puts a qualification back into the state a row from before the migration is in: only the plain code. */
async function makeLegacy(id: string, code: string) {
  await t.engine.query('ALTER TABLE qualifications DROP CONSTRAINT qualifications_cert_code_not_plain');
  await t.engine.query('UPDATE qualifications SET cert_code = $1, cert_code_enc = NULL, cert_code_hash = NULL, cert_code_masked = NULL WHERE id = $2', [code, id]);
  await t.engine.query('ALTER TABLE qualifications ADD CONSTRAINT qualifications_cert_code_not_plain CHECK (cert_code IS NULL) NOT VALID');
}

describe('plain-text 资格证书编码 from before the upgrade', () => {
  it('are sealed at start-up, once, and still work for the holder', async () => {
    const doctors = [await makePhysician(t.deps, { name: '诸葛文静' }), await makePhysician(t.deps, { name: '上官志远' })];
    for (const d of doctors) await makeLegacy(d.qualification.id, d.certCode!);

    expect(await sealLegacyCertCodes(t.deps)).toBe(2);
    expect(await sealLegacyCertCodes(t.deps)).toBe(0);

    const rows = await t.engine.query<{ cert_code: string | null; cert_code_masked: string }>(
      'SELECT cert_code, cert_code_masked FROM qualifications WHERE id = ANY($1::uuid[])', [doctors.map((d) => d.qualification.id)]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.cert_code).toBeNull();
      expect(row.cert_code_masked).toMatch(/^\w{9}\d{6}\*{8}[\dX]{4}$/);
    }
    // The holder still sees the full code, decrypted.
    const agent = await loggedIn(t.app, doctors[0]!.loginName, PASSWORD);
    const quals = (await agent.get('/api/v1/physician/qualifications')).json() as { items: { certCode: string | null }[] };
    expect(quals.items.map((q) => q.certCode)).toEqual([doctors[0]!.certCode]);
  });

  it('cannot be written any more', async () => {
    const d = await makePhysician(t.deps, { name: '欧阳若曦' });
    const code = makeQualificationCode({ year: 2023, provinceCode: '11', level: 'physician', category: 'clinical', idNumber: d.idNumber });
    await expect(t.engine.query('UPDATE qualifications SET cert_code = $1 WHERE id = $2', [code, d.qualification.id])).rejects.toThrow(/qualifications_cert_code_not_plain/);
  });
});
