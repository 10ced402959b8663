/**
 * 账户管理 (institution admin): the institution's staff accounts; create a clerk (经办人) with a login name and
 * an initial password, disable / enable, reset the password.
 */
import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { PASSWORD_POLICY_TEXT } from '@medreg/domain';
import { useApiErrorHandler } from '../../api/use-api-error';
import { ExportButtons } from '../../components/export-buttons';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatDateTime } from '../../lib/format';
import { useStaff, useStaffMutations, type StaffAccount } from './institution-api';
import './institution.css';

export function AccountsPage() {
  const { data, error, isPending } = useStaff();
  const mutations = useStaffMutations();
  const showError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);

  const toggle = (a: StaffAccount) => modal.confirm({
    title: a.disabled ? `启用账户「${a.loginName}」` : `停用账户「${a.loginName}」`,
    content: a.disabled ? '启用后该经办人可以重新登录。' : '停用后该经办人立即退出登录，且不能再登录，直到重新启用。',
    okText: a.disabled ? '确定启用' : '确定停用',
    okButtonProps: { danger: !a.disabled },
    cancelText: '取消',
    onOk: () => mutations.setDisabled.mutateAsync({ id: a.id, disabled: !a.disabled })
      .then(() => void message.success(a.disabled ? '账户已启用' : '账户已停用'))
      .catch((e: unknown) => showError(e)),
  });

  const columns: TableColumnsType<StaffAccount> = [
    { title: '登录名', dataIndex: 'loginName', width: 130, render: (v: string) => <span className="inst-mono">{v}</span> },
    { title: '姓名', dataIndex: 'displayName', width: 160 },
    { title: '角色', dataIndex: 'roleLabel', width: 90 },
    { title: '手机号', dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? EMPTY },
    { title: '电子邮箱', dataIndex: 'email', width: 160, render: (v: string | null) => v ?? EMPTY },
    {
      title: '状态', key: 'status', width: 80,
      render: (_: unknown, a) => a.disabled ? <StatusTag label="已停用" color="default" /> : a.lockedUntil ? <StatusTag label="已锁定" color="warning" /> : <StatusTag label="正常" color="success" />,
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '操作', key: 'actions', width: 160, fixed: 'right',
      render: (_: unknown, a) => a.manageable ? (
        <Space>
          <Button size="small" danger={!a.disabled} onClick={() => toggle(a)}>{a.disabled ? '启用' : '停用'}</Button>
          <Button size="small" onClick={() => setResetting(a)}>重置密码</Button>
        </Space>
      ) : <Typography.Text type="secondary" style={{ fontSize: 12 }}>—</Typography.Text>,
    },
  ];

  return (
    <>
      <PageHeader
        title="账户管理"
        description="管理本机构经办人的登录账户。经办人可以办理医师申请业务、打印审核表和验证医师；医师账户激活和账户管理仅限机构管理员。"
        extra={<Space wrap>
          <ExportButtons path="/api/v1/institution/staff/export" what="账户管理" />
          <Button type="primary" onClick={() => setCreating(true)}>新建经办人</Button>
        </Space>}
      />
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Table<StaffAccount> rowKey="id" size="middle" loading={isPending} columns={columns} dataSource={data?.items ?? []} pagination={false} scroll={{ x: 1050 }} />
      <CreateClerkDialog open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

interface NewClerkValues { loginName: string; displayName: string; password: string; confirm: string; phone?: string; email?: string }

function CreateClerkDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewClerkValues>();
  const { create } = useStaffMutations();
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = ({ confirm: _confirm, ...values }: NewClerkValues) =>
    create.mutate({ ...values, phone: values.phone?.trim() || undefined, email: values.email?.trim() || undefined }, {
      onSuccess: (a) => {
        void message.success(`已创建经办人账户「${a.loginName}」，请将初始密码告知本人`);
        form.resetFields();
        onClose();
      },
      onError: (e) => showError(e, form),
    });
  return (
    <Modal title="新建经办人" open={open} okText="创建" cancelText="取消" confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item name="loginName" label="登录名" rules={[{ required: true, message: '请输入登录名' }]} extra="4–32位，以字母开头，例如 zhang_clerk">
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写经办人姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请设置初始密码' }]} extra={PASSWORD_POLICY_TEXT}>
          <Input.Password maxLength={32} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认密码"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入密码' }, ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
          })]}
        >
          <Input.Password maxLength={32} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="phone" label="手机号"><Input maxLength={20} /></Form.Item>
        <Form.Item name="email" label="电子邮箱"><Input maxLength={254} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordDialog({ account, onClose }: { account: StaffAccount | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { resetPassword } = useStaffMutations();
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Modal
      title={account ? `重置密码 ·「${account.loginName}」` : '重置密码'}
      open={account !== null}
      okText="确定重置"
      cancelText="取消"
      confirmLoading={resetPassword.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="重置后该经办人的登录状态失效、账户锁定解除，请将新密码告知本人。" />
      <Form form={form} layout="vertical" onFinish={(v) => account && resetPassword.mutate({ id: account.id, password: v.password }, {
        onSuccess: () => {
          void message.success('密码已重置');
          form.resetFields();
          onClose();
        },
        onError: (e) => showError(e, form),
      })}>
        <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入新密码' }]} extra={PASSWORD_POLICY_TEXT}>
          <Input.Password maxLength={32} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
