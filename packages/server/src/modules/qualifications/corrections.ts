/**
 * 资格补改 (seed question 五: 「如果确认姓名及身份证号码无误，请在系统内『资格补改指南』菜单中查看解决办法」,
 * domain BT-12): a physician whose qualification is missing or recorded wrongly asks the authority to
 * supplement or correct it. The request goes to the provincial commission of the province in the ID's
 * address code, or to the national commission where that province has none in medreg.
 */
import { and, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  CORRECTION_STATUS_LABELS, CommonErrors, OPEN_CORRECTION_STATUSES, TextErrors, hasControlCharacter, provinceCodeOf,
  type CorrectionStatus, type Jurisdiction,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import { authorities, physicians, qualificationCorrections, type Physician } from '../../db/schema/index';
import { audit } from '../audit/service';
import { QualificationErrors } from './errors';
import { correctionFilterFor } from './policy';
import { attachmentMetadata, inspectAttachments, presentAttachments, type Attachment } from './attachments';
import type { InspectedUpload } from '../../storage/upload-inspection';

export const MAX_REASON_LENGTH = 1000;

export { CORRECTION_STATUS_LABELS, type CorrectionStatus } from '@medreg/domain';
const OPEN = OPEN_CORRECTION_STATUSES as CorrectionStatus[];

/** Checks the reason; the problem names its field. */
export function validateCorrectionReason(reason: string): string {
  const text = reason.trim();
  if (text.length === 0 || text.length > MAX_REASON_LENGTH) throw QualificationErrors.CORRECTION_REASON_REQUIRED({ path: ['reason'] });
  if (hasControlCharacter(text, { multiline: true })) throw TextErrors.TEXT_CONTROL_CHARACTER({ path: ['reason'], detail: '补改原因不能包含控制字符' });
  return text;
}

/** A request ready to file: the reason checked, the attachments inspected and rewritten (nothing stored yet). */
export interface PreparedCorrection {
  reason: string;
  attachments: InspectedUpload[];
}

/**
 * Checks the form of a request — the reason first, then the attachments (./attachments.ts). Runs before the
 * transaction: decoding files holds no connection and no lock.
 */
export async function prepareCorrection(input: { reason: string; attachments: Attachment[] }): Promise<PreparedCorrection> {
  const reason = validateCorrectionReason(input.reason);
  return { reason, attachments: await inspectAttachments(input.attachments) };
}

/** The provincial commission of the ID's province, else the national commission. */
async function routeCorrection(c: Ctx, idNumber: string) {
  const province = provinceCodeOf(idNumber.slice(0, 6));
  const rows = await c.tx.select().from(authorities)
    .where(or(and(eq(authorities.areaCode, province), eq(authorities.level, 'province')), eq(authorities.level, 'national'))); // authorities_area_level_uidx
  return rows.find((a) => a.level === 'province') ?? rows.find((a) => a.level === 'national');
}

export async function createCorrection(c: Ctx, physician: Physician, input: PreparedCorrection) {
  const [open] = await c.tx.select({ id: qualificationCorrections.id }).from(qualificationCorrections)
    .where(and(eq(qualificationCorrections.physicianId, physician.id), inArray(qualificationCorrections.status, OPEN))).limit(1);
  if (open) throw QualificationErrors.QUALIFICATION_CORRECTION_PENDING();
  const authority = await routeCorrection(c, c.pii.decrypt(physician.idNumberEnc));
  if (!authority) throw QualificationErrors.CORRECTION_AUTHORITY_UNAVAILABLE();

  // The files and the request in one transaction: both are stored or neither.
  const shas: string[] = [];
  for (const a of input.attachments) shas.push((await c.blobs.put(c.tx, a.content, a.contentType)).sha256);
  const [row] = await c.tx.insert(qualificationCorrections).values({
    physicianId: physician.id, authorityId: authority.id, reason: input.reason, attachments: shas, createdAt: c.now(),
  }).returning();
  await audit(c, { accountId: physician.accountId, role: 'physician' }, 'qualification_correction.submitted', 'qualification_correction', row!.id, { authorityId: authority.id, attachments: shas.length });
  return presentOwnCorrection({ ...row!, authorityName: authority.name });
}

type OwnRow = typeof qualificationCorrections.$inferSelect & { authorityName: string | null };

function presentOwnCorrection(r: OwnRow) {
  return {
    id: r.id,
    reason: r.reason,
    attachmentCount: r.attachments.length,
    authorityName: r.authorityName,
    status: r.status,
    statusLabel: CORRECTION_STATUS_LABELS[r.status],
    resolutionNote: r.resolutionNote,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}

/** The physician's own requests, newest first (qualification_corrections_physician_idx). */
export async function listOwnCorrections(c: Ctx, physicianId: string) {
  const rows = await c.tx.select({ correction: qualificationCorrections, authorityName: authorities.name })
    .from(qualificationCorrections)
    .leftJoin(authorities, eq(authorities.id, qualificationCorrections.authorityId))
    .where(eq(qualificationCorrections.physicianId, physicianId))
    .orderBy(desc(qualificationCorrections.createdAt), desc(qualificationCorrections.id));
  return {
    items: rows.map((r) => presentOwnCorrection({ ...r.correction, authorityName: r.authorityName })),
    canSubmit: !rows.some((r) => OPEN.includes(r.correction.status)),
  };
}

export interface CorrectionCursor {
  createdAt: string;
  id: string;
}

export function encodeCorrectionCursor(cur: CorrectionCursor): string {
  return encodeCursor([cur.createdAt, cur.id]);
}

/** Reads a cursor the client sent back; anything else is refused (400, path cursor). */
export function decodeCorrectionCursor(raw: string): CorrectionCursor {
  const [createdAt, id] = decodeCursor(raw, z.tuple([cursorPart.timestamp, cursorPart.id]), (opts) =>
    CommonErrors.VALIDATION_FAILED({ ...opts, detail: '分页参数无效，请从第一页重新查询' }));
  return { createdAt, id };
}

/**
 * The policy's rule (correctionFilterFor) as conditions on the routed-to authority (joined as `authorities`):
 * the list and the attachment download show exactly the same requests.
 */
export function visibleToAuthority(viewer: Jurisdiction): SQL[] {
  const filter = correctionFilterFor(viewer);
  const conditions: SQL[] = [inArray(authorities.level, filter.levels)];
  if (filter.areaPrefix) conditions.push(like(authorities.areaCode, `${filter.areaPrefix}%`));
  return conditions;
}

/**
 * The authority's list: requests routed to authorities within the viewer's jurisdiction, newest first,
 * keyset-paginated on (created_at, id) (qualification_corrections_authority_keyset_idx / _keyset_idx).
 */
/** One page in the list's order (newest first) on the (created_at, id) keyset. */
export function selectCorrectionPage(c: Ctx, viewer: Jurisdiction, opts: { cursor?: CorrectionCursor; status?: CorrectionStatus }, limit: number) {
  const conditions = visibleToAuthority(viewer);
  if (opts.status) conditions.push(eq(qualificationCorrections.status, opts.status));
  if (opts.cursor) {
    // Row comparison on the exact (microsecond) timestamp, as the index orders it.
    conditions.push(sql`(${qualificationCorrections.createdAt}, ${qualificationCorrections.id}) < (${opts.cursor.createdAt}::timestamptz, ${opts.cursor.id}::uuid)`);
  }
  return c.tx
    .select({
      correction: qualificationCorrections,
      authorityName: authorities.name,
      physicianName: physicians.name,
      idNumberMasked: physicians.idNumberMasked,
      createdAtExact: sql<string>`to_char(${qualificationCorrections.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(qualificationCorrections)
    .innerJoin(authorities, eq(authorities.id, qualificationCorrections.authorityId))
    .innerJoin(physicians, eq(physicians.id, qualificationCorrections.physicianId))
    .where(and(...conditions))
    .orderBy(desc(qualificationCorrections.createdAt), desc(qualificationCorrections.id))
    .limit(limit);
}

export async function listCorrectionsForAuthority(c: Ctx, viewer: Jurisdiction, opts: { limit: number; cursor?: CorrectionCursor; status?: CorrectionStatus }) {
  const rows = await selectCorrectionPage(c, viewer, opts, opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const meta = await attachmentMetadata(c, page.flatMap((r) => r.correction.attachments));
  return {
    items: page.map((r) => ({
      id: r.correction.id,
      physicianName: r.physicianName,
      idNumberMasked: r.idNumberMasked,
      reason: r.correction.reason,
      attachments: presentAttachments(r.correction.id, r.correction.attachments, meta),
      authorityId: r.correction.authorityId,
      authorityName: r.authorityName,
      status: r.correction.status,
      statusLabel: CORRECTION_STATUS_LABELS[r.correction.status],
      resolutionNote: r.correction.resolutionNote,
      createdAt: r.correction.createdAt.toISOString(),
      resolvedAt: r.correction.resolvedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > opts.limit && last ? encodeCorrectionCursor({ createdAt: last.createdAtExact, id: last.correction.id }) : null,
  };
}
