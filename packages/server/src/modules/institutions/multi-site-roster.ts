import { z } from 'zod';
import {
  FILING_STATUS_LABELS, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, filingInForce, filingStatusOn, getScope, todayInChina,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import type { AccountActor } from '../../http/actor';
import { InstitutionErrors } from './errors';
import type { MultiSitePage, MultiSiteQuery } from './multi-site-schemas';
import { countMultiSite, selectMultiSitePage, type MultiSiteRow } from './multi-site-queries';
import { institutionIdOf } from './policy';

/** Keyset cursor: the (valid_to, id) of the last row shown and the sort it was taken in. */
const Cursor = (sort: 'asc' | 'desc') => z.tuple([cursorPart.date, cursorPart.id, z.literal(sort)]);

export function presentMultiSiteRow(r: MultiSiteRow, today: string): MultiSitePage['items'][number] {
  const status = filingStatusOn(r, today);
  return {
    filingId: r.id,
    physicianName: r.physicianName,
    idNumberMasked: r.idNumberMasked,
    level: r.level,
    levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
    category: r.category,
    categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label,
    licenceCode: r.licenceCode,
    mainInstitutionName: r.mainInstitutionName,
    scopes: r.scopes.map((code) => ({ code, name: getScope(code)?.name ?? code })),
    validFrom: r.validFrom,
    validTo: r.validTo,
    status,
    statusLabel: FILING_STATUS_LABELS[status],
    inForce: filingInForce(r, today),
  };
}

/**
 * 多机构执业医师 (domain §2.2 BT-05 "The institution sees its multi-site physicians"): the physicians filed to
 * practise at this institution besides their main institution, with the filing's scopes, 有效期 and status —
 * 申请中 from the submission, so the institution sees what it is asked to confirm. The 身份证号 stays masked.
 */
export async function listMultiSitePhysicians(c: Ctx, actor: AccountActor, q: MultiSiteQuery): Promise<MultiSitePage> {
  const institutionId = institutionIdOf(actor);
  const today = todayInChina(c.now());
  const cursor = q.cursor ? decodeCursor(q.cursor, Cursor(q.sort), InstitutionErrors.QUEUE_CURSOR_INVALID) : undefined;
  const filter = {
    institutionId, today, status: q.status, name: q.name, sort: q.sort, limit: q.limit,
    ...(cursor ? { cursor: { validTo: cursor[0], id: cursor[1] } } : {}),
  };
  const [rows, total] = await Promise.all([selectMultiSitePage(c, filter), countMultiSite(c, filter)]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentMultiSiteRow(r, today)),
    total,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.validTo, last.id, q.sort]) : null,
    today,
  };
}
