/**
 * What the public register, the certificate verification page and the FHIR view say of supervision (《医师法》
 * 第二十一条; domain §6): a running 暂停执业活动 with its end date, and a 吊销医师执业证书 with its date and document
 * number. One query per kind for all the registrations shown.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { suspensionPublicText, suspensionStatusOn, type IsoDate } from '@medreg/domain';
import type { Ctx } from '../../context';
import { authorities, penaltyDecisions, registrationSuspensions } from '../../db/schema/index';

export type SupervisionNotice =
  | { kind: 'suspension'; text: string; startsOn: IsoDate; endsOn: IsoDate; authorityName: string; awaitingReassessment: boolean }
  | { kind: 'revocation'; text: string; decidedOn: IsoDate; documentNo: string; authorityName: string };

export async function supervisionNoticesOf(c: Ctx, registrationIds: readonly string[], today: IsoDate): Promise<Map<string, SupervisionNotice>> {
  const out = new Map<string, SupervisionNotice>();
  if (registrationIds.length === 0) return out;
  const ids = [...new Set(registrationIds)];
  const [running, revoked] = await Promise.all([
    c.tx.select({ s: registrationSuspensions, authorityName: authorities.name }).from(registrationSuspensions)
      .innerJoin(authorities, eq(authorities.id, registrationSuspensions.authorityId))
      .where(and(inArray(registrationSuspensions.registrationId, ids), eq(registrationSuspensions.status, 'in_force'))), // registration_suspensions_running_key
    c.tx.select({ d: penaltyDecisions, authorityName: authorities.name }).from(penaltyDecisions)
      .innerJoin(authorities, eq(authorities.id, penaltyDecisions.authorityId))
      .where(and(inArray(penaltyDecisions.registrationId, ids), eq(penaltyDecisions.kind, 'revocation'))), // penalty_decisions_registration_idx
  ]);
  for (const { s, authorityName } of running) {
    const awaiting = suspensionStatusOn(s, today) === 'awaiting_reassessment';
    out.set(s.registrationId, {
      kind: 'suspension', text: awaiting ? `暂停执业活动（${s.endsOn}期满，待再次考核）` : suspensionPublicText(s.endsOn),
      startsOn: s.startsOn, endsOn: s.endsOn, authorityName, awaitingReassessment: awaiting,
    });
  }
  for (const { d, authorityName } of revoked) {
    out.set(d.registrationId, { kind: 'revocation', text: `吊销医师执业证书（${d.decidedOn}，${d.documentNo}）`, decidedOn: d.decidedOn, documentNo: d.documentNo, authorityName });
  }
  return out;
}
