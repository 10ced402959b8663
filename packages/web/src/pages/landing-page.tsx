import { BankOutlined, SafetyCertificateOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Row, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ButtonLink } from '../components/button-link';
import { useDocumentTitle } from '../components/page-header';
import { loginPath, PORTALS } from '../portals/portals';
import { useSession } from '../session/use-session';

interface Entry {
  key: string;
  title: string;
  description: string;
  icon: ReactNode;
  to: string;
  action: string;
}

/** The national system's front door: three portal entries and the public register. */
export function LandingPage() {
  useDocumentTitle(undefined);
  const { session } = useSession();
  const entry = (kind: 'physician' | 'institution' | 'authority') =>
    session?.authenticated && session.kind === kind ? PORTALS[kind].base : loginPath(kind);

  const entries: Entry[] = [
    { key: 'physician', title: PORTALS.physician.name, description: PORTALS.physician.description, icon: <UserOutlined />, to: entry('physician'), action: '进入医师个人端' },
    { key: 'institution', title: PORTALS.institution.name, description: PORTALS.institution.description, icon: <BankOutlined />, to: entry('institution'), action: '进入医疗机构端' },
    { key: 'authority', title: PORTALS.authority.name, description: PORTALS.authority.description, icon: <SafetyCertificateOutlined />, to: entry('authority'), action: '进入卫生健康行政部门端' },
  ];

  return (
    <div className="landing">
      <section className="landing__intro">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          医师电子化注册信息系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
          医师在线申请执业注册，医疗机构确认，卫生健康行政部门在法定时限内审批并发放电子化执业证书；社会公众可随时查询医师执业注册信息。
        </Typography.Paragraph>
      </section>

      <Row gutter={[20, 20]}>
        {entries.map((e) => (
          <Col xs={24} md={8} key={e.key}>
            <Card className="landing__entry" data-portal={e.key}>
              <div className="landing__icon" aria-hidden>{e.icon}</div>
              <Typography.Title level={4}>{e.title}</Typography.Title>
              <Typography.Paragraph type="secondary" className="landing__desc">{e.description}</Typography.Paragraph>
              <ButtonLink to={e.to} type="primary" block>{e.action}</ButtonLink>
            </Card>
          </Col>
        ))}
      </Row>

      <Card className="landing__public" data-portal="public">
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={18}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              <SearchOutlined /> 公众查询 · 医师执业注册信息查询
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {PORTALS.public.description}无需登录。
            </Typography.Paragraph>
          </Col>
          <Col xs={24} md={6}>
            <ButtonLink to="/public/search" block size="large">医师执业注册信息查询</ButtonLink>
          </Col>
        </Row>
      </Card>

      <Card title="办理流程" className="landing__steps">
        <Steps
          size="small"
          responsive
          current={-1}
          items={[
            { title: '注册账号', content: '医师个人端【注册新账号】' },
            { title: '激活账户', content: '验证手机号，激活个人身份' },
            { title: '业务申请', content: '填写并提交注册申请' },
            { title: '机构确认', content: '医疗机构确认并打印审核表' },
            { title: '行政审批', content: '卫生健康行政部门审批' },
            { title: '电子证照', content: '发放电子化执业证书' },
          ]}
        />
      </Card>
    </div>
  );
}
