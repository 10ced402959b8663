/** 系统首页 of the institution portal: who is signed in, the applications waiting for confirmation, the functions. */
import { ApartmentOutlined, CheckCircleOutlined, IdcardOutlined, FileSearchOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, List, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { useAuthenticatedSession } from '../../session/use-session';
import { businessTitle } from '../../api/business-view';
import { formatDate } from '../../lib/format';
import { useQueue } from './institution-api';
import './institution.css';

interface Entry { to: string; title: string; text: string; icon: ReactNode; adminOnly?: boolean }

const ENTRIES: Entry[] = [
  { to: '/institution/applications', title: '医师申请业务办理', text: '确认本机构医师的注册、变更等业务申请，打印《医师执业注册申请审核表》。', icon: <FileSearchOutlined /> },
  { to: '/institution/physicians', title: '本机构医师', text: '以本机构为主要执业机构的医师；医师离职、退休等情形的注册备案。', icon: <IdcardOutlined /> },
  { to: '/institution/multi-site-physicians', title: '多机构执业医师', text: '在本机构备案执业的医师：备案的执业范围、有效期和状态。', icon: <ApartmentOutlined /> },
  { to: '/institution/activation', title: '医师账户激活', text: '为主要执业机构为本机构的医师生成激活码，或开启自动激活。', icon: <CheckCircleOutlined />, adminOnly: true },
  { to: '/institution/verification', title: '医师验证', text: '核对医师注册信息的执业地点、主要执业机构是否与本机构一致。', icon: <SafetyOutlined /> },
  { to: '/institution/accounts', title: '账户管理', text: '管理本机构经办人的登录账户。', icon: <TeamOutlined />, adminOnly: true },
];

export function InstitutionHomePage() {
  const session = useAuthenticatedSession();
  const pending = useQueue({ queue: 'pending_institution', limit: 5 });
  const admin = session.role === 'institution_admin';
  return (
    <>
      <PageHeader title="系统首页" description={`欢迎使用医师电子化注册信息系统（医疗机构端）。`} />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'org', label: '所在机构', children: session.institution?.name },
          { key: 'name', label: '姓名', children: session.displayName },
          { key: 'role', label: '角色', children: session.roleLabel },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title="待机构确认的业务申请"
            extra={<Link to="/institution/applications">全部</Link>}
          >
            <List
              loading={pending.isPending}
              dataSource={pending.data?.items ?? []}
              locale={{ emptyText: '暂无待机构确认的业务申请' }}
              renderItem={(r) => (
                <List.Item actions={[<ButtonLink key="go" size="small" type="primary" to={`/institution/applications/${r.id}`}>办理业务</ButtonLink>]}>
                  <List.Item.Meta
                    title={`${r.physicianName} · ${businessTitle(r.businessTypeLabel, r.kindLabel)}`}
                    description={<span>申请日期 {formatDate(r.submittedAt)} · 业务编号 <span className="inst-mono">{r.businessCode}</span></span>}
                  />
                </List.Item>
              )}
            />
            {pending.data?.nextCursor && <Typography.Text type="secondary">还有更多，请到「医师申请业务办理」查看。</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Row gutter={[12, 12]}>
            {ENTRIES.filter((e) => admin || !e.adminOnly).map((e) => (
              <Col span={24} key={e.to}>
                <Link to={e.to}>
                  <Card size="small" hoverable>
                    <Card.Meta avatar={<span style={{ fontSize: 24, color: '#1f5fa8' }}>{e.icon}</span>} title={e.title} description={e.text} />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
    </>
  );
}
