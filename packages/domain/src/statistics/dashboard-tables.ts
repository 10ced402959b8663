/** The tables of the authority dashboard (统计看板): each chart has one, and each exports to Excel and CSV. */
export const AUTHORITY_DASHBOARD_TABLES = ['monthly', 'business_types', 'decision_time', 'deadlines', 'institutions', 'physicians'] as const;
export type AuthorityDashboardTable = (typeof AUTHORITY_DASHBOARD_TABLES)[number];

export const AUTHORITY_DASHBOARD_TABLE_LABELS = {
  monthly: '业务申请月度统计',
  business_types: '按业务类型统计',
  decision_time: '受理至办结用时',
  deadlines: '超期与即将超期',
  institutions: '退回补正与不予注册最多的医疗机构',
  physicians: '注册医师分布',
} as const satisfies Record<AuthorityDashboardTable, string>;

/** How many months the dashboard shows, the current one included. */
export const DASHBOARD_MONTHS = 12;

/** How many institutions the 退回/不予注册 ranking lists. */
export const DASHBOARD_TOP_INSTITUTIONS = 10;
