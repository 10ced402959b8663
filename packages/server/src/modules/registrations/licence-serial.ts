import { sql } from 'drizzle-orm';
import { formatLicenceCode, licenceCodePrefix, type PhysicianLevel, type PracticeCategory } from '@medreg/domain';
import type { Ctx } from '../../context';
import { rowsOf } from '../../db/rows';

/**
 * Allocates the next 执业证书编码 (domain §4.2: level + category + issuing area + serial).
 * The per-prefix counter only ever increases (UPDATE … RETURNING under a row lock), so a code never repeats,
 * and the unique index on registrations.licence_code guards it once more.
 */
export async function nextLicenceCode(c: Ctx, input: { level: PhysicianLevel; category: PracticeCategory; areaCode: string }): Promise<string> {
  const prefix = licenceCodePrefix(input);
  const [row] = await rowsOf<{ last_serial: number }>(c.tx, sql`
    INSERT INTO licence_serials (prefix, last_serial) VALUES (${prefix}, 1)
    ON CONFLICT (prefix) DO UPDATE SET last_serial = licence_serials.last_serial + 1
    RETURNING last_serial`);
  return formatLicenceCode({ ...input, serial: Number(row!.last_serial) });
}

/** The same for a plan's licence (level, category and issuing area as planned). */
export function nextLicenceCodeFor(c: Ctx, licence: { level: PhysicianLevel; category: PracticeCategory; areaCode: string }): Promise<string> {
  return nextLicenceCode(c, { level: licence.level, category: licence.category, areaCode: licence.areaCode });
}
