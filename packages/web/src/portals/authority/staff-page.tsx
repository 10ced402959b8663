/**
 * 人员账户 (authority administrators): the reviewers and administrators of this authority and of the authorities in
 * its jurisdiction — filters, keyset pages, CSV export; 新建 (one-time password shown once), 停用/启用, 重置密码,
 * 调整所属部门. Buttons follow each account's `allowedActions` from the server.
 */
import { App, Button, Form, Grid, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AUTHORITY_STAFF_ROLE_LABELS, AUTHORITY_STAFF_ROLES, STAFF_ACCOUNT_STATUS_LABELS, STAFF_ACCOUNT_STATUSES } from '@medreg/domain';
import { useApiErrorHandler } from '../../api/use-api-error';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import '../../components/staff-contrast.css';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { EMPTY, formatDateTime } from '../../lib/format';
import { CreateStaffDialog, OneTimePasswordDialog, ReassignDialog, authorityOptions, type OneTimeCredentials } from './staff-dialogs';
import { useAuthorityStaff, useReachableAuthorities, useStaffMutations, type StaffAccount, type StaffQuery } from './staff-api';
import { ExportButtons } from '../../components/export-buttons';

const FILTER_KEYS = ['authorityId', 'role', 'status', 'name'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function StaffPage() {
  const [params, setParams] = useSearchParams();
  const f = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Filters;
  const filters = f as StaffQuery;
  const pages = useKeysetPages();
  const { data, error, isFetching } = useAuthorityStaff({ ...filters, cursor: pages.cursor, limit: 20 });
  const { data: reach } = useReachableAuthorities();
  const mutations = useStaffMutations();
  const showError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Filters>();
  // On a phone a pinned actions column would cover the whole row: the table scrolls from the login name instead.
  const wide = Grid.useBreakpoint().md ?? true;
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<StaffAccount | null>(null);
  const [credentials, setCredentials] = useState<OneTimeCredentials | null>(null);

  const update = (next: Filters) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]?.trim()) p.set(k, next[k]!.trim());
    setParams(p, { replace: true });
    pages.reset();
  };

  const toggle = (a: StaffAccount) => {
    const disabling = a.status === 'active';
    modal.confirm({
      title: disabling ? `停用账户「${a.loginName}」` : `启用账户「${a.loginName}」`,
      content: disabling ? '停用后该账户立即退出登录，且不能再登录，直到重新启用。' : '启用后该账户可以重新登录。',
      okText: disabling ? '确定停用' : '确定启用', okButtonProps: { danger: disabling }, cancelText: '取消', rootClassName: 'staff-contrast',
      onOk: () => mutations.setDisabled.mutateAsync({ id: a.id, disabled: disabling, version: a.version })
        .then(() => void message.success(disabling ? '账户已停用' : '账户已启用'))
        .catch((e: unknown) => showError(e)),
    });
  };

  const reset = (a: StaffAccount) => modal.confirm({
    title: `重置密码「${a.loginName}」`,
    content: '系统将生成新的一次性密码（仅显示一次），原密码立即失效，该账户退出登录并解除锁定；本人下次登录须修改密码。',
    okText: '确定重置', cancelText: '取消',
    onOk: () => mutations.resetPassword.mutateAsync({ id: a.id, version: a.version })
      .then((r) => setCredentials({ loginName: r.account.loginName, displayName: r.account.displayName, authorityName: r.account.authority.name, password: r.oneTimePassword, reason: 'reset' }))
      .catch((e: unknown) => showError(e)),
  });

  const columns: TableColumnsType<StaffAccount> = [
    { title: '登录名', dataIndex: 'loginName', width: 180, render: (v: string) => <span className="mono">{v}</span> },
    { title: '姓名', dataIndex: 'displayName', width: 150 },
    { title: '角色', dataIndex: 'roleLabel', width: 90 },
    { title: '所属部门', key: 'authority', width: 220, render: (_: unknown, a) => a.authority.name },
    {
      title: '状态', key: 'status', width: 110,
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          {a.status === 'disabled' ? <StatusTag label="已停用" color="default" /> : a.locked ? <StatusTag label="已锁定" color="warning" /> : <StatusTag label="正常" color="success" />}
          {a.mustChangePassword && a.status === 'active' && <StatusTag label="待改密码" color="processing" />}
        </Space>
      ),
    },
    { title: '手机号', dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? EMPTY },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '操作', key: 'actions', width: 230, fixed: wide ? 'right' : undefined,
      render: (_: unknown, a) => a.allowedActions.length === 0 ? <Typography.Text type="secondary">{EMPTY}</Typography.Text> : (
        <Space size={4} wrap>
          {(a.allowedActions.includes('disable') || a.allowedActions.includes('enable')) && (
            <Button size="small" danger={a.status === 'active'} onClick={() => toggle(a)}>{a.status === 'active' ? '停用' : '启用'}</Button>
          )}
          {a.allowedActions.includes('reset_password') && <Button size="small" onClick={() => reset(a)}>重置密码</Button>}
          {a.allowedActions.includes('reassign') && <Button size="small" onClick={() => setMoving(a)}>调整部门</Button>}
        </Space>
      ),
    },
  ];

  return (
    <div className="staff-contrast">
      <PageHeader
        title="人员账户"
        description="管理本部门及辖区内下级卫生健康行政部门的审核人员和管理员账户。每个账户只属于一个部门；不能在辖区以外设立或调入账户。"
        extra={<>
          <ExportButtons path="/api/v1/authority/staff/export" filters={filters} what="人员账户" />
          <Button type="primary" onClick={() => setCreating(true)}>新建人员账户</Button>
        </>}
      />
      <Form form={form} name="staff-filters" layout="inline" onFinish={update} className="authority-filters" initialValues={f}>
        <Form.Item name="name" label="姓名/登录名"><Input allowClear style={{ width: 160 }} maxLength={30} /></Form.Item>
        <Form.Item name="authorityId" label="所属部门">
          <Select allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 240 }} options={authorityOptions(reach?.items)} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={AUTHORITY_STAFF_ROLES.map((r) => ({ value: r, label: AUTHORITY_STAFF_ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" style={{ width: 110 }} options={STAFF_ACCOUNT_STATUSES.map((s) => ({ value: s, label: STAFF_ACCOUNT_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); update({}); }}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Table<StaffAccount> rowKey="id" size="middle" loading={isFetching} columns={columns} dataSource={data?.items ?? []}
        pagination={false} scroll={{ x: 1250 }} locale={{ emptyText: '暂无人员账户' }} />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} prefix={`共 ${data?.total ?? 0} 个账户 · `} />
      <CreateStaffDialog open={creating} onClose={() => setCreating(false)} onCreated={setCredentials} />
      <ReassignDialog account={moving} onClose={() => setMoving(null)} />
      <OneTimePasswordDialog credentials={credentials} onClose={() => setCredentials(null)} />
    </div>
  );
}
