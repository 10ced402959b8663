/** The ECharts options of the authority dashboard, built from the server's figures (labels in Chinese). */
import type { ChartOption } from '../../components/charts/echart';
import type { AuthorityDashboard } from './dashboard-api';

const monthLabel = (m: string) => `${Number(m.slice(5, 7))}月`;
const grid = { left: 8, right: 16, top: 56, bottom: 8, containLabel: true };
/** A plain legend wraps onto a second line on a phone instead of hiding entries behind arrows. */
const legend = { top: 0, type: 'plain' as const };

export function monthlyOption(d: AuthorityDashboard): ChartOption {
  const series = (name: string, pick: (m: AuthorityDashboard['monthly'][number]) => number) => ({ name, type: 'bar', data: d.monthly.map(pick) });
  return {
    tooltip: { trigger: 'axis' }, legend, grid,
    xAxis: { type: 'category', data: d.monthly.map((m) => monthLabel(m.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series('收件', (m) => m.received), series('办结', (m) => m.decided), series('准予注册', (m) => m.approved), series('不予注册', (m) => m.refused)],
  };
}

export function businessTypeOption(d: AuthorityDashboard): ChartOption {
  return {
    tooltip: { trigger: 'axis' }, legend, grid,
    yAxis: { type: 'category', data: d.businessTypes.map((b) => b.label), inverse: true },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '收件', type: 'bar', data: d.businessTypes.map((b) => b.received) },
      { name: '准予注册', type: 'bar', data: d.businessTypes.map((b) => b.approved) },
      { name: '不予注册', type: 'bar', data: d.businessTypes.map((b) => b.refused) },
    ],
  };
}

export function decisionTimeOption(d: AuthorityDashboard): ChartOption {
  const limit = d.decisionLimitWorkingDays;
  return {
    tooltip: { trigger: 'axis' }, legend, grid,
    xAxis: { type: 'category', data: d.decisionTime.months.map((m) => monthLabel(m.month)) },
    yAxis: { type: 'value', minInterval: 1, max: (v: { max: number }) => Math.max(v.max, limit) + 2 },
    series: [
      { name: '中位数', type: 'line', connectNulls: true, data: d.decisionTime.months.map((m) => m.median) },
      {
        name: '90%分位', type: 'line', connectNulls: true, data: d.decisionTime.months.map((m) => m.p90),
        markLine: { symbol: 'none', lineStyle: { color: '#ff4d4f', type: 'dashed' }, label: { formatter: `时限 ${limit} 个工作日`, position: 'insideEndTop' }, data: [{ yAxis: limit }] },
      },
    ],
  };
}

export function deadlinesOption(d: AuthorityDashboard): ChartOption {
  return {
    tooltip: { trigger: 'axis' }, legend, grid,
    yAxis: { type: 'category', data: d.deadlines.map((l) => l.name.replace(/卫生健康(委员会|局)/, '')), inverse: true },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '已超期', type: 'bar', stack: 'due', data: d.deadlines.map((l) => l.overdue), color: '#ff4d4f' },
      { name: '即将超期', type: 'bar', stack: 'due', data: d.deadlines.map((l) => l.dueSoon), color: '#faad14' },
    ],
  };
}

export function institutionsOption(d: AuthorityDashboard): ChartOption {
  return {
    tooltip: { trigger: 'axis' }, legend, grid,
    yAxis: { type: 'category', data: d.institutions.map((i) => i.name), inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '退回补正', type: 'bar', stack: 'n', data: d.institutions.map((i) => i.returned), color: '#faad14' },
      { name: '不予注册', type: 'bar', stack: 'n', data: d.institutions.map((i) => i.refused), color: '#ff4d4f' },
    ],
  };
}

export function physiciansOption(d: AuthorityDashboard): ChartOption {
  return {
    tooltip: { trigger: 'item' }, legend: { bottom: 0, type: 'plain' },
    series: [
      { name: '执业级别', type: 'pie', radius: ['0%', '38%'], center: ['50%', '45%'], label: { position: 'inner', formatter: '{c}', color: '#fff' },
        data: d.physicians.byLevel.map((l) => ({ name: l.label, value: l.physicians })) },
      { name: '执业类别', type: 'pie', radius: ['50%', '68%'], center: ['50%', '45%'], label: { position: 'inside', formatter: '{c}', color: '#fff' },
        data: d.physicians.byCategory.filter((c) => c.physicians > 0).map((c) => ({ name: c.label, value: c.physicians })) },
    ],
  };
}

export function regionsOption(d: AuthorityDashboard): ChartOption {
  return {
    tooltip: { trigger: 'axis' }, legend, grid,
    xAxis: { type: 'category', data: d.physicians.byRegion.map((r) => r.name), axisLabel: { interval: 0, rotate: d.physicians.byRegion.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '执业医师', type: 'bar', stack: 'p', data: d.physicians.byRegion.map((r) => r.physician) },
      { name: '执业助理医师', type: 'bar', stack: 'p', data: d.physicians.byRegion.map((r) => r.assistant) },
    ],
  };
}
