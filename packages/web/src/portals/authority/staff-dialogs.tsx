/** 人员账户 dialogs: 新建账户, 调整所属部门, and the one-time password shown once. */
import { Alert, App, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { AUTHORITY_STAFF_ROLE_LABELS, AUTHORITY_STAFF_ROLES, type AuthorityStaffRole } from '@medreg/domain';
import { useApiErrorHandler } from '../../api/use-api-error';
import { useReachableAuthorities, useStaffMutations, type ReachableAuthority, type StaffAccount } from './staff-api';

export interface OneTimeCredentials { loginName: string; displayName: string; authorityName: string; password: string; reason: 'created' | 'reset' }

export const authorityOptions = (items: ReachableAuthority[] | undefined) =>
  (items ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.areaCode}）` }));

const ROLE_OPTIONS = AUTHORITY_STAFF_ROLES.map((r) => ({ value: r, label: AUTHORITY_STAFF_ROLE_LABELS[r] }));

interface NewValues { authorityId: string; role: AuthorityStaffRole; loginName: string; displayName: string; phone?: string; email?: string }

export function CreateStaffDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: OneTimeCredentials) => void }) {
  const [form] = Form.useForm<NewValues>();
  const { create } = useStaffMutations();
  const { data: reach } = useReachableAuthorities();
  const showError = useApiErrorHandler();
  const submit = (v: NewValues) => create.mutate({ ...v, phone: v.phone?.trim() || undefined, email: v.email?.trim() || undefined }, {
    onSuccess: (r) => {
      form.resetFields();
      onClose();
      onCreated({ loginName: r.account.loginName, displayName: r.account.displayName, authorityName: r.account.authority.name, password: r.oneTimePassword, reason: 'created' });
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal title="新建人员账户" open={open} okText="创建" cancelText="取消" confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} name="new-staff" layout="vertical" onFinish={submit} autoComplete="off" initialValues={{ role: 'authority_reviewer' }}>
        <Form.Item name="authorityId" label="所属卫生健康行政部门" rules={[{ required: true, message: '请选择所属卫生健康行政部门' }]} extra="只能选择本部门或本辖区内的下级部门">
          <Select showSearch optionFilterProp="label" placeholder="请选择" options={authorityOptions(reach?.items)} />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra="审核人员办理受理和审批；管理员另可管理人员账户、工作日历和审计日志">
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item name="loginName" label="登录名" rules={[{ required: true, message: '请输入登录名' }]} extra="4–32位，以字母开头，例如 hd_zhang">
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="手机号"><Input maxLength={20} /></Form.Item>
        <Form.Item name="email" label="电子邮箱"><Input maxLength={254} /></Form.Item>
        <Typography.Text type="secondary">创建后系统生成一次性密码，仅显示一次；本人首次登录须修改密码。</Typography.Text>
      </Form>
    </Modal>
  );
}

export function ReassignDialog({ account, onClose }: { account: StaffAccount | null; onClose: () => void }) {
  const [form] = Form.useForm<{ authorityId: string }>();
  const { reassign } = useStaffMutations();
  const { data: reach } = useReachableAuthorities();
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  const options = authorityOptions(reach?.items).filter((o) => o.value !== account?.authority.id);
  return (
    <Modal
      title={account ? `调整所属部门 ·「${account.loginName}」` : '调整所属部门'}
      open={account !== null} okText="确定调整" cancelText="取消" confirmLoading={reassign.isPending}
      onCancel={onClose} onOk={() => form.submit()} destroyOnHidden
    >
      {account && <Typography.Paragraph>当前所属：{account.authority.name}</Typography.Paragraph>}
      <Form form={form} name="reassign-staff" layout="vertical" onFinish={(v) => account && reassign.mutate({ id: account.id, authorityId: v.authorityId, version: account.version }, {
        onSuccess: (a) => {
          void message.success(`已调整到${a.authority.name}`);
          onClose();
        },
        onError: (e) => showError(e, form),
      })}>
        <Form.Item name="authorityId" label="新的所属卫生健康行政部门" rules={[{ required: true, message: '请选择新的所属部门' }]}>
          <Select showSearch optionFilterProp="label" placeholder="请选择" options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The one-time password, shown once: it is not stored in clear and cannot be shown again. */
export function OneTimePasswordDialog({ credentials, onClose }: { credentials: OneTimeCredentials | null; onClose: () => void }) {
  return (
    <Modal
      title={credentials?.reason === 'reset' ? '密码已重置' : '账户已创建'}
      open={credentials !== null} onCancel={onClose} onOk={onClose} okText="我已记下" cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false} destroyOnHidden
    >
      {credentials && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title="一次性密码只显示这一次，关闭后无法再次查看。请复制并当面或通过安全渠道告知本人；本人登录后须立即修改密码。" />
          <Descriptions size="small" column={1} bordered items={[
            { key: 'who', label: '姓名', children: credentials.displayName },
            { key: 'authority', label: '所属部门', children: credentials.authorityName },
            { key: 'login', label: '登录名', children: <Typography.Text className="mono" copyable>{credentials.loginName}</Typography.Text> },
            {
              key: 'password', label: '一次性密码',
              children: <Typography.Text strong className="mono" data-testid="one-time-password" copyable={{ text: credentials.password, tooltips: ['复制', '已复制'] }}>{credentials.password}</Typography.Text>,
            },
          ]} />
        </>
      )}
    </Modal>
  );
}
