import { z } from 'zod';
import {
  ASSESSMENT_RESULT_LABELS, DEPARTURE_REASON_LABELS, PHYSICIAN_LEVEL_INFO, assessmentCycleLabel, type AssessmentResult, PRACTICE_CATEGORY_INFO, REGISTRATION_STATUS_LABELS, allowedRegistrationEvents, getScope,
  type DepartureReason,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import type { AccountActor } from '../../http/actor';
import { InstitutionErrors } from './errors';
import type { PhysicianRosterPage, PhysicianRosterQuery } from './physician-roster-schemas';
import { countRoster, selectRosterPage, type RosterRow } from './physician-roster-queries';
import { institutionIdOf } from './policy';

/** Keyset cursor: the (approved_on, id) of the last row shown. */
const Cursor = z.tuple([cursorPart.date, cursorPart.id]);

type Row = PhysicianRosterPage['items'][number];

function departureOf(changes: Record<string, unknown> | null): Row['departure'] {
  if (!changes) return null;
  const reason = changes.reason as DepartureReason;
  return {
    reason, reasonLabel: DEPARTURE_REASON_LABELS[reason] ?? String(reason), leftOn: String(changes.leftOn), reportedOn: String(changes.reportedOn),
    late: changes.late === true, note: typeof changes.note === 'string' ? changes.note : null,
  };
}

export function presentRosterRow(r: RosterRow): Row {
  return {
    registrationId: r.id,
    physicianName: r.physicianName,
    idNumberMasked: r.idNumberMasked,
    level: r.level,
    levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
    category: r.category,
    categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label,
    scopes: r.scopes.map((code) => ({ code, name: getScope(code)?.name ?? code })),
    licenceCode: r.licenceCode,
    approvedOn: r.approvedOn,
    status: r.status,
    statusLabel: REGISTRATION_STATUS_LABELS[r.status],
    latestAssessment: r.latestAssessment ? {
      cycleLabel: assessmentCycleLabel(r.latestAssessment.cycle), result: r.latestAssessment.result,
      resultLabel: ASSESSMENT_RESULT_LABELS[r.latestAssessment.result as AssessmentResult] ?? r.latestAssessment.result,
    } : null,
    departure: departureOf(r.departure),
    infoEdited: r.infoEdited === true,
    abilities: {
      reportDeparture: allowedRegistrationEvents(r.status).includes('file_departure'),
      reportCancellation: allowedRegistrationEvents(r.status).includes('cancel'),
    },
  };
}

/**
 * 本机构医师: the registrations whose main institution this is (domain §5.2: one main institution per 执业地点), with
 * the registration's status and the last 注册备案 it reported (BT-06, with 逾期报告). The 身份证号 stays masked.
 */
export async function listInstitutionPhysicians(c: Ctx, actor: AccountActor, q: PhysicianRosterQuery): Promise<PhysicianRosterPage> {
  const institutionId = institutionIdOf(actor);
  const cursor = q.cursor ? decodeCursor(q.cursor, Cursor, InstitutionErrors.QUEUE_CURSOR_INVALID) : undefined;
  const filter = {
    institutionId, status: q.status, assessment: q.assessment, name: q.name, limit: q.limit,
    ...(cursor ? { cursor: { approvedOn: cursor[0], id: cursor[1] } } : {}),
  };
  const [rows, total] = await Promise.all([selectRosterPage(c, filter), countRoster(c, filter)]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentRosterRow),
    total,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.approvedOn, last.id]) : null,
  };
}
