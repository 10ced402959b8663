import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { assertActivePhysician } from './guard';
import { presentRegistration } from './presenter';
import { registrationsOf } from './queries';

/** 执业信息 (post-activation): every registration of the physician, oldest first. */
export async function listOwnRegistrations(c: Ctx, actor: AccountActor) {
  const physician = await assertActivePhysician(c, actor);
  const rows = await registrationsOf(c, physician.id);
  return { items: rows.map(presentRegistration) };
}
