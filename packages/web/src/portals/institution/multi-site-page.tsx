/**
 * 多机构执业医师 (domain §2.2 BT-05): the physicians filed to practise at this institution besides their main
 * institution — with the filed 执业范围, 有效期 and status (申请中 from the application, 到期 once the end date passed).
 */
import { Button, Form, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { FILING_STATUSES, FILING_STATUS_LABELS, type FilingStatus } from '@medreg/domain';
import { applyProblemToForm, isApiError } from '../../api/client';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag, type StatusColor } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { EMPTY } from '../../lib/format';
import { useMultiSitePhysicians, type MultiSitePhysician } from './institution-api';
import './institution.css';
import { ExportButtons } from '../../components/export-buttons';

const STATUS_COLORS: Record<FilingStatus, StatusColor> = { pending: 'processing', active: 'success', expired: 'default', revoked: 'error' };
const STATUS_OPTIONS = FILING_STATUSES.map((s) => ({ value: s, label: FILING_STATUS_LABELS[s] }));

interface FilterValues { name?: string; status?: FilingStatus; sort?: 'asc' | 'desc' }

function isFilingStatus(value: string | null): value is FilingStatus {
  return (FILING_STATUSES as readonly (string | null)[]).includes(value);
}

export function MultiSitePage() {
  const [params, setParams] = useSearchParams();
  const name = params.get('name') ?? undefined;
  const rawStatus = params.get('status');
  const status = isFilingStatus(rawStatus) ? rawStatus : undefined;
  const sort = params.get('sort') === 'asc' ? 'asc' : 'desc';
  const pages = useKeysetPages();
  const { data, error, isFetching } = useMultiSitePhysicians({ name, status, sort, cursor: pages.cursor, limit: 20 });
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    if (error) applyProblemToForm(form, error);
  }, [error, form]);

  const onSearch = (v: FilterValues) => {
    const p = new URLSearchParams();
    if (v.name?.trim()) p.set('name', v.name.trim());
    if (v.status) p.set('status', v.status);
    if (v.sort === 'asc') p.set('sort', 'asc');
    setParams(p, { replace: true });
    pages.reset();
  };
  const onReset = () => {
    form.setFieldsValue({ name: undefined, status: undefined, sort: 'desc' });
    onSearch({});
  };

  return (
    <div className="inst-multi-site staff-contrast">
      <PageHeader
        title="多机构执业医师"
        description="在本机构备案执业的医师（主要执业机构为其他机构）：备案的执业范围、有效期和备案状态。医师只能在有效期内、按备案的执业范围在本机构执业；有效期届满的备案自动到期。"
      />
      <Form form={form} layout="inline" className="inst-filters" onFinish={onSearch} initialValues={{ name, status, sort }}>
        <Form.Item name="name" label="姓名"><Input allowClear placeholder="医师姓名" style={{ width: 130 }} /></Form.Item>
        <Form.Item name="status" label="备案状态">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={STATUS_OPTIONS} />
        </Form.Item>
        <Form.Item name="sort" label="排序">
          <Select style={{ width: 190 }} options={[{ value: 'desc', label: '有效期结束：晚→早' }, { value: 'asc', label: '有效期结束：早→晚' }]} />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={onReset}>重置</Button>
            <ExportButtons path="/api/v1/institution/multi-site-physicians/export" filters={{ name, status, sort }} what="多机构执业医师" />
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={isApiError(error) && error.errors.length > 0 ? null : error} style={{ marginBottom: 12 }} />
      {/* The table has nothing to focus: its sideways scroll is a region the keyboard can reach. */}
      <div className="inst-table-scroll" role="region" aria-label="多机构执业医师列表" tabIndex={0}>
        <Table<MultiSitePhysician>
          rowKey="filingId"
          size="middle"
          loading={isFetching}
          columns={COLUMNS}
          dataSource={data?.items ?? []}
          pagination={false}
          style={{ minWidth: 1060 }}
          locale={{ emptyText: '暂无在本机构备案的医师' }}
        />
      </div>
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} prefix={data ? `共 ${data.total} 条备案 · ` : undefined} />
    </div>
  );
}

const COLUMNS: TableColumnsType<MultiSitePhysician> = [
  { title: '姓名', dataIndex: 'physicianName', width: 90 },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 170, render: (v: string) => <span className="inst-mono inst-small">{v}</span> },
  { title: '执业级别 · 类别', key: 'level', width: 130, render: (_: unknown, r) => `${r.levelLabel} · ${r.categoryLabel}` },
  {
    title: '主要执业机构', dataIndex: 'mainInstitutionName', width: 200,
    render: (v: string, r) => <div>{v}<div className="inst-timeline-meta inst-mono">{r.licenceCode ?? EMPTY}</div></div>,
  },
  { title: '备案执业范围', key: 'scopes', width: 180, render: (_: unknown, r) => r.scopes.map((s) => s.name).join('、') },
  {
    title: '有效期', key: 'period', width: 190,
    render: (_: unknown, r) => <span className="inst-small">{r.validFrom} 至 {r.validTo}</span>,
  },
  {
    title: '备案状态', key: 'status', width: 100,
    render: (_: unknown, r) => (
      <div>
        <StatusTag label={r.statusLabel} color={STATUS_COLORS[r.status]} />
        {r.status === 'active' && !r.inForce && <Typography.Text type="secondary" className="inst-small">未到开始日期</Typography.Text>}
      </div>
    ),
  },
];
