/** 业务进度 (/physician/applications): the physician's applications, newest first — a table, or a list of cards on a phone. */
import { Button, Card, Empty, Grid, List, Space, Table, Typography } from 'antd';
import { ButtonLink } from '../../../components/button-link';
import { PageHeader } from '../../../components/page-header';
import { ProblemAlert } from '../../../components/problem-alert';
import { StatusTag } from '../../../components/status-tag';
import { EMPTY, formatDate, formatDateTime } from '../../../lib/format';
import { STATE_COLORS, useMyApplications, type ApplicationListItem } from './applications-api';
import './business/business.css';

function Actions({ r }: { r: ApplicationListItem }) {
  return (
    <Space>
      {r.editable && <ButtonLink size="small" type="primary" to={`/physician/applications/new/${r.id}`}>{r.state === 'draft' ? '继续填写' : '修改'}</ButtonLink>}
      <ButtonLink size="small" to={`/physician/applications/${r.id}`}>查看</ButtonLink>
    </Space>
  );
}

/** A phone: one card per application, nothing to scroll sideways. */
function ProgressCards({ rows, loading }: { rows: ApplicationListItem[]; loading: boolean }) {
  return (
    <List
      loading={loading}
      dataSource={rows}
      split={false}
      locale={{ emptyText: <Empty description="暂无业务申请"><ButtonLink to="/physician/applications/new">去办理业务</ButtonLink></Empty> }}
      renderItem={(r) => (
        <List.Item style={{ display: 'block', padding: '0 0 12px' }}>
          <Card size="small" className="progress-card" title={r.businessTypeLabel} extra={<StatusTag label={r.stateLabel} color={STATE_COLORS[r.state]} />}>
            <div className="progress-card-code">
              <ButtonLink type="link" style={{ padding: 0, height: 'auto' }} to={`/physician/applications/${r.id}`}>{r.businessCode ?? '（草稿，未编号）'}</ButtonLink>
            </div>
            {r.institutionName && <div>确认机构：{r.institutionName}</div>}
            <Typography.Text type="secondary">{r.submittedAt ? `申请日期 ${formatDateTime(r.submittedAt)}` : `创建于 ${formatDate(r.createdAt)}`}</Typography.Text>
            <div style={{ marginTop: 8 }}><Actions r={r} /></div>
          </Card>
        </List.Item>
      )}
    />
  );
}

export function ProgressListPage() {
  const query = useMyApplications();
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const phone = Grid.useBreakpoint().md === false;
  return (
    <>
      <PageHeader
        title="业务进度"
        description="您办理的业务及其办理状态。点击业务可查看办理记录和下一步要做的事。"
        extra={<ButtonLink type="primary" to="/physician/applications/new">业务申请</ButtonLink>}
      />
      <ProblemAlert error={query.error} style={{ marginBottom: 16 }} />
      {phone ? <ProgressCards rows={rows} loading={query.isPending} /> : <Table<ApplicationListItem>
        rowKey="id"
        loading={query.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="暂无业务申请"><ButtonLink to="/physician/applications/new">去办理业务</ButtonLink></Empty> }}
        columns={[
          {
            title: '业务编号', dataIndex: 'businessCode', width: 210,
            render: (v: string | null, r) => <ButtonLink type="link" style={{ padding: 0 }} to={`/physician/applications/${r.id}`}>{v ?? '（草稿，未编号）'}</ButtonLink>,
          },
          { title: '业务类型', dataIndex: 'businessTypeLabel', width: 110 },
          { title: '拟执业机构', dataIndex: 'institutionName', render: (v: string | null) => v ?? EMPTY },
          { title: '状态', dataIndex: 'stateLabel', width: 120, render: (v: string, r) => <StatusTag label={v} color={STATE_COLORS[r.state]} /> },
          { title: '申请日期', dataIndex: 'submittedAt', width: 160, render: (v: string | null, r) => (v ? formatDateTime(v) : <Typography.Text type="secondary">创建于 {formatDate(r.createdAt)}</Typography.Text>) },
          {
            title: '操作', key: 'op', width: 150,
            render: (_v, r) => <Actions r={r} />,
          },
        ]}
      />}
      {query.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>加载更多</Button>
      )}
    </>
  );
}
