/**
 * 执业信息 (after activation): every registration — 执业地点, 执业类别, 执业范围, 主要执业机构,
 * 执业证书编码, 发证机关, 审核日期, status — and 【下载电子证书】 on a valid one.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatDate } from '../../lib/format';
import type { RegistrationView } from './physician-api';

const STATUS_COLOR: Record<string, string> = { valid: 'success', suspended: 'warning', transferred_out: 'default', filed: 'default', cancelled: 'error' };

function RegistrationCard({ r }: { r: RegistrationView }) {
  return (
    <Card
      size="small"
      title={<Flex gap={8} align="center"><span>{r.practiceLocationName}</span><StatusTag label={r.statusLabel} color={STATUS_COLOR[r.status]} />{r.training && <Tag color="purple">规培</Tag>}</Flex>}
      extra={r.certificateUrl && (
        <Typography.Link href={r.certificateUrl} target="_blank" rel="noopener"><DownloadOutlined /> 下载电子证书</Typography.Link>
      )}
    >
      <Descriptions
        size="small"
        bordered
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
          { key: 'status', label: '注册状态', children: r.statusLabel },
          { key: 'since', label: '状态日期', children: formatDate(r.statusSince) },
        ]}
      />
    </Card>
  );
}

export function PracticePage() {
  const { data, error, isPending } = useQuery({
    queryKey: ['physician', 'registrations'],
    queryFn: () => api.get<{ items: RegistrationView[] }>('/api/v1/physician/registrations'),
  });
  return (
    <>
      <PageHeader title="执业信息" description="您的执业注册信息。执业医师的执业地点为省级行政区，执业助理医师为县级行政区。" />
      <ProblemAlert error={error} style={{ marginBottom: 16 }} />
      {isPending ? <Spin style={{ display: 'block', margin: '60px auto' }} /> : (
        data && data.items.length > 0
          ? <Flex vertical gap={16}>{data.items.map((r) => <RegistrationCard key={r.id} r={r} />)}</Flex>
          : !error && (
            <Empty description="您目前没有执业注册信息（有资格未注册）">
              <ButtonLink type="primary" to="/physician/applications/new">业务申请：首次注册</ButtonLink>
            </Empty>
          )
      )}
    </>
  );
}
