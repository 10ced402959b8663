import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { audit } from './service';

export interface RevealedRecord {
  entityType: 'application' | 'physician';
  entityId: string;
  physicianId?: string;
  /** Which answer showed it: application_detail, application_form_pdf, physician_status … */
  via: string;
}

/** Every answer that shows a full 身份证号 leaves a `pii.id_revealed` entry on the record it was shown with. */
export async function auditIdReveal(c: Ctx, actor: AccountActor, r: RevealedRecord): Promise<void> {
  await audit(c, { accountId: actor.accountId, role: actor.role }, 'pii.id_revealed', r.entityType, r.entityId, { ...(r.physicianId ? { physicianId: r.physicianId } : {}), via: r.via });
}
