import { LockOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ButtonLink } from '../../components/button-link';
import { ProblemAlert } from '../../components/problem-alert';
import { usePhysicianStatus } from './physician-api';
import './physician.css';

/**
 * Domain §3.1 D: 「激活前只显示激活相关页面，激活后系统开放所有功能」. Pages behind this gate show a notice
 * with the way to 账户激活 until the account is activated (or, seed 六, waits for activation on approval).
 * The server refuses the same requests with ACCOUNT_NOT_ACTIVATED.
 */
export function RequireActivation({ children }: { children: ReactNode }) {
  const { data, error, isPending, refetch } = usePhysicianStatus();
  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error) return <ProblemAlert error={error} title="无法获取账户状态" />;
  if (data.businessUnlocked) return <>{children}</>;
  return (
    <Result
      icon={<LockOutlined />}
      title="账户尚未激活"
      subTitle="激活后系统开放所有功能。请先验证手机号并完成账户激活。"
      extra={[
        <ButtonLink key="activate" type="primary" to="/physician/activation">前往账户激活</ButtonLink>,
        <Button key="refresh" onClick={() => void refetch()}>刷新</Button>,
      ]}
    />
  );
}

/**
 * A menu label that is shown only before activation (`when="locked"`) or only after (`when="unlocked"`).
 * The portal menu is static, so a hidden item is hidden by CSS (physician.css) rather than removed.
 */
export function GatedLabel({ when, children }: { when: 'locked' | 'unlocked'; children: ReactNode }) {
  const { data } = usePhysicianStatus();
  const show = data !== undefined && (when === 'unlocked' ? data.businessUnlocked : data.activationStatus !== 'active');
  return <span className={show ? undefined : 'physician-menu-hidden'} aria-hidden={show ? undefined : true}>{children}</span>;
}
