/**
 * 考核信息 in the physician portal (domain §5.4 [S16]): the physician's own results per cycle, and any suspension
 * with its period, training and status (待再次考核 after an assessment suspension's end date).
 */
import { desc, eq } from 'drizzle-orm';
import {
  ASSESSMENT_KIND_LABELS, ASSESSMENT_RESULT_LABELS, CommonErrors, SUSPENSION_DISPLAY_LABELS, SUSPENSION_KIND_LABELS, assessmentCycleLabel,
  suspensionStatusOn, todayInChina,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { assessmentResults, authorities, institutions, registrationSuspensions } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';

export async function myAssessments(c: Ctx, actor: AccountActor) {
  if (!actor.physicianId) throw CommonErrors.FORBIDDEN();
  const today = todayInChina(c.now());
  const [results, suspensions] = await Promise.all([
    c.tx.select({ r: assessmentResults, institutionName: institutions.name }).from(assessmentResults)
      .innerJoin(institutions, eq(institutions.id, assessmentResults.institutionId))
      .where(eq(assessmentResults.physicianId, actor.physicianId))
      .orderBy(desc(assessmentResults.cycleStartYear), desc(assessmentResults.createdAt)).limit(50), // assessment_results_physician_idx
    c.tx.select({ s: registrationSuspensions, authorityName: authorities.name }).from(registrationSuspensions)
      .innerJoin(authorities, eq(authorities.id, registrationSuspensions.authorityId))
      .where(eq(registrationSuspensions.physicianId, actor.physicianId))
      .orderBy(desc(registrationSuspensions.createdAt)).limit(20), // registration_suspensions_physician_idx
  ]);
  return {
    results: results.map(({ r, institutionName }) => ({
      id: r.id, cycleLabel: assessmentCycleLabel(r.cycleStartYear), kind: r.kind, kindLabel: ASSESSMENT_KIND_LABELS[r.kind],
      result: r.result, resultLabel: ASSESSMENT_RESULT_LABELS[r.result], assessedOn: r.assessedOn, assessor: r.assessor, institutionName,
    })),
    suspensions: suspensions.map(({ s, authorityName }) => {
      const display = suspensionStatusOn(s, today);
      return {
        id: s.id, kind: s.kind, kindLabel: SUSPENSION_KIND_LABELS[s.kind], status: display, statusLabel: SUSPENSION_DISPLAY_LABELS[display],
        documentNo: s.documentNo, decidedOn: s.decidedOn, startsOn: s.startsOn, endsOn: s.endsOn, training: s.training, authorityName,
      };
    }),
  };
}
