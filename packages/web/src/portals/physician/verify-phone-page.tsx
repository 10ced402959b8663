/**
 * 验证您的手机号 (seed 第二步, domain §1.1 step 4): 【向手机发送校验码】, then the 6-digit code;
 * 「如手机收不到短信，可通过邮箱验证」.
 */
import { MailOutlined, MobileOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Result, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, applyProblemToForm, isApiError } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { AccountProgress } from './account-progress';
import { isVerified, NEXT_STEP_PATH, usePhysicianStatus, useRefreshPhysician, type PhysicianStatus } from './physician-api';

type Channel = 'sms' | 'email';

function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), 500);
    return () => clearTimeout(timer);
  }, [until, now]);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return [left, (seconds) => { setNow(Date.now()); setUntil(Date.now() + seconds * 1000); }];
}

function ChannelForm({ channel, status }: { channel: Channel; status: PhysicianStatus }) {
  const { message } = App.useApp();
  const refreshPhysician = useRefreshPhysician();
  const [form] = Form.useForm<{ code: string }>();
  const [left, startCountdown] = useCountdown();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const target = channel === 'sms' ? status.phoneMasked : status.emailMasked;
  const noun = channel === 'sms' ? '手机' : '邮箱';

  const send = async () => {
    setSending(true);
    setProblem(null);
    try {
      const res = await api.post<{ target: string; resendAfterSeconds: number }>('/api/v1/physician/verification/send', { channel });
      setSentTo(res.target);
      startCountdown(res.resendAfterSeconds);
      void message.success(`校验码已发送至${noun} ${res.target}，5分钟内有效`);
    } catch (error) {
      if (isApiError(error) && error.code === 'SMS_RESEND_TOO_SOON' && typeof error.problem.secondsLeft === 'number') startCountdown(error.problem.secondsLeft);
      setProblem(error);
    } finally {
      setSending(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setConfirming(true);
    setProblem(null);
    try {
      await api.post('/api/v1/physician/verification/confirm', { channel, code });
      void message.success(`${noun}验证成功`);
      await refreshPhysician();
    } catch (error) {
      const unmatched = applyProblemToForm(form, error);
      if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <div className="physician-form">
      <Typography.Paragraph>
        {channel === 'sms' ? '您注册时填写的手机号：' : '您注册时填写的电子邮箱：'}
        <Typography.Text strong>{target}</Typography.Text>
      </Typography.Paragraph>
      <ProblemAlert error={problem} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false}>
        <Form.Item label="校验码" htmlFor="verification-code" required extra={sentTo ? `校验码已发送至 ${sentTo}，5分钟内有效；每个校验码最多可输错5次。` : `点击右侧按钮，系统将向您的${noun}发送6位校验码。`}>
          <Flex gap={8}>
            <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入校验码' }, { pattern: /^\d{6}$/, message: '校验码为6位数字' }]}>
              <Input id="verification-code" placeholder="6位数字校验码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" style={{ flex: 1 }} />
            </Form.Item>
            <Button onClick={() => void send()} loading={sending} disabled={left > 0} style={{ minWidth: 168 }}>
              {left > 0 ? `${left} 秒后可重新发送` : channel === 'sms' ? '向手机发送校验码' : '向邮箱发送校验码'}
            </Button>
          </Flex>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirming}>验证{noun}</Button>
      </Form>
    </div>
  );
}

export function VerifyPhonePage() {
  const { data: status, error, isPending } = usePhysicianStatus();
  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error) return <ProblemAlert error={error} title="无法获取账户状态" />;
  const verified = isVerified(status);
  return (
    <>
      <PageHeader title="验证手机号" description="登录后需验证您的手机号，激活个人身份；如手机收不到短信，可通过邮箱验证。" />
      <AccountProgress status={status} />
      <div style={{ marginTop: 24 }}>
        {verified ? (
          <Result
            status="success"
            title={status.phoneVerified ? '手机号已验证' : '电子邮箱已验证'}
            subTitle={status.nextStep.text}
            extra={<ButtonLink type="primary" to={NEXT_STEP_PATH[status.nextStep.key]}>下一步</ButtonLink>}
          />
        ) : (
          <Tabs
            items={[
              { key: 'sms', label: <span><MobileOutlined /> 手机验证</span>, children: <ChannelForm channel="sms" status={status} /> },
              ...(status.hasEmail
                ? [{ key: 'email', label: <span><MailOutlined /> 邮箱验证（手机收不到短信时）</span>, children: <ChannelForm channel="email" status={status} /> }]
                : []),
            ]}
          />
        )}
      </div>
    </>
  );
}
