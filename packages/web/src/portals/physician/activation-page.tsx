/**
 * 账户激活 (domain §3.3; seed 第二步 and questions 一, 三, 六): the paths that apply to this physician,
 * as the server lists them in `availableActivationMethods`.
 */
import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, applyProblemToForm, isApiError } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { AccountProgress } from './account-progress';
import { isVerified, usePhysicianStatus, useRefreshPhysician, type ActivationMethod, type PhysicianStatus } from './physician-api';

type Field = 'code' | 'certCode' | 'admissionTicketNo';

const METHOD_FORMS: Partial<Record<ActivationMethod, { title: string; field: Field; label: string; placeholder: string; max: number; help: ReactNode }>> = {
  institution_code: {
    title: '使用机构激活码激活',
    field: 'code',
    label: '激活码',
    placeholder: '请输入主要执业机构发给您的激活码',
    max: 32,
    help: '您的执业注册为有效状态：请向当前主要执业机构索取激活码，机构会将激活码发送到您已验证的手机或邮箱。',
  },
  qualification_code: {
    title: '使用资格证书编码激活',
    field: 'certCode',
    label: '资格证书编码',
    placeholder: '《医师资格证书》上的27位编码',
    max: 40,
    help: '有资格未注册、处于变更出、注册备案、注销状态，以及住院医师规范化培训等无法向机构领取激活码的医师，通过输入资格证书编码自行激活。',
  },
  admission_ticket: {
    title: '使用准考证号激活（考试合格尚未取得证书）',
    field: 'admissionTicketNo',
    label: '准考证号',
    placeholder: '医学综合笔试准考证号',
    max: 20,
    help: '医师资格考试合格人员可使用医学综合笔试准考证号激活个人账户，并通过个人账户提交注册申请。',
  },
};

function MethodForm({ method }: { method: ActivationMethod }) {
  const spec = METHOD_FORMS[method]!;
  const { message } = App.useApp();
  const refresh = useRefreshPhysician();
  const [form] = Form.useForm<Record<Field, string>>();
  const [problem, setProblem] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const onFinish = async (values: Record<Field, string>) => {
    setPending(true);
    setProblem(null);
    try {
      await api.post('/api/v1/physician/activation', { method, [spec.field]: values[spec.field] });
      void message.success('账户激活成功，系统已开放所有功能');
      await refresh();
    } catch (error) {
      const unmatched = applyProblemToForm(form, error);
      if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card size="small" title={spec.title} data-method={method}>
      <Typography.Paragraph type="secondary">{spec.help}</Typography.Paragraph>
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 480 }}>
        <Form.Item label={spec.label} name={spec.field} rules={[{ required: true, whitespace: true, message: `请输入${spec.label}` }]}>
          <Input placeholder={spec.placeholder} maxLength={spec.max} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>激活我的账户</Button>
      </Form>
    </Card>
  );
}

function DeferredActivation() {
  const { message } = App.useApp();
  const refresh = useRefreshPhysician();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const go = async () => {
    setPending(true);
    setProblem(null);
    try {
      await api.post('/api/v1/physician/activation', { method: 'auto_on_approval' });
      void message.success('您可以直接申请业务，审批通过后账户自动激活');
      await refresh();
      navigate('/physician/applications/new');
    } catch (error) {
      setProblem(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Card size="small" title="未实施电子化注册地区的医师">
      <Typography.Paragraph>
        您的执业注册所在地区尚未实施电子化注册。来已实施电子化注册的地区办理业务，<Typography.Text strong>无需先激活</Typography.Text>，可直接申请注册或变更，待机构审核通过且卫生健康委已审批后，账户自动激活。
      </Typography.Paragraph>
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Button type="primary" onClick={() => void go()} loading={pending}>直接申请业务</Button>
    </Card>
  );
}

function Body({ status, onRefresh, refreshing }: { status: PhysicianStatus; onRefresh: () => void; refreshing: boolean }) {
  if (status.activationStatus === 'active') {
    return (
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title="您的账户已激活"
        subTitle={`${status.autoActivated ? '您的主要执业机构已开通自动激活。' : ''}激活方式：${status.activationMethodLabel ?? '—'}。系统已开放所有功能。`}
        extra={[
          <ButtonLink key="q" type="primary" to="/physician/qualifications">查看资格信息</ButtonLink>,
          <ButtonLink key="a" to="/physician/applications/new">业务申请</ButtonLink>,
        ]}
      />
    );
  }
  if (!isVerified(status)) {
    return (
      <Alert type="warning" showIcon title="请先验证您的手机号"
        description="激活账户前需验证您的手机号（手机收不到短信时可通过邮箱验证）。"
        action={<ButtonLink type="primary" size="small" to="/physician/verify-phone">去验证</ButtonLink>} />
    );
  }
  if (status.pendingActivationPath === 'auto_on_approval') {
    return (
      <Result
        status="info"
        title="审批通过后账户自动激活"
        subTitle="您的执业注册所在地区尚未实施电子化注册，可直接申请注册或变更；待机构审核通过且卫生健康委已审批后，账户自动激活。"
        extra={<ButtonLink type="primary" to="/physician/applications/new">业务申请</ButtonLink>}
      />
    );
  }
  // The 准考证号 is for passers without a certificate (seed 一): hide it once every record found has one.
  const certified = status.qualificationCheck === 'found' && status.qualifications.every((q) => !q.certificatePending);
  const methods = status.availableActivationMethods.map((m) => m.method).filter((m) => !(m === 'admission_ticket' && certified));
  return (
    <Flex vertical gap={16}>
      {status.qualificationCheck === 'name_mismatch' && !status.institutionCodeOnly && (
        <Alert type="error" showIcon title="未通过医师资格校验" description={status.qualificationCheckMessage}
          action={<ButtonLink size="small" to="/physician/qualification-check">去修改</ButtonLink>} />
      )}
      {status.qualificationCheck === 'not_found' && methods.includes('admission_ticket') && (
        <Alert type="info" showIcon title="未查询到您的医师资格信息"
          description="考试合格尚未取得证书的，可直接输入准考证号激活；如确认姓名及身份证号无误仍未查到，请查看「资格补改指南」。" />
      )}
      {methods.filter((m) => METHOD_FORMS[m]).map((m) => <MethodForm key={m} method={m} />)}
      {methods.includes('auto_by_institution') && (
        <Alert type="info" showIcon title="没有收到激活码？"
          description="如未收到激活码，您的主要执业机构可能已设置自动激活，刷新页面即可。"
          action={<Button size="small" icon={<ReloadOutlined />} onClick={onRefresh} loading={refreshing}>刷新页面</Button>} />
      )}
      {methods.includes('auto_on_approval') && <DeferredActivation />}
    </Flex>
  );
}

export function ActivationPage() {
  const { data: status, error, isPending, refetch, isFetching } = usePhysicianStatus();
  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error) return <ProblemAlert error={error} title="无法获取账户状态" />;
  return (
    <>
      <PageHeader title="账户激活" description="激活后系统开放所有功能：查看资格信息、执业信息，在线办理业务申请。" />
      <AccountProgress status={status} />
      <div style={{ marginTop: 24 }}>
        <Body status={status} onRefresh={() => void refetch()} refreshing={isFetching} />
      </div>
    </>
  );
}
