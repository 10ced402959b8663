/**
 * 本机构统计 (/institution/statistics): the institution's applications by status and by month, what awaits its
 * confirmation, its roster by registration status, its multi-site filings and the 注册备案 it reported (and how many
 * late: 30 days, 《医师执业注册管理办法》). Live figures, each chart with its table.
 */
import { useMemo } from 'react';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ChartCard } from '../../components/charts/chart-card';
import type { ChartOption } from '../../components/charts/echart';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';

interface InstitutionDashboard {
  today: string;
  byState: { state: string; label: string; applications: number }[];
  monthly: { month: string; submitted: number; approved: number; refused: number }[];
  awaitingConfirmation: number;
  roster: { status: string; label: string; registrations: number }[];
  multiSiteFilings: number;
  departures: { reported: number; late: number };
}

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

function monthlyOption(d: InstitutionDashboard): ChartOption {
  const months = d.monthly.map((m) => `${Number(m.month.slice(5, 7))}月`);
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid,
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '提交', type: 'bar', data: d.monthly.map((m) => m.submitted) },
      { name: '准予注册', type: 'bar', data: d.monthly.map((m) => m.approved) },
      { name: '未通过', type: 'bar', data: d.monthly.map((m) => m.refused) },
    ],
  };
}

function stateOption(d: InstitutionDashboard): ChartOption {
  return {
    tooltip: { trigger: 'item' }, legend: { bottom: 0, type: 'scroll' },
    series: [{ name: '业务申请', type: 'pie', radius: ['35%', '62%'], center: ['50%', '42%'], label: { position: 'inside', formatter: '{c}', color: '#fff' },
      data: d.byState.map((s) => ({ name: s.label, value: s.applications })) }],
  };
}

export function StatisticsPage() {
  const { data: d, error } = useQuery({ queryKey: ['institution', 'dashboard'], queryFn: () => api.get<InstitutionDashboard>('/api/v1/institution/dashboard') });
  const options = useMemo(() => (d ? { monthly: monthlyOption(d), states: stateOption(d) } : undefined), [d]);
  return (
    <>
      <PageHeader title="本机构统计" description="本机构的业务申请、医师名册和注册备案（实时）" />
      {error && <ProblemAlert error={error} />}
      {d && options && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Link to="/institution/applications"><Card size="small" hoverable><Statistic title="待本机构确认" value={d.awaitingConfirmation} /></Card></Link></Col>
            <Col xs={12} md={6}><Link to="/institution/physicians"><Card size="small" hoverable><Statistic title="有效注册医师" value={d.roster.find((r) => r.status === 'valid')?.registrations ?? 0} /></Card></Link></Col>
            <Col xs={12} md={6}><Link to="/institution/multi-site-physicians"><Card size="small" hoverable><Statistic title="多机构备案医师" value={d.multiSiteFilings} /></Card></Link></Col>
            <Col xs={12} md={6}>
              <Card size="small"><Statistic title="近12个月注册备案（逾期报告）" value={`${d.departures.reported}（${d.departures.late}）`} /></Card>
            </Col>
          </Row>
          {d.departures.late > 0 && (
            <Typography.Text type="warning">有 {d.departures.late} 件注册备案在办理离职手续30日后才报告，请及时报告医师离职、退休等情形。</Typography.Text>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <ChartCard title="近12个月业务申请" label="按月份的提交、准予注册和未通过件数柱状图，数据见下表" option={options.monthly}
                columns={[
                  { title: '月份', dataIndex: 'month' },
                  { title: '提交', dataIndex: 'submitted', align: 'right' },
                  { title: '准予注册', dataIndex: 'approved', align: 'right' },
                  { title: '未通过', dataIndex: 'refused', align: 'right' },
                ]}
                rows={d.monthly} rowKey="month"
              />
            </Col>
            <Col xs={24} xl={10}>
              <ChartCard title="业务申请按状态" label="业务申请按当前状态的饼图，数据见下表" option={d.byState.length > 0 ? options.states : undefined}
                columns={[{ title: '状态', dataIndex: 'label' }, { title: '件数', dataIndex: 'applications', align: 'right' }]}
                rows={d.byState} rowKey="state"
              />
            </Col>
            <Col xs={24}>
              <ChartCard title="医师名册（按注册状态）" label="本机构执业注册按注册状态统计"
                columns={[{ title: '注册状态', dataIndex: 'label' }, { title: '执业注册', dataIndex: 'registrations', align: 'right' }]}
                rows={d.roster} rowKey="status"
              />
            </Col>
          </Row>
        </Space>
      )}
    </>
  );
}
