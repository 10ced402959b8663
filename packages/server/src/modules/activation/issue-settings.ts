import { eq } from 'drizzle-orm';
import { inTransaction, reading, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { institutions } from '../../db/schema/index';
import { audit } from '../audit/service';
import { institutionIdOf } from '../institutions/policy';

/** 自动激活 (domain §3.3 path 1: 「如未收到激活码，机构可能设置了自动激活，刷新页面即可」). */
export async function getActivationSettings(deps: Deps, actor: AccountActor) {
  const [row] = await reading(deps).tx.select({ autoActivate: institutions.autoActivate, name: institutions.name })
    .from(institutions).where(eq(institutions.id, institutionIdOf(actor)));
  return { autoActivate: row?.autoActivate ?? false, institutionName: row?.name ?? '' };
}

/** Switches automatic activation of the institution's physicians on or off. */
export async function setAutoActivation(deps: Deps, actor: AccountActor, enabled: boolean) {
  const institutionId = institutionIdOf(actor);
  await inTransaction(deps, async (c) => {
    await c.tx.update(institutions).set({ autoActivate: enabled }).where(eq(institutions.id, institutionId));
    await audit(c, actor, enabled ? 'institution.auto_activation.on' : 'institution.auto_activation.off', 'institution', institutionId, {});
  });
  return getActivationSettings(deps, actor);
}
