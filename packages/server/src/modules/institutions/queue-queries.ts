import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { InstitutionQueue } from '@medreg/domain';
import type { Ctx } from '../../context';
import { applications, authorities, physicians } from '../../db/schema/index';
import type { QueueCursor } from './queue-cursor';
import { keyset } from '../../db/keyset';

export interface QueueFilter {
  institutionId: string;
  queue: InstitutionQueue;
  name?: string;
  idNumberHash?: Buffer;
  businessType?: string;
  businessCode?: string;
  state?: string;
  submittedFrom?: Date;
  /** Exclusive. */
  submittedBefore?: Date;
  sort: 'asc' | 'desc';
  cursor?: QueueCursor;
  limit: number;
}

/** submitted_at exactly as stored (microseconds, UTC) for the keyset cursor. */
const cursorAt = sql<string>`to_char(${applications.submittedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of an institution queue. Every combination of filters is served by an index that is
 * already in (submitted_at, id) order inside the equality columns, so the page ends after `limit` rows:
 *  - queue (± 申请日期 range, ± cursor)  → applications_institution_queue_order_idx
 *  - + 业务类型                           → applications_institution_queue_type_idx
 *  - + status (state)                    → applications_institution_queue_idx
 *  - + 姓名                               → applications_institution_name_idx (few rows per name)
 *  - + 身份证号                           → applications_id_number_hash_idx (few rows per person)
 *  - + 业务编号                           → applications_business_code_key (unique)
 * The queue condition is `institution_queue(state) = …` — the indexed expression (migration 20261127120000).
 */
export function queuePageQuery(c: Ctx, f: QueueFilter) {
  const where: SQL[] = [
    eq(applications.institutionId, f.institutionId),
    sql`institution_queue(${applications.state}) = ${f.queue}`,
  ];
  if (f.name !== undefined) where.push(eq(applications.physicianName, f.name));
  if (f.idNumberHash !== undefined) where.push(eq(applications.idNumberHash, f.idNumberHash));
  if (f.businessType !== undefined) where.push(eq(applications.businessType, f.businessType));
  if (f.businessCode !== undefined) where.push(eq(applications.businessCode, f.businessCode));
  if (f.state !== undefined) where.push(eq(applications.state, f.state));
  if (f.submittedFrom) where.push(gte(applications.submittedAt, f.submittedFrom));
  if (f.submittedBefore) where.push(lt(applications.submittedAt, f.submittedBefore));
  const page = keyset(applications.submittedAt, applications.id, f.sort,
    f.cursor ? { key: sql`${f.cursor.at}::timestamptz`, id: f.cursor.id } : undefined);
  if (page.where) where.push(page.where);
  const order = page.orderBy;
  return c.tx
    .select({
      id: applications.id,
      businessCode: applications.businessCode,
      businessType: applications.businessType,
      /** The generic path's form (its kind / mode / action names the change); null for 首次注册. */
      form: sql<Record<string, unknown> | null>`${applications.payload} -> 'form'`,
      physicianName: applications.physicianName,
      idNumberMasked: physicians.idNumberMasked,
      state: applications.state,
      version: applications.version,
      channel: applications.channel,
      submittedAt: applications.submittedAt,
      institutionDecidedAt: applications.institutionDecidedAt,
      decidedAt: applications.decidedAt,
      authorityName: authorities.name,
      // 是否修改过信息 (BT-11): the physician's registration here carries an approved 个人信息修改 (registrations_physician_idx).
      infoEdited: sql<boolean>`EXISTS (SELECT 1 FROM registrations r JOIN registration_profiles p ON p.registration_id = r.id
        WHERE r.physician_id = ${applications.physicianId} AND r.main_institution_id = ${applications.institutionId})`,
      cursorAt,
    })
    .from(applications)
    .innerJoin(physicians, eq(physicians.id, applications.physicianId))
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .where(and(...where))
    .orderBy(...order)
    .limit(f.limit + 1);
}

export async function selectQueuePage(c: Ctx, f: QueueFilter) {
  return queuePageQuery(c, f);
}

export type QueueRow = Awaited<ReturnType<typeof selectQueuePage>>[number];
