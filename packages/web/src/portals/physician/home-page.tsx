/** 系统首页 of the physician portal: who you are, where the account stands, and the next step in words. */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Spin, Statistic } from 'antd';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { AccountProgress } from './account-progress';
import { NEXT_STEP_PATH, usePhysicianStatus } from './physician-api';

const NEXT_STEP_BUTTON = {
  verify_phone: '验证手机号',
  qualification_check: '医师资格校验',
  activate: '账户激活',
  apply: '业务申请',
  business: '执业信息',
} as const;

export function PhysicianHomePage() {
  const { data: s, error, isPending, refetch, isFetching } = usePhysicianStatus();
  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error) return <ProblemAlert error={error} title="无法获取账户状态" />;
  const active = s.activationStatus === 'active';
  return (
    <>
      <PageHeader
        title="系统首页"
        description={`${s.name}，欢迎使用医师电子化注册信息系统（个人端）。`}
        extra={<Button onClick={() => void refetch()} loading={isFetching}>刷新</Button>}
      />
      {s.autoActivated && <Alert type="success" showIcon style={{ marginBottom: 16 }} title="您的主要执业机构已开通自动激活，您的账户已激活。" />}
      <Card size="small" className="physician-next-step" style={{ marginBottom: 16 }}>
        <Flex gap={16} align="center">
          <div style={{ flex: 1, minWidth: 0 }}>
            <div style={{ fontWeight: 600, marginBottom: 4 }}>下一步</div>
            <div data-testid="next-step">{s.nextStep.text}</div>
          </div>
          <ButtonLink type="primary" to={NEXT_STEP_PATH[s.nextStep.key]} icon={<ArrowRightOutlined />} style={{ flex: 'none' }}>
            {NEXT_STEP_BUTTON[s.nextStep.key]}
          </ButtonLink>
        </Flex>
      </Card>
      <Card size="small" title="账户进度" style={{ marginBottom: 16 }}>
        <AccountProgress status={s} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="个人信息">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'name', label: '姓名', children: s.name },
                { key: 'id', label: '身份证号', children: s.idNumberMasked },
                { key: 'login', label: '登录名', children: s.loginName },
                { key: 'phone', label: '手机号', children: <>{s.phoneMasked ?? '—'} {s.phoneVerified ? <StatusTag label="已验证" color="success" /> : <StatusTag label="未验证" color="warning" />}</> },
                { key: 'email', label: '电子邮箱', children: s.emailMasked ? <>{s.emailMasked} {s.emailVerified ? <StatusTag label="已验证" color="success" /> : <StatusTag label="未验证" />}</> : '未填写' },
                { key: 'status', label: '医师账户状态', children: <StatusTag label={s.activationStatusLabel} color={active ? 'success' : 'processing'} /> },
                ...(s.mainInstitutionName ? [{ key: 'inst', label: '主要执业机构', children: s.mainInstitutionName }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="概况">
            <Row gutter={16}>
              <Col span={12}><Statistic title="医师资格" value={s.qualifications.length} suffix="项" /></Col>
              <Col span={12}><Statistic title="有效执业注册" value={s.registrations.filter((r) => r.status === 'valid').length} suffix="项" /></Col>
            </Row>
            <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.65)' }}>资格校验：{s.qualificationCheckLabel}</div>
          </Card>
        </Col>
      </Row>
    </>
  );
}
