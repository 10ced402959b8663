/**
 * 执业注册管理 — the registrations granted in this authority's jurisdiction: search by name, 身份证号 (shown masked)
 * or 执业证书编码, keyset pages with the count, CSV export; a drawer with the record and its history; and
 * 【依职权注销】 (《医师法》第十七条第三款) on a statutory ground with the 文书编号, for the granting authority or one above it.
 */
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { CANCELLATION_GROUND_INFO, REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS, cancellationGroundsFor, todayInChina, type RegistrationStatus } from '@medreg/domain';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/use-api-error';
import { CertificateButton } from '../../components/certificate/certificate-button';
import { KeysetPager } from '../../components/keyset-pager';
import { useDocumentTitle } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import '../../components/staff-contrast.css';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { EMPTY, formatDateTime } from '../../lib/format';
import {
  useCancelExOfficio, useManagedRegistration, useManagedRegistrations, type ManagedRegistration, type ManagedRegistrationDetail,
  type RegistrationQuery,
} from './registrations-api';
import { ExportButtons } from '../../components/export-buttons';

const STATUS_COLOR: Record<RegistrationStatus, string> = { valid: 'green', suspended: 'orange', filed: 'blue', transferred_out: 'default', cancelled: 'red' };
const GROUND_OPTIONS = cancellationGroundsFor('authority').map((g) => ({ value: g, label: `${CANCELLATION_GROUND_INFO[g].label}（${CANCELLATION_GROUND_INFO[g].basis}）` }));

const COLUMNS: TableColumnsType<ManagedRegistration> = [
  { title: '姓名', dataIndex: 'name', width: 100 },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 170, render: (v: string) => <span className="mono">{v}</span> },
  { title: '执业证书编码', dataIndex: 'licenceCode', width: 160, render: (v: string | null) => <span className="mono">{v ?? EMPTY}</span> },
  { title: '级别 · 类别', key: 'level', width: 140, render: (_: unknown, r) => `${r.levelLabel} · ${r.categoryLabel}` },
  { title: '主要执业机构', dataIndex: 'institutionName', width: 200 },
  { title: '批准日期', dataIndex: 'approvedOn', width: 110 },
  { title: '注册状态', key: 'status', width: 100, render: (_: unknown, r) => <Tag color={STATUS_COLOR[r.status]}>{r.statusLabel}</Tag> },
];

interface Filters { name?: string; idNumber?: string; licenceCode?: string; status?: RegistrationStatus }

export function RegistrationsPage() {
  useDocumentTitle('执业注册管理');
  const [filters, setFilters] = useState<Filters>({});
  const pages = useKeysetPages();
  const query: RegistrationQuery = { ...filters, cursor: pages.cursor, limit: 20 };
  const { data, error, isFetching } = useManagedRegistrations(query);
  const [open, setOpen] = useState<string | null>(null);
  const [form] = Form.useForm<Filters>();
  const onSearch = (v: Filters) => {
    setFilters({ name: v.name?.trim() || undefined, idNumber: v.idNumber?.trim() || undefined, licenceCode: v.licenceCode?.trim() || undefined, status: v.status });
    pages.reset();
  };
  const columns: TableColumnsType<ManagedRegistration> = [
    ...COLUMNS,
    { title: '操作', key: 'actions', width: 90, render: (_: unknown, r) => <Button size="small" onClick={() => setOpen(r.id)} aria-label={`查看${r.name}的执业注册`}>查看</Button> },
  ];
  return (
    // staff-contrast.css: the 有效 tags and the 依职权注销 button dark enough to read (WCAG 2.1 AA 1.4.3).
    <div className="staff-contrast">
      <header className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>执业注册管理</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              本部门及下级卫生健康行政部门准予的执业注册。发现医师有《医师法》第十七条规定情形的，准予注册的部门应当及时依职权注销注册。
            </Typography.Paragraph>
          </div>
          <ExportButtons path="/api/v1/authority/registrations/export" filters={query} what="执业注册" />
        </Flex>
      </header>
      <Form form={form} layout="inline" onFinish={onSearch} className="authority-filters">
        <Form.Item name="name" label="姓名"><Input allowClear style={{ width: 120 }} maxLength={50} /></Form.Item>
        <Form.Item name="idNumber" label="身份证号"><Input allowClear style={{ width: 190 }} maxLength={18} /></Form.Item>
        <Form.Item name="licenceCode" label="执业证书编码"><Input allowClear style={{ width: 170 }} maxLength={30} /></Form.Item>
        <Form.Item name="status" label="注册状态">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); onSearch({}); }}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <div className="authority-table-scroll" role="region" aria-label="执业注册列表" tabIndex={0}>
        <Table<ManagedRegistration> rowKey="id" size="middle" loading={isFetching} columns={columns} dataSource={data?.items ?? []} pagination={false}
          style={{ minWidth: 1080 }} locale={{ emptyText: '没有符合条件的执业注册' }} />
      </div>
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} prefix={`共 ${data?.count ?? 0} 条 · `} />
      <RegistrationDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}

function RegistrationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, error } = useManagedRegistration(id);
  const [cancelling, setCancelling] = useState(false);
  return (
    <Drawer rootClassName="staff-contrast" open={id !== null} onClose={onClose} title={data ? `执业注册：${data.name}` : '执业注册'} size="large"
      extra={data?.canCancel ? <Button danger onClick={() => setCancelling(true)}>依职权注销</Button> : null}>
      <ProblemAlert error={error} />
      {data && (
        <>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'id', label: '身份证号', children: <span className="mono">{data.idNumberMasked}</span> },
            { key: 'code', label: '执业证书编码', children: <span className="mono">{data.licenceCode ?? EMPTY}</span> },
            { key: 'level', label: '执业级别 · 类别', children: `${data.levelLabel} · ${data.categoryLabel}` },
            { key: 'scopes', label: '执业范围', children: data.scopes.join('、') },
            { key: 'place', label: '执业地点', children: data.practiceLocation },
            { key: 'inst', label: '主要执业机构', children: data.institutionName },
            { key: 'auth', label: '准予注册部门', children: `${data.authorityName}（${data.approvedOn}）` },
            { key: 'status', label: '注册状态', children: <Tag color={STATUS_COLOR[data.status]}>{data.statusLabel}</Tag> },
          ]} />
          {/* 发证机关 views and prints the certificate it issued; only a registration in force (有效) has one. */}
          {data.status === 'valid' && data.licenceCode && id && (
            <div style={{ marginTop: 16 }}><CertificateButton registrationId={id} /></div>
          )}
          {data.cancellation && (
            <Alert type="error" showIcon style={{ marginTop: 16 }} title={`已于 ${data.cancellation.effectiveOn} 注销`}
              description={`${data.cancellation.initiatorLabel}；注销原因：${data.cancellation.groundLabel}${data.cancellation.triggerOn ? `；事件发生日期 ${data.cancellation.triggerOn}` : ''}${data.cancellation.documentNo ? `；文书编号 ${data.cancellation.documentNo}` : ''}`} />
          )}
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>变更历史</Typography.Title>
          {data.history.length === 0
            ? <Typography.Text type="secondary">自批准以来没有变更</Typography.Text>
            : <Timeline items={data.history.map((h) => ({
              key: `${h.at}-${h.event}`,
              content: <><div>{h.label}：{h.fromStatusLabel ?? '—'} → {h.toStatusLabel}</div><Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text></>,
            }))} />}
          <CancelDialog registration={cancelling ? data : null} onClose={() => setCancelling(false)} />
        </>
      )}
    </Drawer>
  );
}

interface CancelValues { ground?: string; triggerOn?: string; documentNo?: string; note?: string }

function CancelDialog({ registration, onClose }: { registration: ManagedRegistrationDetail | null; onClose: () => void }) {
  const [form] = Form.useForm<CancelValues>();
  const cancel = useCancelExOfficio();
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  const today = todayInChina(new Date());
  const submit = (v: CancelValues) => {
    if (!registration || !v.ground || !v.triggerOn || !v.documentNo) return;
    cancel.mutate({ id: registration.id, ground: v.ground, triggerOn: v.triggerOn, documentNo: v.documentNo.trim(), note: v.note?.trim() || undefined, expectedVersion: registration.version }, {
      onSuccess: (r) => { void message.success(`${registration.name}的执业注册已于${r.effectiveOn}注销，执业证书已废止`); form.resetFields(); onClose(); },
      onError: (e) => showError(e, form),
    });
  };
  return (
    <Modal title={registration ? `依职权注销：${registration.name}` : '依职权注销'} open={registration !== null} okText="注销注册" okButtonProps={{ danger: true }}
      cancelText="取消" confirmLoading={cancel.isPending} onCancel={() => { form.resetFields(); onClose(); }} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">注销后执业证书同时废止，在注册公告中公告，并通知医师本人。此操作不能撤销。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item name="ground" label="注销情形（法定依据）" rules={[{ required: true, message: '请选择注销情形' }]}>
          <Select options={GROUND_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="triggerOn" label="事件发生日期" rules={[{ required: true, message: '请填写事件发生日期' }]}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="documentNo" label="注销决定文书编号" rules={[{ required: true, message: '请填写注销决定文书编号' }]}>
          <Input maxLength={60} placeholder="如：海卫医注〔2026〕12号" />
        </Form.Item>
        <Form.Item name="note" label="说明"><Input.TextArea rows={3} maxLength={500} showCount /></Form.Item>
      </Form>
    </Modal>
  );
}
