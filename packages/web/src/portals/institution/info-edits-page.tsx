/**
 * 信息修改审核 (domain §2.2 BT-11, §1.2 item 8 [S14][S20]): the physicians' 个人信息修改 requests sent to this institution
 * as their main institution — 「修改后需经主要执业机构审核通过后生效」. The queue (filters, keyset pages, total, CSV), a
 * request's drawer with 修改前 → 修改后 and its history, and 【同意】 / 【不同意】 (with a reason). No authority step follows.
 */
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Space, Spin, Table, Timeline, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { INFO_EDIT_STATUSES, INFO_EDIT_STATUS_LABELS, isIsoDate, type InfoEditStatus } from '@medreg/domain';
import { applyProblemToForm, isApiError } from '../../api/client';
import { INFO_EDIT_STATUS_COLORS, type InfoEditView } from '../../api/info-edit-view';
import { useApiErrorHandler } from '../../api/use-api-error';
import { InfoEditRows } from '../../components/info-edit-rows';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { EMPTY, formatDateTime } from '../../lib/format';
import { useInfoEditDecision, useInfoEditDetail, useInfoEditQueue, type InfoEditQueueQuery } from './info-edit-api';
import './institution.css';
import { ExportButtons } from '../../components/export-buttons';

const STATUS_OPTIONS = INFO_EDIT_STATUSES.map((s) => ({ value: s, label: INFO_EDIT_STATUS_LABELS[s] }));

interface FilterValues { name?: string; status?: InfoEditStatus; submittedFrom?: string; submittedTo?: string }

function isStatus(v: string | null): v is InfoEditStatus {
  return (INFO_EDIT_STATUSES as readonly (string | null)[]).includes(v);
}
const date = (v: string | null) => (v && isIsoDate(v) ? v : undefined);

export function InfoEditsPage() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  // The work to do first: 待机构审核, unless the clerk chose otherwise (status=all: every status).
  const status = isStatus(rawStatus) ? rawStatus : rawStatus === 'all' ? undefined : 'pending';
  const filters: InfoEditQueueQuery = {
    status, name: params.get('name') ?? undefined, submittedFrom: date(params.get('submittedFrom')), submittedTo: date(params.get('submittedTo')),
  };
  const pages = useKeysetPages();
  const { data, error, isFetching } = useInfoEditQueue({ ...filters, cursor: pages.cursor, limit: 20 });
  const [form] = Form.useForm<FilterValues>();
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (error) applyProblemToForm(form, error);
  }, [error, form]);

  const onSearch = (v: FilterValues) => {
    const p = new URLSearchParams();
    if (v.name?.trim()) p.set('name', v.name.trim());
    p.set('status', v.status ?? 'all');
    if (v.submittedFrom) p.set('submittedFrom', v.submittedFrom);
    if (v.submittedTo) p.set('submittedTo', v.submittedTo);
    setParams(p, { replace: true });
    pages.reset();
  };
  const onReset = () => {
    form.setFieldsValue({ name: undefined, status: 'pending', submittedFrom: undefined, submittedTo: undefined });
    onSearch({ status: 'pending' });
  };

  const columns: TableColumnsType<InfoEditView> = [
    ...COLUMNS,
    {
      title: '操作', key: 'actions', width: 90, fixed: 'right',
      render: (_: unknown, r) => {
        const label = r.status === 'pending' ? '审核' : '查看';
        return (
          <Button size="small" type={r.status === 'pending' ? 'primary' : 'default'} onClick={() => setOpen(r.id)} aria-label={`${label}${r.physicianName}的信息修改申请`}>
            {label}
          </Button>
        );
      },
    },
  ];

  return (
    <div className="staff-contrast">
      <PageHeader
        title="信息修改审核"
        description="本机构医师提交的个人信息修改（学历信息、任职资格、照片、联系方式）。经本机构审核同意后，执业注册即登记修改后的信息；不同意须写明理由。"
        extra={<ExportButtons path="/api/v1/institution/info-edits/export" filters={filters} what="信息修改审核" />}
      />
      <Form form={form} layout="inline" className="inst-filters" onFinish={onSearch} initialValues={filters}>
        <Form.Item name="name" label="姓名"><Input allowClear placeholder="医师姓名" style={{ width: 130 }} /></Form.Item>
        <Form.Item name="status" label="审核状态">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={STATUS_OPTIONS} />
        </Form.Item>
        <Form.Item name="submittedFrom" label="提交日期自"><Input type="date" style={{ width: 150 }} /></Form.Item>
        <Form.Item name="submittedTo" label="至"><Input type="date" style={{ width: 150 }} /></Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={onReset}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={isApiError(error) && error.errors.length > 0 ? null : error} style={{ marginBottom: 12 }} />
      <div className="inst-table-scroll" role="region" aria-label="信息修改申请列表" tabIndex={0}>
        <Table<InfoEditView>
          rowKey="id"
          size="middle"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          style={{ minWidth: 980 }}
          locale={{ emptyText: <Typography.Text>暂无符合条件的信息修改申请</Typography.Text> }}
        />
      </div>
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} prefix={data ? `共 ${data.total} 条 · ` : undefined} />
      <DetailDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}

const COLUMNS: TableColumnsType<InfoEditView> = [
  { title: '提交时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
  { title: '姓名', dataIndex: 'physicianName', width: 90 },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 170, render: (v: string) => <span className="inst-mono inst-small">{v}</span> },
  { title: '执业证书编码', key: 'licence', width: 160, render: (_: unknown, r) => <span className="inst-mono">{r.registration.licenceCode ?? EMPTY}</span> },
  { title: '修改项目', key: 'fields', render: (_: unknown, r) => r.rows.map((x) => x.label).join('、') },
  { title: '审核状态', key: 'status', width: 110, render: (_: unknown, r) => <StatusTag label={r.statusLabel} color={INFO_EDIT_STATUS_COLORS[r.status]} /> },
  { title: '审核时间', dataIndex: 'decidedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : EMPTY) },
];

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, error, isPending } = useInfoEditDetail(id);
  const decide = useInfoEditDecision();
  const showError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [refusing, setRefusing] = useState(false);
  const can = (a: string) => data?.allowedActions.some((x) => x.action === a) ?? false;

  const approve = () => {
    if (!data) return;
    modal.confirm({
      title: `同意${data.physicianName}的信息修改？`,
      content: '同意后，该执业注册即登记修改后的信息，下次生成的电子证照使用新照片；医师将收到通知。',
      okText: '确定同意',
      cancelText: '取消',
      onOk: () => decide.mutateAsync({ id: data.id, version: data.version, action: 'approve' })
        .then(() => { void message.success('已同意，执业注册信息已更新'); })
        .catch((e: unknown) => { showError(e); }),
    });
  };

  return (
    <Drawer
      title={data ? `信息修改申请：${data.physicianName}` : '信息修改申请'}
      open={id !== null}
      onClose={onClose}
      width="min(720px, 100vw)"
      destroyOnHidden
      rootClassName="staff-contrast"
      extra={data && (can('approve') || can('refuse')) && (
        <Space>
          {can('refuse') && <Button danger onClick={() => setRefusing(true)}>不同意</Button>}
          {can('approve') && <Button type="primary" onClick={approve} loading={decide.isPending}>同意</Button>}
        </Space>
      )}
    >
      <ProblemAlert error={error} />
      {id && isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {data && (
        <Flex vertical gap={16} className="inst-detail">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'name', label: '姓名', children: data.physicianName },
              { key: 'id', label: '身份证号', children: <span className="inst-mono">{data.idNumberMasked}</span> },
              { key: 'reg', label: '执业注册', children: `${data.registration.levelLabel} · ${data.registration.categoryLabel} · ${data.registration.licenceCode ?? EMPTY}` },
              { key: 'status', label: '审核状态', children: <StatusTag label={data.statusLabel} color={INFO_EDIT_STATUS_COLORS[data.status]} /> },
              { key: 'at', label: '提交时间', children: formatDateTime(data.createdAt) },
              ...(data.decisionReason ? [{ key: 'reason', label: '不同意理由', children: data.decisionReason }] : []),
            ]}
          />
          <section aria-label="修改内容">
            <Typography.Title level={5}>修改内容</Typography.Title>
            <InfoEditRows rows={data.rows} />
          </section>
          <section aria-label="办理记录">
            <Typography.Title level={5}>办理记录</Typography.Title>
            <Timeline
              items={data.history.map((h) => ({
                children: (
                  <div>
                    <strong>{h.label}</strong>（{h.toStatusLabel}）
                    <div className="inst-timeline-meta">{formatDateTime(h.at)} · {h.actorName ?? EMPTY}（{h.actorRoleLabel}）</div>
                    {h.reason && <div>理由：{h.reason}</div>}
                  </div>
                ),
              }))}
            />
          </section>
          {data.earlier.length > 0 && (
            <section aria-label="此前的信息修改">
              <Typography.Title level={5}>此前已同意的信息修改</Typography.Title>
              <Flex vertical gap={8}>
                {data.earlier.map((e) => <InfoEditRows key={e.id} rows={e.rows} caption={e.decidedAt ? `${formatDateTime(e.decidedAt)} 同意` : undefined} />)}
              </Flex>
            </section>
          )}
          {data.status === 'pending' && <Alert type="info" showIcon message="请核对修改后的信息（如任职资格证书、学历证书）后再同意。" />}
        </Flex>
      )}
      {data && (
        <RefuseDialog
          open={refusing}
          onClose={() => setRefusing(false)}
          onRefuse={(reason, form) => decide.mutate({ id: data.id, version: data.version, action: 'refuse', reason }, {
            onSuccess: () => { void message.success('已不同意，医师将收到理由'); setRefusing(false); },
            onError: (e) => showError(e, form),
          })}
          pending={decide.isPending}
        />
      )}
    </Drawer>
  );
}

function RefuseDialog({ open, onClose, onRefuse, pending }: {
  open: boolean; onClose: () => void; pending: boolean;
  onRefuse: (reason: string, form: ReturnType<typeof Form.useForm<{ reason: string }>>[0]) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal title="不同意信息修改" open={open} okText="确定不同意" cancelText="取消" okButtonProps={{ danger: true }} confirmLoading={pending} rootClassName="staff-contrast"
      onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">不同意后，执业注册信息不作修改；医师将收到理由，可修改后重新提交。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onRefuse(v.reason.trim(), form)}>
        <Form.Item name="reason" label="不同意理由" rules={[{ required: true, whitespace: true, message: '请填写不同意的理由' }, { max: 500, message: '理由不超过500字' }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="例如：未见主治医师任职资格证书，请补充后重新提交" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
