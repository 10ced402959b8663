/** 考核信息 (domain §5.4 [S16]): the physician's results per cycle and any 暂停执业活动; phone-first (390 px). */
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useMyAssessments } from '../../components/supervision/supervision-api';
import '../../components/staff-contrast.css';
import '../../components/supervision/supervision.css';

const COLOR = { passed: 'green', failed: 'red', absent: 'orange' } as const;

export function AssessmentsInfoPage() {
  const mine = useMyAssessments();
  return (
    // staff-contrast.css: the result tags dark enough to read (WCAG 2.1 AA 1.4.3).
    <div className="staff-contrast">
      <PageHeader title="考核信息" description="医师定期考核每三年一个周期（《医师法》第四十二条）。" />
      <ProblemAlert error={mine.error} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {mine.data?.suspensions.map((s) => (
          <Card key={s.id} size="small" className="supervision-card" title={s.kindLabel} extra={<Tag color="red">{s.statusLabel}</Tag>}>
            <Descriptions column={1} size="small" items={[
              { key: 'p', label: '期限', children: <span><span className="supervision-date">{s.startsOn}</span> 至 <span className="supervision-date">{s.endsOn}</span></span> },
              { key: 'd', label: '文书编号', children: s.documentNo },
              { key: 'a', label: '决定机关', children: s.authorityName },
              ...(s.training ? [{ key: 't', label: '培训要求', children: s.training }] : []),
            ]} />
          </Card>
        ))}
        <Card size="small" title="定期考核结果">
          {mine.data && mine.data.results.length === 0 ? <Empty description="暂无考核结果" /> : (
            <List loading={mine.isLoading} dataSource={mine.data?.results ?? []} renderItem={(r) => (
              <List.Item extra={<Tag color={COLOR[r.result]}>{r.resultLabel}</Tag>}>
                <List.Item.Meta title={`${r.cycleLabel} · ${r.kindLabel}`} description={<Typography.Text type="secondary">{[r.assessedOn, r.assessor ?? r.institutionName].filter(Boolean).join(' · ')}</Typography.Text>} />
              </List.Item>
            )} />
          )}
        </Card>
      </Space>
    </div>
  );
}
