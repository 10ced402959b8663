/**
 * 资格补改 — requests to supplement or correct qualification records (seed question 五 「资格补改指南」,
 * domain BT-12), routed to the authorities within this one's jurisdiction; 【办理】 opens one (./correction-drawer.tsx).
 */
import { Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { KeysetPager } from '../../components/keyset-pager';
import { ExportButtons } from '../../components/export-buttons';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { formatDateTime } from '../../lib/format';
import { useQualificationCorrections, type CorrectionAttachment, type QualificationCorrection } from './authority-api';
import { AttachmentLinks, CORRECTION_STATUS_COLORS } from './correction-attachments';
import { CorrectionDrawer } from './correction-drawer';

const columnsFor = (onOpen: (id: string) => void): TableColumnsType<QualificationCorrection> => [
  { title: '提交时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  { title: '姓名', dataIndex: 'physicianName', width: 100 },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, render: (v: string) => <span className="mono">{v}</span> },
  { title: '补改原因', dataIndex: 'reason', width: 300, render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>{v}</Typography.Paragraph> },
  { title: '附件', dataIndex: 'attachments', width: 180, render: (v: CorrectionAttachment[]) => <AttachmentLinks attachments={v} /> },
  { title: '受理部门', dataIndex: 'authorityName', width: 180 },
  { title: '状态', dataIndex: 'statusLabel', width: 130, render: (v: string, r) => <StatusTag label={v} color={CORRECTION_STATUS_COLORS[r.status] ?? 'default'} /> },
  { title: '处理意见', dataIndex: 'resolutionNote', width: 160, render: (v: string | null) => v ?? '—' },
  { title: '操作', key: 'open', width: 90, fixed: 'right', render: (_: unknown, r) => <Button size="small" onClick={() => onOpen(r.id)} aria-label={`办理${r.physicianName}的资格补改申请`}>办理</Button> },
];

export function QualificationCorrectionsPage() {
  const [status, setStatus] = useState<string | undefined>();
  const pages = useKeysetPages();
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, error, isFetching } = useQualificationCorrections({ status, cursor: pages.cursor });
  return (
    <div className="staff-contrast">
      <PageHeader
        title="资格补改"
        description="医师资格校验未通过、确认姓名及身份证号码无误的医师提交的资格信息补录或修改申请（本辖区）。"
      />
      <Flex align="center" gap={8} style={{ marginBottom: 12 }} wrap>
        <label htmlFor="correction-status-filter">状态：</label>
        <Select
          id="correction-status-filter"
          allowClear
          placeholder="全部"
          style={{ width: 160 }}
          value={status}
          onChange={(v?: string) => { setStatus(v); pages.reset(); }}
          options={[
            { value: 'submitted', label: '已提交，待受理' },
            { value: 'in_review', label: '审核中' },
            { value: 'resolved', label: '已补改' },
            { value: 'rejected', label: '未予补改' },
          ]}
        />
        <ExportButtons path="/api/v1/authority/qualification-corrections/export" filters={{ status }} what="资格补改申请" />
      </Flex>
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Table<QualificationCorrection>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columnsFor(setOpenId)}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 1400 }}
        locale={{ emptyText: '暂无资格补改申请' }}
      />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} showPage={false} />
      <CorrectionDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
