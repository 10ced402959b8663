import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { LatestAssessmentFilter, RegistrationStatus } from '@medreg/domain';
import type { Ctx } from '../../context';
import { physicians, registrations } from '../../db/schema/index';
import { keyset } from '../../db/keyset';

export interface RosterFilter {
  institutionId: string;
  status?: RegistrationStatus;
  assessment?: LatestAssessmentFilter;
  name?: string;
  cursor?: { approvedOn: string; id: string };
  limit: number;
}

function conditions(f: RosterFilter): SQL[] {
  const where: SQL[] = [eq(registrations.mainInstitutionId, f.institutionId)];
  if (f.status) where.push(eq(registrations.status, f.status));
  if (f.name !== undefined) where.push(eq(physicians.name, f.name));
  if (f.assessment === 'none') where.push(sql`NOT EXISTS (${periodicResults()})`);
  else if (f.assessment) where.push(sql`(${latestPeriodic(sql`a.result`)}) = ${f.assessment}`);
  return where;
}

/** The physician's periodic 定期考核 results (assessment_results_physician_idx). */
const periodicResults = () => sql`SELECT 1 FROM assessment_results a WHERE a.physician_id = ${registrations.physicianId} AND a.kind = 'periodic'`;

/** `what` of the physician's latest periodic result: the latest cycle, the last recorded (assessment_results_physician_idx). */
const latestPeriodic = (what: SQL) => sql`SELECT ${what} FROM assessment_results a
  WHERE a.physician_id = ${registrations.physicianId} AND a.kind = 'periodic'
  ORDER BY a.cycle_start_year DESC, a.created_at DESC LIMIT 1`;

/**
 * One page of the registrations whose main institution this is, by (approved_on, id) descending —
 * registrations_institution_roster_idx / registrations_institution_approved_idx — with the last 注册备案 reported
 * (its registration_events row, through registration_events_registration_idx).
 */
export function selectRosterPage(c: Ctx, f: RosterFilter) {
  const where = conditions(f);
  const page = keyset(registrations.approvedOn, registrations.id, 'desc',
    f.cursor ? { key: sql`${f.cursor.approvedOn}::date`, id: f.cursor.id } : undefined);
  if (page.where) where.push(page.where);
  return c.tx
    .select({
      id: registrations.id,
      physicianName: physicians.name,
      idNumberMasked: physicians.idNumberMasked,
      level: registrations.level,
      category: registrations.category,
      scopes: registrations.scopes,
      licenceCode: registrations.licenceCode,
      approvedOn: registrations.approvedOn,
      status: registrations.status,
      // 最近一次定期考核 (domain §5.4): the latest periodic cycle on file (assessment_results_physician_idx).
      latestAssessment: sql<{ cycle: number; result: string } | null>`(${latestPeriodic(sql`json_build_object('cycle', a.cycle_start_year, 'result', a.result)`)})`,
      departure: sql<Record<string, unknown> | null>`(
        SELECT e.changes FROM registration_events e
        WHERE e.registration_id = ${registrations.id} AND e.event = 'file_departure'
        ORDER BY e.id DESC LIMIT 1)`,
      // 是否修改过信息 (domain §1.2 item 8, BT-11): an approved 个人信息修改 wrote the registration's profile.
      infoEdited: sql<boolean>`EXISTS (SELECT 1 FROM registration_profiles p WHERE p.registration_id = ${registrations.id})`,
    })
    .from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
    .where(and(...where))
    .orderBy(...page.orderBy)
    .limit(f.limit + 1);
}

export type RosterRow = Awaited<ReturnType<typeof selectRosterPage>>[number];

export async function countRoster(c: Ctx, f: RosterFilter): Promise<number> {
  const [row] = await c.tx
    .select({ n: count() })
    .from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
    .where(and(...conditions(f)));
  return Number(row?.n ?? 0);
}
