/**
 * 统计看板 of a health authority (issue 10 point 5): its jurisdiction's applications per month and business type, the
 * time from 受理 to decision against the decision limit (《医师法》第十三条: 20 working days), 已超期 / 即将超期 per
 * jurisdiction below it, the institutions with the most 退回补正 and 不予注册, and the registered physicians by
 * category, level and area. Aggregates come from the refreshed tables (统计时间 = refreshedAt); deadlines are live.
 */
import {
  BUSINESS_TYPES, BUSINESS_TYPE_INFO, DASHBOARD_TOP_INSTITUTIONS, PHYSICIAN_LEVELS, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORIES,
  PRACTICE_CATEGORY_INFO, isBusinessType, summariseDecisionDays, todayInChina,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { dueSoonUntil } from '../../jobs/due-alerts';
import { decisionLimit } from '../authority/calendar';
import { dashboardMonths, firstDayOf } from './months';
import {
  deadlinesQuery, decisionDaysQuery, institutionOutcomesQuery, lastRefresh, monthlyQuery, physiciansQuery, regionNames, selectRows,
  type MonthlyRow,
} from './queries';
import type { AuthorityDashboard } from './schemas';
import { areaRange, childAreaOf, childOf, dashboardScope, type AuthorityRef, type DashboardScope } from './scope';

const ref = (a: AuthorityRef) => ({ id: a.id, name: a.name, level: a.level, areaCode: a.areaCode });
const zero = () => ({ received: 0, decided: 0, approved: 0, refused: 0, returned: 0 });

function add(into: ReturnType<typeof zero>, row: MonthlyRow) {
  into.received += row.received; into.decided += row.decided; into.approved += row.approved; into.refused += row.refused; into.returned += row.returned;
}

export async function authorityDashboard(c: Ctx, actor: AccountActor, authorityId: string | undefined): Promise<AuthorityDashboard> {
  const scope = await dashboardScope(c, actor, authorityId);
  const ids = scope.within.map((a) => a.id);
  const today = todayInChina(c.now());
  const months = dashboardMonths(today);
  const from = firstDayOf(months);
  const limit = (await decisionLimit(c)).workingDays;

  const monthlyRows = await selectRows<MonthlyRow>(c, monthlyQuery(ids, from));
  const byMonth = new Map(months.map((m) => [m, zero()]));
  const byType = new Map<string, ReturnType<typeof zero>>();
  for (const row of monthlyRows) {
    const m = byMonth.get(row.month);
    if (m) add(m, row);
    if (!byType.has(row.business_type)) byType.set(row.business_type, zero());
    add(byType.get(row.business_type)!, row);
  }
  const typeOrder = (t: string) => (isBusinessType(t) ? BUSINESS_TYPES.indexOf(t) : BUSINESS_TYPES.length);

  return {
    authority: { ...ref(scope.authority), mine: scope.mine },
    breadcrumb: scope.breadcrumb.map(ref),
    children: scope.children.map(ref),
    refreshedAt: await lastRefresh(c),
    today,
    decisionLimitWorkingDays: limit,
    monthly: months.map((month) => ({ month, ...byMonth.get(month)! })),
    businessTypes: [...byType.entries()].sort(([a], [b]) => typeOrder(a) - typeOrder(b))
      .map(([businessType, counts]) => ({ businessType, label: isBusinessType(businessType) ? BUSINESS_TYPE_INFO[businessType].label : businessType, ...counts })),
    decisionTime: await decisionTime(c, ids, months, limit),
    deadlines: await deadlines(c, scope, today),
    institutions: (await selectRows<{ institution_id: string; name: string; returned: number; refused: number }>(
      c, institutionOutcomesQuery(ids, from, DASHBOARD_TOP_INSTITUTIONS),
    )).map((r) => ({ institutionId: r.institution_id, name: r.name, returned: r.returned, refused: r.refused })),
    physicians: await physicians(c, scope),
  };
}

async function decisionTime(c: Ctx, ids: string[], months: string[], limit: number) {
  const rows = await selectRows<{ month: string; working_days: number; decisions: number }>(c, decisionDaysQuery(ids, firstDayOf(months)));
  const bucket = (r: (typeof rows)[number]) => ({ workingDays: r.working_days, decisions: r.decisions });
  return {
    ...summariseDecisionDays(rows.map(bucket), limit),
    months: months.map((month) => ({ month, ...summariseDecisionDays(rows.filter((r) => r.month === month).map(bucket), limit) })),
  };
}

/** 已超期 and 即将超期 per child jurisdiction (live): the authority's own queue first as 本级. */
async function deadlines(c: Ctx, scope: DashboardScope, today: string) {
  const rows = await selectRows<{ authority_id: string; accepted: number; overdue: number; due_soon: number }>(
    c, deadlinesQuery(scope.within.map((a) => a.id), today, await dueSoonUntil(c, today)),
  );
  const lines = [scope.authority, ...scope.children].map((a) => ({
    authorityId: a.id, name: a.id === scope.authority.id ? `${a.name}（本级）` : a.name, own: a.id === scope.authority.id,
    drillable: a.id !== scope.authority.id, accepted: 0, overdue: 0, dueSoon: 0,
  }));
  for (const row of rows) {
    const owner = scope.within.find((a) => a.id === row.authority_id);
    const line = owner && lines.find((l) => l.authorityId === childOf(scope, owner).id);
    if (!line) continue;
    line.accepted += row.accepted; line.overdue += row.overdue; line.dueSoon += row.due_soon;
  }
  return lines;
}

async function physicians(c: Ctx, scope: DashboardScope) {
  const [lo, hi] = areaRange(scope.authority.level, scope.authority.areaCode);
  const rows = await selectRows<{ area_code: string; category: string; level: string; physicians: number }>(c, physiciansQuery(lo, hi));
  const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((n, r) => n + r.physicians, 0);
  // The area one level down; where the list has no such area (a municipality's 区 sit right under the province,
  // e.g. 110101 under 110000 without a 110100), the row's own county.
  const names = await regionNames(c, [...new Set(rows.flatMap((r) => [childAreaOf(scope.authority.level, r.area_code), r.area_code]))]);
  const areaOf = (r: (typeof rows)[number]) => {
    const child = childAreaOf(scope.authority.level, r.area_code);
    return names.has(child) ? child : r.area_code;
  };
  const areas = [...new Set(rows.map(areaOf))].sort();
  const inArea = (area: string) => (r: (typeof rows)[number]) => areaOf(r) === area;
  return {
    total: sum(() => true),
    byCategory: PRACTICE_CATEGORIES.map((category) => ({ category, label: PRACTICE_CATEGORY_INFO[category].label, physicians: sum((r) => r.category === category) })),
    byLevel: PHYSICIAN_LEVELS.map((level) => ({ level, label: PHYSICIAN_LEVEL_INFO[level].label, physicians: sum((r) => r.level === level) })),
    byRegion: areas.map((area) => ({
      areaCode: area, name: names.get(area) ?? area,
      physician: sum((r) => inArea(area)(r) && r.level === 'physician'),
      assistant: sum((r) => inArea(area)(r) && r.level === 'assistant'),
      physicians: sum(inArea(area)),
    })),
  };
}
