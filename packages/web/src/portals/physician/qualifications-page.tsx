/** 资格信息 (after activation): 资格证书编码, 级别, 类别, 取得时间, 准考证号. */
import { Empty, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatDate } from '../../lib/format';
import type { QualificationView } from './physician-api';

export function QualificationsPage() {
  const { data, error, isPending } = useQuery({
    queryKey: ['physician', 'qualifications'],
    queryFn: () => api.get<{ items: QualificationView[] }>('/api/v1/physician/qualifications'),
  });
  return (
    <>
      <PageHeader title="资格信息" description="您的医师资格信息。资格信息以资格库记录为准，个人信息修改不会改变原始资格记录。" />
      <ProblemAlert error={error} style={{ marginBottom: 16 }} />
      <Table<QualificationView>
        rowKey="id"
        loading={isPending}
        pagination={false}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <Empty description="暂无资格信息">
              <ButtonLink to="/physician/qualification-corrections">查看资格补改指南</ButtonLink>
            </Empty>
          ),
        }}
        columns={[
          {
            title: '资格证书编码', dataIndex: 'certCode', width: 260,
            render: (v: string | null) => (v ? <Typography.Text copyable>{v}</Typography.Text> : <Typography.Text type="secondary">考试合格，证书待发</Typography.Text>),
          },
          { title: '级别', dataIndex: 'levelLabel', width: 120 },
          { title: '类别', dataIndex: 'categoryLabel', width: 110, render: (v: string, r) => (r.speciality ? `${v}（${r.speciality}）` : v) },
          { title: '取得时间', dataIndex: 'obtainedDate', width: 110, render: (v: string | null) => formatDate(v) },
          { title: '准考证号', dataIndex: 'admissionTicketNo', width: 150, render: (v: string | null) => v ?? EMPTY },
          { title: '取得途径', dataIndex: 'sourceLabel', width: 150 },
          { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v: string, r) => <StatusTag label={v} color={r.status === 'valid' ? 'success' : 'error'} /> },
        ]}
      />
    </>
  );
}
