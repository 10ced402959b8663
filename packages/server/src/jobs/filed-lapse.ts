import { sql } from 'drizzle-orm';
import { FILED_LAPSE_NOTICE_DAYS, addCalendarDays, FILED_LAPSE_YEARS, filedLapseNoticeOn, filedLapsesOn, scheduled, todayInChina, type IsoDate } from '@medreg/domain';
import type { Ctx } from '../context';
import { rowsOf } from '../db/rows';
import { chineseDate } from '../pdf/layout';
import { audit, type AuditActor } from '../modules/audit/service';
import { cancelRegistration } from '../modules/lifecycle/cancel-registration';
import { notifyAccount } from '../modules/notifications/outbox';
import type { Job } from './runner';

const HOUR = 3_600_000;
const DAY = 86_400_000;
export const FILED_LAPSE_BATCH = 100;
const SCHEDULER: AuditActor = { accountId: null, role: 'system' };
const CAUSE = scheduled('filed_two_years');

interface Filed { id: string; physician_id: string; status_since: string | Date; account_id: string | null; phone: string | null; email: string | null; disabled: boolean | null }

/**
 * domain §2.2 BT-06 [S6]: a registration in 注册备案 for 2 years with no new registration of the physician is
 * cancelled (REGISTRATION_TABLE `lapse_filed`, ground 中止医师执业活动满二年, initiator 到期自动注销). First, 30 days
 * before, the physician is told once (registration_lapse_notices); the cancellation comes on the second anniversary
 * of 备案 and never sooner than 30 days after the notice. Candidates are locked FOR UPDATE SKIP LOCKED and every write
 * is guarded by the status (备案) or by the notice's primary key, so a rerun or a concurrent run does nothing twice.
 */
export async function lapseFiledRegistrations(c: Ctx): Promise<{ noticed: number; lapsed: number }> {
  const today = todayInChina(c.now());
  let noticed = 0;
  let lapsed = 0;
  for (let batch = 0; batch < 10; batch++) {
    const n = await noticeBatch(c, today);
    noticed += n.done;
    if (n.locked < FILED_LAPSE_BATCH) break;
  }
  for (let batch = 0; batch < 10; batch++) {
    const n = await lapseBatch(c, today);
    lapsed += n.done;
    if (n.locked < FILED_LAPSE_BATCH) break;
  }
  return { noticed, lapsed };
}

/** Filed registrations of physicians without a newer registration, filed before `before`, oldest first, locked. */
function candidates(c: Ctx, before: Date, extra: ReturnType<typeof sql>) {
  return rowsOf<Filed>(c.tx, sql`
    SELECT r.id, r.physician_id, r.status_since, acc.id AS account_id, acc.phone, acc.email, acc.disabled
    FROM registrations r
    JOIN physicians p ON p.id = r.physician_id
    LEFT JOIN accounts acc ON acc.id = p.account_id
    WHERE r.status = 'filed' AND r.status_since < ${before.toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM registrations n WHERE n.physician_id = r.physician_id AND n.id <> r.id AND n.created_at > r.status_since)
      AND ${extra}
    ORDER BY r.status_since, r.id
    LIMIT ${FILED_LAPSE_BATCH}
    FOR UPDATE OF r SKIP LOCKED`);
}

/** A day past the exact dates in 北京时间, so the SQL bound never leaves one out; the dates decide. */
const margin = (c: Ctx, years: number, days: number) => new Date(c.now().getTime() - years * 365.25 * DAY + (days + 2) * DAY);

async function noticeBatch(c: Ctx, today: IsoDate): Promise<{ locked: number; done: number }> {
  const rows = await candidates(c, margin(c, FILED_LAPSE_YEARS, FILED_LAPSE_NOTICE_DAYS),
    sql`NOT EXISTS (SELECT 1 FROM registration_lapse_notices x WHERE x.registration_id = r.id)`);
  let done = 0;
  for (const r of rows) {
    const filedOn = todayInChina(new Date(r.status_since));
    // Oldest first: once one is not due yet, none after it is (the SQL bound has a margin of a day or two).
    if (filedLapseNoticeOn(filedOn) > today) return { locked: 0, done };
    // Never fewer than 30 days' notice, even for a registration whose notice came late.
    const lapsesOn = [filedLapsesOn(filedOn), addCalendarDays(today, FILED_LAPSE_NOTICE_DAYS)].sort()[1]!;
    const [inserted] = await rowsOf<{ registration_id: string }>(c.tx, sql`
      INSERT INTO registration_lapse_notices (registration_id, physician_id, filed_since, lapses_on, sent_at)
      VALUES (${r.id}::uuid, ${r.physician_id}::uuid, ${new Date(r.status_since).toISOString()}::timestamptz, ${lapsesOn}::date, ${c.now().toISOString()}::timestamptz)
      ON CONFLICT DO NOTHING RETURNING registration_id`);
    if (!inserted) continue;
    if (r.account_id && !r.disabled) {
      await notifyAccount(c, { accountId: r.account_id, phone: r.phone, email: r.email }, 'registration.lapse_notice', '执业注册即将注销',
        `您的医师执业注册自${chineseDate(filedOn)}起处于注册备案状态。如至${chineseDate(lapsesOn)}仍未重新办理执业注册，该注册将依规予以注销（备案满二年未继续执业）。如已在新的机构执业，请尽快办理注册或变更。`);
    }
    await audit(c, SCHEDULER, 'registration.lapse_notice', 'registration', r.id, { filedOn, lapsesOn, rule: CAUSE });
    done++;
  }
  return { locked: rows.length, done };
}

async function lapseBatch(c: Ctx, today: IsoDate): Promise<{ locked: number; done: number }> {
  const rows = await rowsOf<{ id: string; status_since: string | Date }>(c.tx, sql`
    SELECT r.id, r.status_since FROM registrations r
    WHERE r.status = 'filed' AND r.status_since < ${margin(c, FILED_LAPSE_YEARS, 0).toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM registrations n WHERE n.physician_id = r.physician_id AND n.id <> r.id AND n.created_at > r.status_since)
      AND EXISTS (SELECT 1 FROM registration_lapse_notices x
                  WHERE x.registration_id = r.id AND x.filed_since = r.status_since AND x.lapses_on <= ${today}::date)
    ORDER BY r.status_since, r.id
    LIMIT ${FILED_LAPSE_BATCH}
    FOR UPDATE OF r SKIP LOCKED`);
  let done = 0;
  for (const r of rows) {
    await cancelRegistration(c, {
      registrationId: r.id, event: 'lapse_filed', ground: 'practice_stopped_two_years', initiator: 'schedule', cause: CAUSE, actor: SCHEDULER,
      effectiveOn: today, note: `注册备案满二年未继续执业（${todayInChina(new Date(r.status_since))}起备案）`,
    });
    done++;
  }
  return { locked: rows.length, done };
}

export function filedLapseJob(): Job {
  return { name: 'registrations.lapse_filed', intervalMs: HOUR, run: (c) => lapseFiledRegistrations(c) };
}
