import { LockOutlined } from '@ant-design/icons';
import { PASSWORD_POLICY_TEXT, PASSWORD_PROBLEM_TEXT, checkPassword } from '@medreg/domain';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyProblemToForm, isApiError } from '../api/client';
import { useDocumentTitle } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { loginPath, portalHome } from '../portals/portals';
import type { PasswordChangeInput } from '../session/types';
import { useChangePassword, useLogout, useSession } from '../session/use-session';

const PATH = '/change-password';

/** The change-password page, returning to `redirect` (a path inside the app) afterwards. */
export function changePasswordPath(redirect?: string): string {
  return redirect ? `${PATH}?${new URLSearchParams({ redirect }).toString()}` : PATH;
}

type Values = PasswordChangeInput & { confirmPassword: string };

/**
 * 修改密码. An account created with a one-time password (the first administrator) is sent here after
 * login and by every portal until the change succeeds; the server refuses its other requests meanwhile.
 */
export function ChangePasswordPage() {
  useDocumentTitle('修改密码');
  const { session, isPending } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const change = useChangePassword();
  const logout = useLogout();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<unknown>(null);

  if (isPending) return null;
  if (!session?.authenticated) return <Navigate to={loginPath('authority')} replace />;
  const home = portalHome(session.kind);
  const redirect = params.get('redirect');
  const target = redirect && (redirect === home || redirect.startsWith(`${home}/`) || redirect.startsWith(`${home}?`)) ? redirect : home;

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    setProblem(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      navigate(target, { replace: true });
    } catch (error) {
      const unmatched = applyProblemToForm(form, error);
      if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
    }
  };

  return (
    <Flex justify="center" className="login-page">
      <Card className="login-card" data-testid="change-password">
        <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>修改密码</Typography.Title>
        {session.mustChangePassword && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }}
            message="首次登录须先修改初始密码" description="初始密码只能使用一次：请设置您自己的新密码，之后才能继续使用系统。" />
        )}
        <ProblemAlert error={problem} style={{ marginBottom: 16 }} />
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={change.isPending}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Form.Item label="新密码" name="newPassword" required extra={PASSWORD_POLICY_TEXT}
            rules={[{
              validator: async (_, v?: string) => {
                if (!v) throw new Error('请输入新密码');
                const [first] = checkPassword(v, session.loginName);
                if (first) throw new Error(PASSWORD_PROBLEM_TEXT[first]);
              },
            }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={32} />
          </Form.Item>
          <Form.Item label="确认新密码" name="confirmPassword" required dependencies={['newPassword']}
            rules={[({ getFieldValue }) => ({
              validator: async (_, v?: string) => {
                if (!v) throw new Error('请再次输入新密码');
                if (v !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
              },
            })]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={32} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={change.isPending}>确认修改</Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button type="link" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })}>退出登录</Button>
        </Flex>
      </Card>
    </Flex>
  );
}
