/** The new institution administrator's one-time password, shown once: it is not stored in clear and cannot be shown again. */
import { Alert, Descriptions, Modal, Typography } from 'antd';
import type { Created } from './institution-registry-api';

export function CredentialsDialog({ created, institutionName, onClose }: { created: Created; institutionName: string; onClose: () => void }) {
  return (
    <Modal open rootClassName="staff-contrast" title="机构管理员账户已创建" okText="我已记下，关闭" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="一次性密码只显示这一次" description="请当面或通过安全渠道告知该管理员。管理员首次登录医疗机构端后须立即修改密码。" />
      <Descriptions column={1} bordered size="small" data-testid="one-time-credentials">
        <Descriptions.Item label="医疗机构">{institutionName}</Descriptions.Item>
        <Descriptions.Item label="登录名"><Typography.Text copyable className="registry-mono">{created.admin.loginName}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label="一次性密码"><Typography.Text copyable className="registry-mono" data-testid="one-time-password">{created.admin.oneTimePassword}</Typography.Text></Descriptions.Item>
      </Descriptions>
      {created.warnings.map((w) => <Alert key={w.path.join('.')} type="info" showIcon style={{ marginTop: 12 }} title={w.message} />)}
    </Modal>
  );
}
