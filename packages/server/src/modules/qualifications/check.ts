/**
 * 医师资格校验 (domain §1.1 step 3, seed question 五): right after login the account's 姓名 + 身份证号 are
 * matched against the qualification database. Synchronised records (synced = true) with the same ID hash
 * and name are linked to the physician. Exam passers whose data has not been synchronised yet pull their
 * record with the 准考证号 (seed question 一, §1.0 "Exam results").
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { physicians, qualifications, type Physician, type Qualification } from '../../db/schema/index';
import { safeEqual } from '../../security/tokens';
import { QualificationErrors } from './errors';

export type QualificationCheckOutcome = 'found' | 'not_found' | 'name_mismatch';

export const QUALIFICATION_CHECK_LABELS = {
  found: '已校验到医师资格',
  not_found: '未查询到医师资格',
  name_mismatch: '姓名与资格信息不一致',
} as const satisfies Record<QualificationCheckOutcome, string>;

export interface QualificationCheck {
  outcome: QualificationCheckOutcome;
  /** The records linked to the physician. */
  linked: Qualification[];
}

/** Links matching synchronised records and says what was found. Idempotent; one UPDATE and one SELECT. */
export async function runQualificationCheck(c: Ctx, physician: Physician): Promise<QualificationCheck> {
  const now = c.now();
  await c.tx.update(qualifications).set({ physicianId: physician.id })
    .where(and(
      eq(qualifications.idNumberHash, physician.idNumberHash), // qualifications_id_number_hash_idx
      eq(qualifications.name, physician.name),
      eq(qualifications.synced, true),
      isNull(qualifications.physicianId),
    ));
  const rows = await c.tx.select().from(qualifications)
    .where(or(eq(qualifications.idNumberHash, physician.idNumberHash), eq(qualifications.physicianId, physician.id)));
  const linked = rows.filter((q) => q.physicianId === physician.id);
  const mismatch = rows.some((q) => q.synced && q.physicianId === null && q.name !== physician.name && safeEqual(q.idNumberHash, physician.idNumberHash));
  const outcome: QualificationCheckOutcome = linked.length > 0 ? 'found' : mismatch ? 'name_mismatch' : 'not_found';
  if (!physician.qualificationCheckedAt) {
    await c.tx.update(physicians).set({ qualificationCheckedAt: now }).where(eq(physicians.id, physician.id));
  }
  linked.sort((a, b) => (a.obtainedDate ?? '').localeCompare(b.obtainedDate ?? ''));
  return { outcome, linked };
}

/**
 * Pulls an exam pass by 准考证号. The record must carry the physician's own ID hash and name; anything
 * else is answered "not found" so that nobody learns about other people's records.
 */
export async function pullByAdmissionTicket(c: Ctx, physician: Physician, admissionTicketNo: string): Promise<Qualification> {
  const [record] = await c.tx.select().from(qualifications)
    .where(eq(qualifications.admissionTicketNo, admissionTicketNo.trim())) // qualifications_admission_ticket_no_key
    .for('update');
  const own = record !== undefined
    && safeEqual(record.idNumberHash, physician.idNumberHash)
    && record.name === physician.name
    && record.status === 'valid'
    && (record.physicianId === null || record.physicianId === physician.id);
  if (!own) throw QualificationErrors.ADMISSION_TICKET_NOT_FOUND({ path: ['admissionTicketNo'] });
  if (record.physicianId === physician.id && record.synced) return record;
  const [updated] = await c.tx.update(qualifications).set({ physicianId: physician.id, synced: true })
    .where(eq(qualifications.id, record.id)).returning();
  return updated!;
}
