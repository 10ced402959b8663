/** One institution: its record, 变更记录 (old → new per field) and, when it has any, the applications still open at it. */
import { Descriptions, Drawer, Empty, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { KeysetPager } from '../../components/keyset-pager';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { EMPTY, formatDate, formatDateTime } from '../../lib/format';
import { usePendingApplications, useRegistryDetail, type PendingApplication } from './institution-registry-api';

export function InstitutionDetailDrawer({ id, tab, onClose }: { id: string; tab: 'info' | 'history' | 'pending'; onClose: () => void }) {
  const { data, error } = useRegistryDetail(id);
  return (
    <Drawer open rootClassName="staff-contrast" width={Math.min(720, window.innerWidth)} title={data?.name ?? '医疗机构'} onClose={onClose} destroyOnHidden>
      <ProblemAlert error={error} />
      {data && (
        <Tabs defaultActiveKey={tab} items={[
          {
            key: 'info', label: '机构信息', children: (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="状态"><StatusTag label={data.statusLabel} color={data.status === 'normal' ? 'success' : 'warning'} />{data.suspendedReason && <Typography.Text type="secondary"> 原因：{data.suspendedReason}</Typography.Text>}</Descriptions.Item>
                <Descriptions.Item label="统一社会信用代码"><span className="registry-mono">{data.creditCode}</span></Descriptions.Item>
                <Descriptions.Item label="执业许可证登记号"><span className="registry-mono">{data.licenceRegNo}</span></Descriptions.Item>
                <Descriptions.Item label="机构类别 / 等级">{data.kindLabel} · {data.gradeLabel}{data.grassroots ? ' · 基层医疗卫生机构' : ''}</Descriptions.Item>
                <Descriptions.Item label="所在地区">{data.areaName}</Descriptions.Item>
                <Descriptions.Item label="地址">{data.address || EMPTY}</Descriptions.Item>
                <Descriptions.Item label="审批机关">{data.approvingAuthority.name}</Descriptions.Item>
                <Descriptions.Item label="开通电子化注册">{data.eRegistrationEnabled ? '是' : '否（本省尚未开通）'}</Descriptions.Item>
                <Descriptions.Item label="科室">{data.departments.length ? data.departments.map((d) => <Tag key={d}>{d}</Tag>) : EMPTY}</Descriptions.Item>
                <Descriptions.Item label="在办申请">{data.openApplications} 件</Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'history', label: '变更记录', children: (
              <Timeline items={data.history.map((h) => ({
                key: h.version,
                children: (
                  <div>
                    <Typography.Text strong>{h.eventLabel}</Typography.Text>
                    <Typography.Text type="secondary"> · {formatDateTime(h.at)} · {h.actor}</Typography.Text>
                    {h.reason && <div>原因：{h.reason}</div>}
                    {h.event !== 'register' && h.changes.map((c) => (
                      <div key={c.field} className="registry-change">{c.label}：<del>{c.old}</del> → <ins>{c.new}</ins></div>
                    ))}
                  </div>
                ),
              }))} />
            ),
          },
          { key: 'pending', label: `在办申请（${data.openApplications}）`, children: <PendingApplications id={id} /> },
        ]} />
      )}
    </Drawer>
  );
}

function PendingApplications({ id }: { id: string }) {
  const pages = useKeysetPages();
  const { data, error, isPending } = usePendingApplications(id, pages.cursor);
  if (data && data.total === 0) return <Empty description="该机构没有在办的申请" />;
  return (
    <>
      <ProblemAlert error={error} />
      <Typography.Paragraph type="secondary">机构暂停后，已提交的申请继续办理；以下为尚未办结的申请，共 {data?.total ?? 0} 件。</Typography.Paragraph>
      <Table<PendingApplication> rowKey="id" size="small" loading={isPending} pagination={false} dataSource={data?.items ?? []} scroll={{ x: 560 }} columns={[
        { title: '业务编号', dataIndex: 'businessCode', render: (v: string | null) => v ?? EMPTY },
        { title: '业务类型', dataIndex: 'businessTypeLabel' },
        { title: '医师', dataIndex: 'physicianName' },
        { title: '状态', dataIndex: 'stateLabel' },
        { title: '提交时间', dataIndex: 'submittedAt', render: (v: string | null) => (v ? formatDate(v) : EMPTY) },
      ]} />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} />
    </>
  );
}
