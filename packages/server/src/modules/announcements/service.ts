/**
 * 注册公告 (《医师法》第二十一条: 卫生健康主管部门应当将准予注册和注销注册的人员名单及时予以公告): per authority, the
 * registrations it granted and the registrations it cancelled, latest first, one page at a time. Public: no
 * sign-in, a per-client quota like the register. The 执业证书编码 is shown as the public register shows it.
 */
import { CANCELLATION_GROUND_INFO, CommonErrors, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, defineErrors, isCancellationGround, spec } from '@medreg/domain';
import { z } from 'zod';
import { reading, type Deps } from '../../context';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import { hitPublicQuota } from '../register/rate-limits';
import { findAuthorityById, selectAuthoritiesOfProvince, selectCancellationAnnouncements, selectRegistrationAnnouncements, type AnnouncementRow } from './queries';
import { ANNOUNCEMENT_KIND_LABELS, type AnnouncementKind } from './schemas';

export const AnnouncementErrors = defineErrors({
  ANNOUNCEMENT_CURSOR_INVALID: spec(400, '翻页位置无效，请重新查询', 'Invalid page cursor'),
});

export async function listAnnouncements(deps: Deps, q: { authorityId: string; kind: AnnouncementKind; cursor?: string; limit: number }, client: { ip: string }) {
  const c = reading(deps);
  await hitPublicQuota(c, 'announcements', client.ip);
  const authority = await findAuthorityById(c, q.authorityId);
  if (!authority) throw CommonErrors.NOT_FOUND({ path: ['authorityId'], detail: '未找到该卫生健康主管部门' });
  const cursor = q.cursor
    ? (([on, id]) => ({ on, id }))(decodeCursor(q.cursor, z.tuple([cursorPart.date, cursorPart.id]), AnnouncementErrors.ANNOUNCEMENT_CURSOR_INVALID))
    : undefined;
  const page = { authorityId: authority.id, cursor, limit: q.limit };
  const rows: AnnouncementRow[] = q.kind === 'cancellation' ? await selectCancellationAnnouncements(c, page) : await selectRegistrationAnnouncements(c, page);
  const shown = rows.slice(0, q.limit);
  const last = shown[shown.length - 1];
  return {
    authority: { id: authority.id, name: authority.name },
    kind: q.kind,
    kindLabel: ANNOUNCEMENT_KIND_LABELS[q.kind],
    items: shown.map((r) => ({
      date: r.on, name: r.name, licenceCode: r.licenceCode, levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
      categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label, institutionName: r.institutionName, kindLabel: ANNOUNCEMENT_KIND_LABELS[q.kind],
      groundLabel: isCancellationGround(r.ground) ? CANCELLATION_GROUND_INFO[r.ground].label : null,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.on, last.id]) : null,
  };
}

export async function listProvinceAuthorities(deps: Deps, provinceCode: string) {
  return { items: await selectAuthoritiesOfProvince(reading(deps), provinceCode) };
}
