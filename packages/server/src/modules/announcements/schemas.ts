import { z } from 'zod';

export const ANNOUNCEMENT_KINDS = ['registration', 'cancellation'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];
export const ANNOUNCEMENT_KIND_LABELS = { registration: '准予注册', cancellation: '注销注册' } as const satisfies Record<AnnouncementKind, string>;

export const AnnouncementQuery = z.object({
  authorityId: z.uuid('请选择卫生健康主管部门'),
  kind: z.enum(ANNOUNCEMENT_KINDS, '公告类别应为准予注册（registration）或注销注册（cancellation）').default('registration'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const AnnouncementPageSchema = z.object({
  authority: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  kindLabel: z.string(),
  items: z.array(z.object({
    /** 准予注册日期 or 注销日期. */
    date: z.string(),
    name: z.string(),
    licenceCode: z.string().nullable(),
    levelLabel: z.string(),
    categoryLabel: z.string(),
    institutionName: z.string(),
    kindLabel: z.string(),
    /** 注销原因 (a cancellation only). */
    groundLabel: z.string().nullable(),
  })),
  nextCursor: z.string().nullable(),
});

export const AuthoritiesQuery = z.object({ provinceCode: z.string().regex(/^\d{6}$/, '请选择省份') });
export const AuthoritiesResult = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), areaCode: z.string(), level: z.string() })) });
