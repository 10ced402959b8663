/**
 * 统计看板 (/authority/dashboard?authority=<id>): the jurisdiction's figures as charts, each with its table and its
 * Excel / CSV export; a child authority's name opens its dashboard, the breadcrumb leads back. 「刷新统计」 rebuilds
 * the aggregates now (otherwise every 10 minutes); 已超期 / 即将超期 are live.
 */
import { Alert, Button, Col, Flex, Row, Space, Statistic, Card, Typography, App as AntApp } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AuthorityDashboardTable } from '@medreg/domain';
import { ChartCard } from '../../components/charts/chart-card';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../lib/format';
import { dashboardExportUrl, useAuthorityDashboard, useRefreshDashboard, type AuthorityDashboard } from './dashboard-api';
import {
  businessTypeOption, deadlinesOption, decisionTimeOption, institutionsOption, monthlyOption, physiciansOption, regionsOption,
} from './dashboard-charts';

const dashboardLink = (id: string) => `/authority/dashboard?authority=${id}`;
const days = (n: number | null) => (n === null ? '—' : `${n} 个工作日`);
const COUNT_COLUMNS = [
  { title: '收件', dataIndex: 'received', align: 'right' as const },
  { title: '办结', dataIndex: 'decided', align: 'right' as const },
  { title: '准予注册', dataIndex: 'approved', align: 'right' as const },
  { title: '不予注册', dataIndex: 'refused', align: 'right' as const },
  { title: '退回补正', dataIndex: 'returned', align: 'right' as const },
];

export function DashboardPage() {
  const [params] = useSearchParams();
  const authorityId = params.get('authority') ?? undefined;
  const { data, error, isLoading } = useAuthorityDashboard(authorityId);
  const refresh = useRefreshDashboard();
  const { message } = AntApp.useApp();

  const crumbs = data && data.breadcrumb.length > 1
    ? data.breadcrumb.map((b, i) => ({ title: b.name, to: i < data.breadcrumb.length - 1 ? dashboardLink(b.id) : undefined }))
    : undefined;
  return (
    <>
      <PageHeader
        title="统计看板"
        breadcrumb={crumbs}
        description={data ? `${data.authority.name}辖区` : undefined}
        extra={(
          <Button icon={<ReloadOutlined />} loading={refresh.isPending}
            onClick={() => refresh.mutate(undefined, { onSuccess: () => void message.success('统计已刷新') })}>
            刷新统计
          </Button>
        )}
      />
      {error && <ProblemAlert error={error} />}
      {refresh.error && <ProblemAlert error={refresh.error} />}
      {isLoading && <Typography.Text type="secondary">正在加载统计…</Typography.Text>}
      {data && <DashboardBody d={data} authorityId={authorityId} />}
    </>
  );
}

function DashboardBody({ d, authorityId }: { d: AuthorityDashboard; authorityId: string | undefined }) {
  const url = (table: AuthorityDashboardTable) => (format: 'xlsx' | 'csv') => dashboardExportUrl(table, authorityId, format);
  const options = useMemo(() => ({
    monthly: monthlyOption(d), types: businessTypeOption(d), time: decisionTimeOption(d), deadlines: deadlinesOption(d),
    institutions: institutionsOption(d), physicians: physiciansOption(d), regions: regionsOption(d),
  }), [d]);
  const totals = d.monthly.reduce((t, m) => ({ received: t.received + m.received, decided: t.decided + m.decided }), { received: 0, decided: 0 });
  const overdue = d.deadlines.reduce((n, l) => n + l.overdue, 0);
  const dueSoon = d.deadlines.reduce((n, l) => n + l.dueSoon, 0);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center">
        <Typography.Text type="secondary">
          统计时间：{d.refreshedAt ? formatDateTime(d.refreshedAt) : '尚未统计，请点击「刷新统计」'}（每10分钟自动刷新；超期数为实时）
        </Typography.Text>
      </Flex>
      {d.children.length > 0 && (
        <nav aria-label="下级卫生健康行政部门">
          <Typography.Text>下级部门：</Typography.Text>
          <Space wrap size={[12, 4]}>
            {d.children.map((c) => <Link key={c.id} to={dashboardLink(c.id)}>{c.name}</Link>)}
          </Space>
        </nav>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title="近12个月收件" value={totals.received} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="近12个月办结" value={totals.decided} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="办结用时中位数（工作日）" value={d.decisionTime.median ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="已超期 / 即将超期" value={`${overdue} / ${dueSoon}`} /></Card></Col>
      </Row>
      {overdue > 0 && <Alert type="error" showIcon message={`辖区内有 ${overdue} 件已受理申请超过 ${d.decisionLimitWorkingDays} 个工作日的审批时限`} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard title="近12个月收件与办结" label="按月份的收件、办结、准予注册和不予注册件数柱状图，数据见下表" option={options.monthly}
            columns={[{ title: '月份', dataIndex: 'month' }, ...COUNT_COLUMNS]} rows={d.monthly} rowKey="month" exportUrl={url('monthly')} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="按业务类型" label="各业务类型的收件、准予注册和不予注册件数条形图，数据见下表" option={options.types}
            chartHeight={Math.max(160, 60 + d.businessTypes.length * 40)}
            columns={[{ title: '业务类型', dataIndex: 'label' }, ...COUNT_COLUMNS]} rows={d.businessTypes} rowKey="businessType" exportUrl={url('business_types')} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={`受理至办结用时（时限${d.decisionLimitWorkingDays}个工作日）`}
            label={`按月份的办结用时中位数和90%分位折线图，红色虚线为${d.decisionLimitWorkingDays}个工作日时限，数据见下表`}
            option={options.time}
            summary={`近12个月办结 ${d.decisionTime.decisions} 件：中位数 ${days(d.decisionTime.median)}，90%分位 ${days(d.decisionTime.p90)}，超过时限 ${d.decisionTime.overLimit} 件（纵轴为工作日）`}
            columns={[
              { title: '月份', dataIndex: 'month' },
              { title: '办结件数', dataIndex: 'decisions', align: 'right' },
              { title: '中位数', dataIndex: 'median', render: days },
              { title: '90%分位', dataIndex: 'p90', render: days },
              { title: '超时限', dataIndex: 'overLimit', align: 'right' },
            ]}
            rows={d.decisionTime.months} rowKey="month" exportUrl={url('decision_time')}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="超期与即将超期（实时）" label="本级及各下级部门已超期和即将超期的已受理申请件数条形图，数据见下表" option={options.deadlines}
            chartHeight={Math.max(160, 60 + d.deadlines.length * 36)}
            columns={[
              { title: '卫生健康行政部门', dataIndex: 'name', render: (name: string, l) => (l.drillable ? <Link to={dashboardLink(l.authorityId)}>{name}</Link> : name) },
              { title: '已受理', dataIndex: 'accepted', align: 'right' },
              { title: '已超期', dataIndex: 'overdue', align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
              { title: '即将超期', dataIndex: 'dueSoon', align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n) },
            ]}
            rows={d.deadlines} rowKey="authorityId" exportUrl={url('deadlines')}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="退回补正与不予注册最多的医疗机构（前10）" label="近12个月退回补正和不予注册件数最多的医疗机构条形图，数据见下表"
            option={d.institutions.length > 0 ? options.institutions : undefined} chartHeight={Math.max(160, 60 + d.institutions.length * 32)}
            columns={[
              { title: '医疗机构', dataIndex: 'name' },
              { title: '退回补正', dataIndex: 'returned', align: 'right' },
              { title: '不予注册', dataIndex: 'refused', align: 'right' },
            ]}
            rows={d.institutions} rowKey="institutionId" exportUrl={url('institutions')} empty="近12个月没有退回补正或不予注册"
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={`注册医师（有效注册 ${d.physicians.total} 人）`} label="注册医师按执业级别（内圈）和执业类别（外圈）的饼图，数据见下表"
            option={options.physicians} chartHeight={300}
            columns={[{ title: '执业类别', dataIndex: 'label' }, { title: '人数', dataIndex: 'physicians', align: 'right' }]}
            rows={d.physicians.byCategory} rowKey="category"
          />
        </Col>
        <Col xs={24}>
          <ChartCard title="注册医师地区分布" label="各地区执业医师和执业助理医师人数柱状图，数据见下表" option={d.physicians.byRegion.length > 0 ? options.regions : undefined}
            columns={[
              { title: '地区', dataIndex: 'name' },
              { title: '执业医师', dataIndex: 'physician', align: 'right' },
              { title: '执业助理医师', dataIndex: 'assistant', align: 'right' },
              { title: '合计', dataIndex: 'physicians', align: 'right' },
            ]}
            rows={d.physicians.byRegion} rowKey="areaCode" exportUrl={url('physicians')}
          />
        </Col>
      </Row>
    </Space>
  );
}
