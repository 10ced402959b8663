import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { physicians, type Physician } from '../../db/schema/index';
import { PhysicianErrors } from './errors';

/**
 * The activation gate (domain §3.1 D): before activation the physician portal shows only the
 * activation screens; after activation 「系统开放所有功能」. A physician from a region not yet on
 * e-registration (seed question 六, §3.3 path 2) may apply directly: the account is activated when
 * the authority approves, so `pending_activation_path = 'auto_on_approval'` passes the gate too.
 *
 * Returns the physician row of the actor; throws 403 ACCOUNT_NOT_ACTIVATED otherwise.
 */
export async function assertActivePhysician(c: Ctx, actor: AccountActor): Promise<Physician> {
  if (actor.kind !== 'physician') throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
  const [physician] = await c.tx.select().from(physicians).where(eq(physicians.accountId, actor.accountId)).limit(1);
  if (!physician) throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
  if (!isPastActivationGate(physician)) {
    throw PhysicianErrors.ACCOUNT_NOT_ACTIVATED({ extra: { activationStatus: physician.activationStatus } });
  }
  return physician;
}

/** Whether the physician may use the business functions (pure; also used by the status endpoint). */
export function isPastActivationGate(p: Pick<Physician, 'activationStatus' | 'pendingActivationPath'>): boolean {
  return p.activationStatus === 'active' || p.pendingActivationPath === 'auto_on_approval';
}
