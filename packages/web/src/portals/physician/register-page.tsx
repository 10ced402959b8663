/**
 * 注册新账号 (/physician/register, no sign-in) — seed 第一步 4–6:
 *   1. 您的姓名、身份证号、验证码、我同意隐私政策 → 【确定，继续】
 *   2. 手机号*、电子邮箱、登录名*、登录密码*、确认密码* → 【确定，继续】
 *   3. 电子化账户注册成功 → 【点击下一步】 (login)
 */
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Modal, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import {
  EMAIL_MESSAGE, LOGIN_NAME_MESSAGE, MAINLAND_MOBILE, PASSWORD_POLICY_TEXT, PASSWORD_PROBLEM_TEXT, PHONE_MESSAGE,
  PHYSICIAN_NAME_MESSAGE, RESIDENT_ID_FAILURE_TEXT, checkPassword, isValidPhysicianName, normalizePhone, parseResidentId,
} from '@medreg/domain';
import { api, applyProblemToForm, isApiError } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { CaptchaField } from '../../components/captcha-field';
import { useDocumentTitle } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCaptcha } from '../../session/captcha';
import './physician.css';

interface IdentityValues { name: string; idNumber: string; captchaAnswer: string; privacyAccepted: boolean }
interface AccountValues { phone: string; email?: string; loginName: string; password: string; confirmPassword: string }
interface SignupIdentity { signupToken: string; name: string; idNumberMasked: string; expiresAt: string }
interface SignupResult { loginName: string; name: string; linkedExistingRecord: boolean }

const LOGIN_NAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Shows a failed request: field errors beside their fields, the rest above the form. */
function showProblem(form: Parameters<typeof applyProblemToForm>[0], error: unknown, setProblem: (e: unknown) => void) {
  const unmatched = applyProblemToForm(form, error);
  setProblem(!isApiError(error) || error.errors.length === 0 || unmatched.length > 0 ? error : null);
}

export function PhysicianRegisterPage() {
  useDocumentTitle('注册新账号');
  const [identity, setIdentity] = useState<SignupIdentity | null>(null);
  const [result, setResult] = useState<SignupResult | null>(null);
  const [expired, setExpired] = useState<unknown>(null);
  const step = result ? 2 : identity ? 1 : 0;

  return (
    <Card className="physician-register" title={<span>医师电子化注册信息系统（个人端）· 注册新账号</span>}>
      <Steps current={step} items={[{ title: '填写身份信息' }, { title: '设置账户信息' }, { title: '注册成功' }]} />
      {step === 0 && <IdentityStep problemFromLater={expired} onDone={(s) => { setExpired(null); setIdentity(s); }} />}
      {step === 1 && identity && (
        <AccountStep
          identity={identity}
          onBack={(problem) => { setExpired(problem ?? null); setIdentity(null); }}
          onDone={setResult}
        />
      )}
      {step === 2 && result && <SuccessStep result={result} />}
    </Card>
  );
}

function IdentityStep({ onDone, problemFromLater }: { onDone: (s: SignupIdentity) => void; problemFromLater: unknown }) {
  const [form] = Form.useForm<IdentityValues>();
  const { captcha, isLoading, refresh } = useCaptcha('physician-signup');
  const [problem, setProblem] = useState<unknown>(problemFromLater);
  const [pending, setPending] = useState(false);
  const [privacyOpen, setPrivacyOpen] = useState(false);

  const onFinish = async (values: IdentityValues) => {
    if (!captcha) return;
    setPending(true);
    setProblem(null);
    try {
      onDone(await api.post<SignupIdentity>('/api/v1/physician/signup/identity', { ...values, captchaId: captcha.id }));
    } catch (error) {
      showProblem(form, error, setProblem);
    } finally {
      // A captcha is single use: the server burnt it whatever the outcome.
      form.setFieldValue('captchaAnswer', '');
      refresh();
      setPending(false);
    }
  };

  return (
    <>
      <Alert
        className="physician-notice"
        type="warning"
        showIcon
        title="请您参照个人身份证认真填写姓名和身份证号！"
        description="姓名是您的个人真实姓名而不是用户名，请勿随意填写。姓名和身份证号将用于匹配您的医师资格信息和执业注册信息。"
      />
      <ProblemAlert error={problem} style={{ marginBottom: 16 }} />
      <Form<IdentityValues> form={form} layout="horizontal" labelCol={{ flex: '120px' }} className="physician-form" onFinish={onFinish} disabled={pending}
        initialValues={{ privacyAccepted: false }}>
        <Form.Item label="您的姓名" name="name" required
          rules={[{ validator: async (_, v: string) => { if (!v?.trim()) throw new Error('请输入您的姓名'); if (!isValidPhysicianName(v)) throw new Error(PHYSICIAN_NAME_MESSAGE); } }]}>
          <Input placeholder="身份证上的真实姓名" maxLength={30} autoComplete="name" />
        </Form.Item>
        <Form.Item label="身份证号" name="idNumber" required
          rules={[{
            validator: async (_, v: string) => {
              if (!v?.trim()) throw new Error('请输入身份证号');
              const r = parseResidentId(v);
              if (!r.ok) throw new Error(`身份证号无效：${RESIDENT_ID_FAILURE_TEXT[r.reason]}`);
            },
          }]}>
          <Input placeholder="18位居民身份证号码" maxLength={18} autoComplete="off" />
        </Form.Item>
        <CaptchaField captcha={captcha} loading={isLoading} onRefresh={refresh} />
        <Form.Item name="privacyAccepted" valuePropName="checked" wrapperCol={{ offset: 0 }} style={{ paddingLeft: 120 }}
          rules={[{ validator: async (_, v: boolean) => { if (!v) throw new Error('请阅读并勾选“我同意隐私政策”'); } }]}>
          <Checkbox>
            我同意<Typography.Link onClick={(e) => { e.preventDefault(); setPrivacyOpen(true); }}>隐私政策</Typography.Link>
          </Checkbox>
        </Form.Item>
        <Form.Item style={{ paddingLeft: 120 }}>
          <Button type="primary" htmlType="submit" loading={pending} disabled={!captcha} size="large">确定，继续</Button>
        </Form.Item>
      </Form>
      <Modal open={privacyOpen} title="隐私政策" onCancel={() => setPrivacyOpen(false)} footer={<Button type="primary" onClick={() => { form.setFieldValue('privacyAccepted', true); setPrivacyOpen(false); }}>我已阅读并同意</Button>}>
        <Typography.Paragraph>
          本系统依据《中华人民共和国医师法》《中华人民共和国个人信息保护法》收集您的姓名、身份证号、手机号和电子邮箱，
          仅用于医师执业注册管理：匹配医师资格和执业注册信息、发送校验码和激活码、通知业务办理进度。
        </Typography.Paragraph>
        <Typography.Paragraph>
          身份证号加密存储，除您本人和卫生健康行政部门外均只显示部分号码；您的信息不会用于其他目的，也不会提供给无关第三方。
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function AccountStep({ identity, onBack, onDone }: { identity: SignupIdentity; onBack: (problem?: unknown) => void; onDone: (r: SignupResult) => void }) {
  const [form] = Form.useForm<AccountValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const onFinish = async (values: AccountValues) => {
    setPending(true);
    setProblem(null);
    try {
      onDone(await api.post<SignupResult>('/api/v1/physician/signup/account', { ...values, email: values.email?.trim() ?? '', signupToken: identity.signupToken }));
    } catch (error) {
      if (isApiError(error) && (error.code === 'SIGNUP_TOKEN_INVALID' || error.code === 'ID_NUMBER_ALREADY_REGISTERED')) {
        onBack(error);
        return;
      }
      showProblem(form, error, setProblem);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16, maxWidth: 680 }}
        items={[
          { key: 'name', label: '您的姓名', children: identity.name },
          { key: 'id', label: '身份证号', children: identity.idNumberMasked },
        ]} />
      <Typography.Paragraph type="secondary">带有星号 <span style={{ color: '#ff4d4f' }}>*</span> 的为必填项。</Typography.Paragraph>
      <ProblemAlert error={problem} style={{ marginBottom: 16 }} />
      <Form<AccountValues> form={form} layout="horizontal" labelCol={{ flex: '120px' }} className="physician-form" onFinish={onFinish} disabled={pending}>
        <Form.Item label="手机号" name="phone" required extra="用于接收校验码和激活码"
          rules={[{ validator: async (_, v: string) => { if (!v?.trim()) throw new Error('请输入手机号'); if (!MAINLAND_MOBILE.test(normalizePhone(v))) throw new Error(PHONE_MESSAGE); } }]}>
          <Input maxLength={20} autoComplete="tel" />
        </Form.Item>
        <Form.Item label="电子邮箱" name="email" extra="手机收不到短信时，可通过邮箱验证和找回密码"
          rules={[{ validator: async (_, v?: string) => { if (v?.trim() && !EMAIL.test(v.trim())) throw new Error(EMAIL_MESSAGE); } }]}>
          <Input maxLength={254} autoComplete="email" />
        </Form.Item>
        <Form.Item label="登录名" name="loginName" required extra="登录名不是姓名：4–32位，以字母开头，可含字母、数字和下划线"
          rules={[{ validator: async (_, v: string) => { if (!v?.trim()) throw new Error('请输入登录名'); if (!LOGIN_NAME.test(v.trim())) throw new Error(LOGIN_NAME_MESSAGE); } }]}>
          <Input maxLength={32} autoComplete="username" />
        </Form.Item>
        <Form.Item label="登录密码" name="password" required extra={PASSWORD_POLICY_TEXT} dependencies={['loginName']}
          rules={[({ getFieldValue }) => ({
            validator: async (_, v: string) => {
              if (!v) throw new Error('请设置登录密码');
              const [first] = checkPassword(v, getFieldValue('loginName') as string | undefined);
              if (first) throw new Error(PASSWORD_PROBLEM_TEXT[first]);
            },
          })]}>
          <Input.Password maxLength={32} autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认密码" name="confirmPassword" required dependencies={['password']}
          rules={[({ getFieldValue }) => ({
            validator: async (_, v: string) => {
              if (!v) throw new Error('请再次输入登录密码');
              if (v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
            },
          })]}>
          <Input.Password maxLength={32} autoComplete="new-password" />
        </Form.Item>
        <Form.Item style={{ paddingLeft: 120 }}>
          <Flex gap={12}>
            <Button type="primary" htmlType="submit" loading={pending} size="large">确定，继续</Button>
            <Button size="large" onClick={() => onBack()} disabled={pending}>上一步</Button>
          </Flex>
        </Form.Item>
      </Form>
    </>
  );
}

function SuccessStep({ result }: { result: SignupResult }) {
  return (
    <Result
      status="success"
      title="电子化账户注册成功"
      subTitle="请牢记您的登录名和密码，建议记录下来或手机拍照。登录后请验证您的手机号并激活账户。"
      extra={<ButtonLink type="primary" size="large" to="/login?portal=physician">点击下一步</ButtonLink>}
    >
      <Descriptions size="small" bordered column={1} style={{ maxWidth: 420, margin: '0 auto' }}
        items={[
          { key: 'name', label: '姓名', children: result.name },
          { key: 'login', label: '登录名', children: <Typography.Text strong copyable>{result.loginName}</Typography.Text> },
        ]} />
    </Result>
  );
}
