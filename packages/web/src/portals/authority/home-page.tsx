import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { AUTHORITY_QUEUES, AUTHORITY_QUEUE_IDS } from '@medreg/domain';
import { PageHeader } from '../../components/page-header';
import { useAuthenticatedSession } from '../../session/use-session';
import { useQueue } from './authority-api';

/** 系统首页: this authority's queues at a glance, each a link into 审批工作台. */
export function AuthorityHomePage() {
  const session = useAuthenticatedSession();
  const { data } = useQueue({ queue: 'accepted', limit: 1 });
  const counts = data?.counts;
  return (
    <>
      <PageHeader title="系统首页" description={`${session.displayName}（${session.roleLabel}）`} />
      <Row gutter={[16, 16]}>
        {AUTHORITY_QUEUE_IDS.map((id) => (
          <Col key={id} xs={12} lg={6}>
            <Link to={id === 'pending_authority' ? 'reviews' : `reviews?queue=${id}`} style={{ display: 'block', height: '100%' }}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Statistic title={AUTHORITY_QUEUES[id].label} value={counts?.[id] ?? '—'} />
                {id === 'accepted' && counts && counts.overdue > 0 && (
                  <Typography.Text type="danger" style={{ display: 'block' }}>已超期 {counts.overdue} 件</Typography.Text>
                )}
                {id === 'accepted' && counts && counts.dueSoon > 0 && (
                  <Typography.Text type="warning" style={{ display: 'block' }}>即将超期 {counts.dueSoon} 件</Typography.Text>
                )}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        申请人的纸质材料齐全的予以受理，不齐全的一次性告知需要补正的全部内容；受理后 {data?.decisionLimitWorkingDays ?? 20} 个工作日内作出准予注册或者不予注册的决定。
      </Typography.Paragraph>
    </>
  );
}
