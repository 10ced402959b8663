import { Steps } from 'antd';
import { isVerified, type PhysicianStatus } from './physician-api';

/** 注册账号 → 验证手机号 → 医师资格校验 → 账户激活 (domain §1.1 steps 1–5, §3.1 D). */
export function AccountProgress({ status }: { status: PhysicianStatus }) {
  const verified = isVerified(status);
  const active = status.activationStatus === 'active';
  const checkOk = status.qualificationCheck === 'found' || status.institutionCodeOnly || status.registrations.length > 0;
  const current = active ? 4 : !verified ? 1 : !checkOk ? 2 : 3;
  return (
    <Steps
      size="small"
      current={current}
      status={!active && status.qualificationCheck === 'name_mismatch' && current === 2 ? 'error' : undefined}
      items={[
        { title: '注册账号', content: '已注册' },
        { title: '验证手机号', content: verified ? (status.phoneVerified ? '手机已验证' : '邮箱已验证') : '待验证' },
        { title: '医师资格校验', content: status.qualificationCheckLabel },
        {
          title: '账户激活',
          content: active
            ? `已激活（${status.activationMethodLabel ?? ''}）`
            : status.pendingActivationPath === 'auto_on_approval' ? '审批通过后自动激活' : '待激活',
        },
      ]}
    />
  );
}
