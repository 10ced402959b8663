import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyProblemToForm, isApiError } from '../api/client';
import { ButtonLink } from '../components/button-link';
import { CaptchaField } from '../components/captcha-field';
import { useDocumentTitle } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { ACTOR_KINDS, isActorKind, loginPath, PORTALS, portalHome } from '../portals/portals';
import { changePasswordPath } from './change-password-page';
import { useCaptcha } from '../session/captcha';
import type { ActorKind, AuthenticatedSession, LoginInput } from '../session/types';
import { useLogin, useLogout, useSession } from '../session/use-session';

type LoginValues = Omit<LoginInput, 'captchaId'>;

/** Only a page inside the actor's own portal may be returned to (no open redirects). */
function afterLogin(session: AuthenticatedSession, redirect: string | null): string {
  const base = portalHome(session.kind);
  if (redirect && (redirect === base || redirect.startsWith(`${base}/`) || redirect.startsWith(`${base}?`))) return redirect;
  return base;
}

/** 用户登录 for the three portals: /login?portal=physician|institution|authority. */
export function LoginPage() {
  const [params] = useSearchParams();
  const portalParam = params.get('portal');
  const portal: ActorKind = isActorKind(portalParam) ? portalParam : 'physician';
  const redirect = params.get('redirect');
  const info = PORTALS[portal];
  useDocumentTitle(`用户登录 · ${info.name}`);

  const navigate = useNavigate();
  const { session } = useSession();
  const login = useLogin();
  const { captcha, isLoading: captchaLoading, refresh } = useCaptcha('login');
  const [form] = Form.useForm<LoginValues>();
  const [problem, setProblem] = useState<unknown>(null);

  if (session?.authenticated && !login.isPending && !login.isSuccess) {
    return <AlreadySignedIn session={session} portal={portal} />;
  }

  const onFinish = async (values: LoginValues) => {
    if (!captcha) return;
    setProblem(null);
    try {
      const result = await login.mutateAsync({ ...values, captchaId: captcha.id });
      if (result.authenticated && result.mustChangePassword) navigate(changePasswordPath(afterLogin(result, redirect)), { replace: true });
      else if (result.authenticated) navigate(afterLogin(result, redirect), { replace: true });
    } catch (error) {
      // A captcha is single use: the server consumed it whatever the outcome.
      form.setFieldValue('captchaAnswer', '');
      refresh();
      const unmatched = applyProblemToForm(form, error);
      if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
    }
  };

  return (
    <Flex justify="center" className="login-page">
      <Card className="login-card" data-portal={portal}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, textAlign: 'center' }}>
          用户登录
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }} data-testid="login-portal">
          {info.name}
        </Typography.Paragraph>

        <ProblemAlert error={problem} style={{ marginBottom: 16 }} />

        <Form<LoginValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={login.isPending}>
          <Form.Item label="登录名" name="loginName" rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" maxLength={64} />
          </Form.Item>
          <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请输入登录密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <CaptchaField captcha={captcha} loading={captchaLoading} onRefresh={refresh} />
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} disabled={!captcha}>
            登录
          </Button>
        </Form>

        <Flex justify="space-between" align="center" style={{ marginTop: 16 }} wrap gap={8}>
          <span className="login-switch">
            {ACTOR_KINDS.filter((k) => k !== portal).map((k) => (
              <Link key={k} to={loginPath(k)} replace>
                {PORTALS[k].name}登录
              </Link>
            ))}
          </span>
          {portal === 'physician' && (
            <ButtonLink to="/physician/register" type="link" style={{ paddingInline: 0 }}>
              注册新账号
            </ButtonLink>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}

function AlreadySignedIn({ session, portal }: { session: AuthenticatedSession; portal: ActorKind }) {
  const logout = useLogout();
  const own = PORTALS[session.kind];
  return (
    <Result
      status="info"
      title="您已登录"
      subTitle={`当前以「${own.name} · ${session.roleLabel} · ${session.displayName}」身份登录。${
        session.kind === portal ? '' : `如需登录${PORTALS[portal].name}，请先退出登录。`
      }`}
      extra={
        <Flex gap={8} justify="center" wrap>
          <ButtonLink type="primary" to={own.base}>进入{own.name}</ButtonLink>
          <Button onClick={() => logout.mutate()} loading={logout.isPending}>
            退出登录
          </Button>
        </Flex>
      }
    />
  );
}
