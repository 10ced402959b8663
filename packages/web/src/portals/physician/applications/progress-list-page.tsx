/** 业务进度 (/physician/applications): the physician's applications, newest first. */
import { Button, Empty, Space, Table, Typography } from 'antd';
import { ButtonLink } from '../../../components/button-link';
import { PageHeader } from '../../../components/page-header';
import { ProblemAlert } from '../../../components/problem-alert';
import { StatusTag } from '../../../components/status-tag';
import { EMPTY, formatDate, formatDateTime } from '../../../lib/format';
import { STATE_COLORS, useMyApplications, type ApplicationListItem } from './applications-api';

export function ProgressListPage() {
  const query = useMyApplications();
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="业务进度"
        description="您办理的业务及其办理状态。点击业务可查看办理记录和下一步要做的事。"
        extra={<ButtonLink type="primary" to="/physician/applications/new">业务申请</ButtonLink>}
      />
      <ProblemAlert error={query.error} style={{ marginBottom: 16 }} />
      <Table<ApplicationListItem>
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
            render: (_v, r) => (
              <Space>
                {r.editable && <ButtonLink size="small" type="primary" to={`/physician/applications/new/${r.id}`}>{r.state === 'draft' ? '继续填写' : '修改'}</ButtonLink>}
                <ButtonLink size="small" to={`/physician/applications/${r.id}`}>查看</ButtonLink>
              </Space>
            ),
          },
        ]}
      />
      {query.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>加载更多</Button>
      )}
    </>
  );
}
