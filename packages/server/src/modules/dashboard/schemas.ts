/** Request and response schemas of the dashboards (统计看板), for validation and OpenAPI. */
import { z } from 'zod';
import { AUTHORITY_DASHBOARD_TABLES } from '@medreg/domain';

export const AuthorityDashboardQuery = z.object({
  authorityId: z.uuid('卫生健康行政部门标识无效').optional().describe('下级卫生健康行政部门（钻取）；省略时为本部门'),
});
export const AuthorityDashboardExportQuery = AuthorityDashboardQuery.extend({
  table: z.enum(AUTHORITY_DASHBOARD_TABLES, '未知的统计表'),
});

const AuthorityRef = z.object({ id: z.uuid(), name: z.string(), level: z.enum(['national', 'province', 'city', 'county']), areaCode: z.string() });
const Counts = { received: z.number().int(), decided: z.number().int(), approved: z.number().int(), refused: z.number().int(), returned: z.number().int() };
const Summary = {
  decisions: z.number().int(), median: z.number().int().nullable(), p90: z.number().int().nullable(), overLimit: z.number().int(),
};

export const AuthorityDashboard = z.object({
  authority: AuthorityRef.extend({ mine: z.boolean() }),
  breadcrumb: z.array(AuthorityRef).describe('从本部门到所看部门'),
  children: z.array(AuthorityRef).describe('直接下级（可钻取）'),
  refreshedAt: z.string().nullable().describe('统计时间（汇总表最近一次刷新）；超期数为实时'),
  today: z.string(),
  decisionLimitWorkingDays: z.number().int(),
  monthly: z.array(z.object({ month: z.string(), ...Counts })),
  businessTypes: z.array(z.object({ businessType: z.string(), label: z.string(), ...Counts })),
  decisionTime: z.object({ ...Summary, months: z.array(z.object({ month: z.string(), ...Summary })) }),
  deadlines: z.array(z.object({
    authorityId: z.uuid(), name: z.string(), own: z.boolean().describe('本级（而非下级）'), drillable: z.boolean(),
    accepted: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(),
  })),
  institutions: z.array(z.object({ institutionId: z.uuid(), name: z.string(), returned: z.number().int(), refused: z.number().int() })),
  physicians: z.object({
    total: z.number().int(),
    byCategory: z.array(z.object({ category: z.string(), label: z.string(), physicians: z.number().int() })),
    byLevel: z.array(z.object({ level: z.string(), label: z.string(), physicians: z.number().int() })),
    byRegion: z.array(z.object({ areaCode: z.string(), name: z.string(), physician: z.number().int(), assistant: z.number().int(), physicians: z.number().int() })),
  }),
});
export type AuthorityDashboard = z.infer<typeof AuthorityDashboard>;

export const RefreshResult = z.object({ refreshedAt: z.string() });

export const InstitutionDashboard = z.object({
  today: z.string(),
  byState: z.array(z.object({ state: z.string(), label: z.string(), applications: z.number().int() })),
  monthly: z.array(z.object({ month: z.string(), submitted: z.number().int(), approved: z.number().int(), refused: z.number().int() })),
  awaitingConfirmation: z.number().int().describe('待机构确认'),
  roster: z.array(z.object({ status: z.string(), label: z.string(), registrations: z.number().int() })),
  multiSiteFilings: z.number().int().describe('在本机构有效的多机构备案'),
  departures: z.object({ reported: z.number().int(), late: z.number().int() }).describe('近12个月报告的注册备案（离职等）及其中逾期报告'),
});
export type InstitutionDashboard = z.infer<typeof InstitutionDashboard>;
