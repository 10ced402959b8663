/**
 * 执业信息 (after activation): every registration — 执业地点, 执业类别, 执业范围, 主要执业机构,
 * 执业证书编码, 发证机关, 审核日期, status (「有效（变更中）」 while a change is pending, registrationStatusLabel) —
 * with 【下载电子证书】 on a valid one, and the 多机构备案 filings with their status and 有效期.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { registrationStatusLabel, type RegistrationStatus } from '@medreg/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatDate } from '../../lib/format';
import { useBusinessOptions, type OptionFiling } from './applications/business-api';
import { FILING_STATUS_COLORS, REGISTRATION_STATUS_COLORS as STATUS_COLOR, useDescriptionsLayout } from './applications/business/current-registration';
import type { RegistrationView } from './physician-api';
import './applications/business/business.css';

function RegistrationCard({ r, statusLabel, filings }: { r: RegistrationView; statusLabel: string; filings: OptionFiling[] }) {
  const layout = useDescriptionsLayout();
  return (
    <Card
      size="small"
      className="practice-registration"
      data-registration={r.id}
      title={<Flex gap={8} align="center" wrap><span>{r.practiceLocationName}</span><StatusTag label={statusLabel} color={STATUS_COLOR[r.status]} />{r.training && <Tag color="purple">规培</Tag>}</Flex>}
    >
      {r.certificateUrl && (
        <Typography.Paragraph>
          <Typography.Link href={r.certificateUrl} target="_blank" rel="noopener"><DownloadOutlined /> 下载电子证书</Typography.Link>
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        bordered
        layout={layout}
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'location', label: '执业地点', children: r.practiceLocationName },
          { key: 'level', label: '执业级别', children: r.levelLabel },
          { key: 'category', label: '执业类别', children: r.categoryLabel },
          { key: 'scopes', label: '执业范围', children: r.scopes.map((s) => s.label).join('、') || EMPTY },
          { key: 'institution', label: '主要执业机构', children: r.mainInstitutionName ?? EMPTY },
          { key: 'licence', label: '执业证书编码', children: r.licenceCode ? <Typography.Text copyable>{r.licenceCode}</Typography.Text> : EMPTY },
          { key: 'authority', label: '发证机关', children: r.authorityName ?? EMPTY },
          { key: 'approved', label: '审核日期', children: formatDate(r.approvedOn) },
          { key: 'status', label: '注册状态', children: statusLabel },
          { key: 'since', label: '状态日期', children: formatDate(r.statusSince) },
        ]}
      />
      {filings.length > 0 && <FilingList filings={filings} />}
    </Card>
  );
}

/** 多机构备案 of a registration: the institution, status (申请中/有效/已到期/…), 执业范围 and 有效期. */
function FilingList({ filings }: { filings: OptionFiling[] }) {
  return (
    <section className="practice-filings" aria-label="多机构备案">
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>多机构备案</Typography.Title>
      <ul className="business-subjects">
        {filings.map((f) => (
          <li key={f.id} data-filing={f.id}>
            <div className="business-subject-name">
              <Typography.Text strong>{f.institution.name}</Typography.Text>
              <div><Typography.Text type="secondary">执业范围：{f.scopes.map((s) => s.label).join('、') || EMPTY}</Typography.Text></div>
              <div><Typography.Text type="secondary">有效期：{formatDate(f.validFrom)} 至 {formatDate(f.validTo)}</Typography.Text></div>
            </div>
            <StatusTag label={f.statusLabel} color={FILING_STATUS_COLORS[f.status]} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PracticePage() {
  const { data, error, isPending } = useQuery({
    queryKey: ['physician', 'registrations'],
    queryFn: () => api.get<{ items: RegistrationView[] }>('/api/v1/physician/registrations'),
  });
  const options = useBusinessOptions();
  const statusOf = (r: RegistrationView) => options.data?.registrations.find((x) => x.id === r.id)?.statusLabel
    ?? registrationStatusLabel(r.status as RegistrationStatus);
  const filingsOf = (r: RegistrationView) => (options.data?.filings ?? []).filter((f) => f.registrationId === r.id);
  return (
    <>
      <PageHeader title="执业信息" description="您的执业注册信息。执业医师的执业地点为省级行政区，执业助理医师为县级行政区。" />
      <ProblemAlert error={error} style={{ marginBottom: 16 }} />
      {isPending ? <Spin style={{ display: 'block', margin: '60px auto' }} /> : (
        data && data.items.length > 0
          ? <Flex vertical gap={16}>{data.items.map((r) => <RegistrationCard key={r.id} r={r} statusLabel={statusOf(r)} filings={filingsOf(r)} />)}</Flex>
          : !error && (
            <Empty description="您目前没有执业注册信息（有资格未注册）">
              <ButtonLink type="primary" to="/physician/applications/new">业务申请：首次注册</ButtonLink>
            </Empty>
          )
      )}
    </>
  );
}
