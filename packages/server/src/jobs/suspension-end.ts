import { and, asc, eq, lt } from 'drizzle-orm';
import { scheduled, suspensionTransition, todayInChina, type IsoDate } from '@medreg/domain';
import type { Ctx } from '../context';
import { accounts, physicians, registrationSuspensions, registrations } from '../db/schema/index';
import type { AuditActor } from '../modules/audit/service';
import { notifyAccount } from '../modules/notifications/outbox';
import { moveSuspension, resumeRegistration } from '../modules/supervision/suspension-writes';
import type { Job } from './runner';

const HOUR = 3_600_000;
/** Suspensions ended per batch; a run takes batches until one comes back short. */
export const SUSPENSION_END_BATCH = 100;
const MAX_BATCHES_PER_RUN = 10;

const SCHEDULER: AuditActor = { accountId: null, role: 'system' };
const CAUSE = scheduled('suspension_ended');

/**
 * 《医师法》第五十五条至第五十七条: a penalty 暂停执业活动 ends at its end date by itself. Every 执行中 penalty suspension
 * whose end date is before today (北京时间) → 已期满 (SUSPENSION_TABLE `expire`) and its registration 中止 → 有效
 * (REGISTRATION_TABLE `resume`, cause 暂停执业活动期满), each with history, audit and a message, in the job's
 * transaction. Candidates come from registration_suspensions_due_idx, locked with their registration FOR UPDATE SKIP
 * LOCKED (a record another transaction holds waits for the next run), and every write is guarded by the status it
 * leaves, so nothing ends twice. An assessment suspension is not ended here: it waits for the re-assessment
 * (《医师法》第四十二条) and reads 待再次考核. A registration no longer 中止 (cancelled meanwhile) is not resumed.
 */
export async function endSuspensions(c: Ctx): Promise<number> {
  const today = todayInChina(c.now());
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const { locked, ended } = await endBatch(c, today);
    total += ended;
    if (locked < SUSPENSION_END_BATCH) break;
  }
  return total;
}

async function endBatch(c: Ctx, today: IsoDate): Promise<{ locked: number; ended: number }> {
  const due = await c.tx.select({
    id: registrationSuspensions.id, status: registrationSuspensions.status, endsOn: registrationSuspensions.endsOn,
    registrationId: registrations.id, registrationStatus: registrations.status,
    accountId: accounts.id, phone: accounts.phone, email: accounts.email, disabled: accounts.disabled,
  }).from(registrationSuspensions)
    .innerJoin(registrations, eq(registrations.id, registrationSuspensions.registrationId))
    .innerJoin(physicians, eq(physicians.id, registrationSuspensions.physicianId))
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .where(and(eq(registrationSuspensions.status, 'in_force'), eq(registrationSuspensions.kind, 'penalty'), lt(registrationSuspensions.endsOn, today)))
    .orderBy(asc(registrationSuspensions.endsOn), asc(registrationSuspensions.id))
    .limit(SUSPENSION_END_BATCH)
    .for('update', { of: [registrationSuspensions, registrations], skipLocked: true });
  let ended = 0;
  for (const s of due) {
    suspensionTransition(s.status, 'expire');
    if (!(await moveSuspension(c, SCHEDULER, s, 'expire', CAUSE, { endsOn: s.endsOn }))) continue;
    ended++;
    if (s.registrationStatus !== 'suspended') continue;
    await resumeRegistration(c, SCHEDULER, s.registrationId, s.registrationStatus, CAUSE, { suspensionId: s.id, endsOn: s.endsOn });
    if (s.accountId && !s.disabled) {
      await notifyAccount(c, { accountId: s.accountId, phone: s.phone, email: s.email }, 'suspension.ended', '暂停执业活动期满',
        `您的暂停执业活动已于${s.endsOn}期满，执业注册已恢复为有效，可以继续执业。`);
    }
  }
  return { locked: due.length, ended };
}

export function suspensionEndJob(): Job {
  return { name: 'suspensions.end', intervalMs: HOUR, run: (c) => endSuspensions(c) };
}
