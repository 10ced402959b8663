/**
 * 医师资格校验 (domain §1.1 step 3, seed questions 一 and 五): the account's 姓名 + 身份证号 matched against
 * the qualification database; not found → the 准考证号; wrong name or ID → correct it (before activation);
 * both right → 资格补改指南.
 */
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { PHYSICIAN_NAME_MESSAGE, RESIDENT_ID_FAILURE_TEXT, isValidPhysicianName, parseResidentId } from '@medreg/domain';
import { api, applyProblemToForm, isApiError } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { AccountProgress } from './account-progress';
import { usePhysicianStatus, useRefreshPhysician, type PhysicianStatus, type QualificationSummary } from './physician-api';

function useSubmit<T>(url: string, method: 'post' | 'put', onOk: (r: T) => Promise<void> | void) {
  const [problem, setProblem] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (form: Parameters<typeof applyProblemToForm>[0], values: unknown) => {
    setPending(true);
    setProblem(null);
    try {
      await onOk(await api[method]<T>(url, values));
    } catch (error) {
      const unmatched = applyProblemToForm(form, error);
      if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
    } finally {
      setPending(false);
    }
  };
  return { problem, pending, submit };
}

function TicketForm() {
  const { message } = App.useApp();
  const refresh = useRefreshPhysician();
  const [form] = Form.useForm<{ admissionTicketNo: string }>();
  const { problem, pending, submit } = useSubmit('/api/v1/physician/qualifications/pull', 'post', async () => {
    void message.success('已获取您的考试合格信息');
    await refresh();
  });
  return (
    <Card size="small" title="输入准考证号获取资格信息">
      <Typography.Paragraph type="secondary">
        考试合格但资格信息尚未同步到本系统的，请输入医学综合笔试准考证号，系统将按您的姓名和身份证号核对后获取您的考试合格信息。
      </Typography.Paragraph>
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="inline" onFinish={(v) => submit(form, v)}>
        <Form.Item name="admissionTicketNo" rules={[{ required: true, message: '请输入准考证号' }, { pattern: /^[0-9A-Za-z]{6,20}$/, message: '准考证号应为6–20位数字或字母' }]}>
          <Input placeholder="准考证号" maxLength={20} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>获取资格信息</Button>
      </Form>
    </Card>
  );
}

function IdentityForm({ status }: { status: PhysicianStatus }) {
  const { message } = App.useApp();
  const refresh = useRefreshPhysician();
  const [form] = Form.useForm<{ name: string; idNumber: string }>();
  const { problem, pending, submit } = useSubmit<{ qualificationCheckLabel: string }>('/api/v1/physician/identity', 'put', async (r) => {
    void message.success(`已修改，重新校验结果：${r.qualificationCheckLabel}`);
    await refresh();
  });
  return (
    <Card size="small" title="修改姓名或身份证号">
      <Typography.Paragraph type="secondary">
        若注册时填写的姓名或身份证号有误，请对照身份证修改正确后继续验证（仅限账户激活前）。
      </Typography.Paragraph>
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ name: status.name, idNumber: status.idNumber }} onFinish={(v) => submit(form, v)} style={{ maxWidth: 420 }}>
        <Form.Item label="姓名" name="name" rules={[{ validator: async (_, v: string) => { if (!v?.trim()) throw new Error('请输入姓名'); if (!isValidPhysicianName(v)) throw new Error(PHYSICIAN_NAME_MESSAGE); } }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="身份证号" name="idNumber" rules={[{
          validator: async (_, v: string) => {
            if (!v?.trim()) throw new Error('请输入身份证号');
            const r = parseResidentId(v);
            if (!r.ok) throw new Error(`身份证号无效：${RESIDENT_ID_FAILURE_TEXT[r.reason]}`);
          },
        }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>保存并重新校验</Button>
      </Form>
    </Card>
  );
}

function CorrectionHint() {
  return (
    <Card size="small" title="确认姓名及身份证号无误？">
      <Typography.Paragraph type="secondary">
        如果确认姓名及身份证号码无误，仍未验证到医师资格，请在「资格补改指南」中查看解决办法，并可在线提交资格补改申请。
      </Typography.Paragraph>
      <ButtonLink to="/physician/qualification-corrections">查看资格补改指南</ButtonLink>
    </Card>
  );
}

export function QualificationCheckPage() {
  const { message } = App.useApp();
  const { data: status, error, isPending, refetch, isFetching } = usePhysicianStatus();
  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error) return <ProblemAlert error={error} title="无法获取账户状态" />;

  const recheck = async () => {
    await api.post('/api/v1/physician/qualification-check');
    const r = await refetch();
    if (r.data) void message.info(`校验结果：${r.data.qualificationCheckLabel}`);
  };
  const outcome = status.qualificationCheck;

  return (
    <>
      <PageHeader
        title="医师资格校验"
        description="系统按您注册时填写的姓名和身份证号查询医师资格信息。"
        extra={<Button onClick={() => void recheck()} loading={isFetching}>重新校验</Button>}
      />
      <AccountProgress status={status} />
      <div style={{ marginTop: 24 }}>
        <Flex vertical gap={16}>
          {outcome === 'found' && (
            <>
              <Alert type="success" showIcon title="已校验到您的医师资格信息" description={status.activationStatus === 'active' ? undefined : '资格证书编码等完整信息在账户激活后于「资格信息」中查看。'} />
              <Table<QualificationSummary>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={status.qualifications}
                columns={[
                  { title: '级别', dataIndex: 'levelLabel' },
                  { title: '类别', dataIndex: 'categoryLabel' },
                  { title: '资格状态', dataIndex: 'statusLabel' },
                  { title: '资格证书', dataIndex: 'certificatePending', render: (p: boolean) => (p ? '考试合格，证书待发' : '已发证') },
                ]}
              />
              {status.activationStatus !== 'active' && <ButtonLink type="primary" to="/physician/activation" style={{ alignSelf: 'flex-start' }}>下一步：账户激活</ButtonLink>}
            </>
          )}
          {outcome === 'name_mismatch' && (
            <Alert type="error" showIcon title="未通过医师资格校验：姓名不一致" description={status.qualificationCheckMessage} data-problem-code="QUALIFICATION_NAME_MISMATCH" />
          )}
          {outcome === 'not_found' && (
            <Alert
              type="warning"
              showIcon
              title="未查询到您的医师资格信息"
              description={status.registrations.length > 0
                ? '您已有执业注册记录，可直接进行账户激活。'
                : '可能是考试合格信息尚未同步，或注册时填写的姓名、身份证号有误。'}
            />
          )}
          {outcome !== 'found' && status.registrations.length === 0 && (
            <Row gutter={[16, 16]}>
              {outcome === 'not_found' && <Col xs={24} lg={12}><TicketForm /></Col>}
              {status.canCorrectIdentity && <Col xs={24} lg={12}><IdentityForm status={status} /></Col>}
              <Col xs={24} lg={12}><CorrectionHint /></Col>
            </Row>
          )}
        </Flex>
      </div>
    </>
  );
}
