import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { preparedOn } from '../../db/prepared';
import { certificates } from '../../db/schema/index';

/** A certificate record as the verification page reads it (no token: the caller has it). */
const CERTIFICATE_COLUMNS = {
  id: certificates.id,
  registrationId: certificates.registrationId,
  licenceCode: certificates.licenceCode,
  status: certificates.status,
  issuedOn: certificates.issuedOn,
  statusSince: certificates.statusSince,
  supersededBy: certificates.supersededBy,
};

export type CertificateRecord = NonNullable<Awaited<ReturnType<typeof certificateByVerifyToken>>>;

const byVerifyToken = preparedOn((tx) => tx.select(CERTIFICATE_COLUMNS).from(certificates)
  .where(eq(certificates.verifyToken, sql.placeholder('token'))).limit(1).prepare('register_certificate_by_token'));

/** The certificate a QR code names, whatever its status (unique index on certificates.verify_token). */
export async function certificateByVerifyToken(c: Ctx, token: string) {
  const [row] = await byVerifyToken(c).execute({ token });
  return row;
}

/** More replacements than this in a row is not a real history: the chain is cut there. */
const MAX_REPLACEMENTS = 50;

/**
 * The certificate that replaced `certificate` now stands for it: its superseded_by, and theirs in turn
 * (a certificate reissued twice), by primary key. Null when it was not superseded or the link is missing.
 */
export async function latestReplacement(c: Ctx, certificate: CertificateRecord): Promise<CertificateRecord | null> {
  let current: CertificateRecord | null = null;
  let next = certificate.status === 'superseded' ? certificate.supersededBy : null;
  for (let hops = 0; next && hops < MAX_REPLACEMENTS; hops++) {
    const [row] = await c.tx.select(CERTIFICATE_COLUMNS).from(certificates).where(eq(certificates.id, next)).limit(1);
    if (!row) break;
    current = row;
    next = row.status === 'superseded' ? row.supersededBy : null;
  }
  return current;
}
