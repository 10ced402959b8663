/**
 * 审计日志 — the audit trail of this authority's jurisdiction (authority administrators): who did what to which
 * record and when, with the request id and client address; filters, keyset pages, CSV export, and the hash-chain
 * verifier (docs/architecture.md § Audit).
 */
import { Alert, Button, DatePicker, Descriptions, Flex, Form, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPE_LABELS } from '@medreg/domain';
import { KeysetPager } from '../../components/keyset-pager';
import { useDocumentTitle } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { dayjs } from '../../lib/dayjs';
import { EMPTY, formatDateTime } from '../../lib/format';
import { useAuditTrail, useAuditVerification, type AuditEntry, type AuditQuery, type AuditVerification } from './audit-api';
import { ExportButtons } from '../../components/export-buttons';

const FILTER_KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to', 'sort'] as const;

interface FilterValues {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function columns(sort: 'newest' | 'oldest'): TableColumnsType<AuditEntry> {
  return [
    {
      title: '时间', dataIndex: 'at', key: 'at', width: 150, sorter: true, sortOrder: sort === 'newest' ? 'descend' : 'ascend',
      sortDirections: ['descend', 'ascend', 'descend'], render: (v: string) => formatDateTime(v),
    },
    {
      title: '操作人', key: 'actor', width: 200,
      render: (_: unknown, r) => (
        <>
          <div>{r.actor.displayName ?? (r.actor.accountId ? EMPTY : '系统/匿名')}{r.actor.loginName && <Typography.Text type="secondary"> （{r.actor.loginName}）</Typography.Text>}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.actor.roleLabel}{r.actor.organization ? ` · ${r.actor.organization}` : ''}</Typography.Text>
        </>
      ),
    },
    { title: '操作', dataIndex: 'actionLabel', width: 140, render: (v: string, r) => <span title={r.action}>{v}</span> },
    {
      title: '对象', key: 'entity', width: 220,
      render: (_: unknown, r) => <>{r.entityTypeLabel}<div className="mono" style={{ fontSize: 12 }}>{r.entityId ?? EMPTY}</div></>,
    },
    {
      title: '详情', dataIndex: 'detail', width: 260,
      render: (v: Record<string, unknown>) => (
        <Typography.Paragraph className="mono" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
          {Object.keys(v).length ? JSON.stringify(v) : EMPTY}
        </Typography.Paragraph>
      ),
    },
    { title: 'IP地址', dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="mono">{v ?? EMPTY}</span> },
    { title: '请求编号', dataIndex: 'requestId', width: 150, render: (v: string | null) => <Typography.Text className="mono" style={{ fontSize: 12 }} ellipsis={{ tooltip: v }}>{v ?? EMPTY}</Typography.Text> },
    { title: '链序号', dataIndex: 'seq', width: 80, render: (v: number | null) => v ?? '旧记录' },
  ];
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const b = result.firstBreak;
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 12 }}
      title={result.ok ? '审计日志完整：哈希链未发现断裂' : '审计日志哈希链断裂'}
      description={(
        <Descriptions size="small" column={1} items={[
          ...(b ? [
            { key: 'where', label: '第一处断裂', children: `${b.table === 'audit_log' ? '审计记录' : '业务历史'} 编号 ${b.id ?? EMPTY}${b.seq ? `，链序号 ${b.seq}` : ''}` },
            { key: 'what', label: '问题', children: `${b.message}${b.missing ? `（缺失链序号 ${b.missing.from}–${b.missing.to}）` : ''}` },
          ] : []),
          { key: 'rows', label: '已校验', children: `审计记录 ${result.checkedRows} 条，业务历史 ${result.checkedEvents} 条${result.legacyRows ? `；启用哈希链前的旧记录 ${result.legacyRows} 条未校验` : ''}` },
          ...(result.head ? [{ key: 'head', label: '链头', children: <span className="mono" style={{ wordBreak: 'break-all' }}>#{result.head.seq} {result.head.hash}</span> }] : []),
          { key: 'at', label: '校验时间', children: formatDateTime(result.verifiedAt) },
        ]} />
      )}
    />
  );
}

export function AuditPage() {
  useDocumentTitle('审计日志');
  const [params, setParams] = useSearchParams();
  const f = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  const sort = f.sort === 'oldest' ? 'oldest' : 'newest';
  const pages = useKeysetPages();
  const filters: AuditQuery = { actor: f.actor, action: f.action, entityType: f.entityType, entityId: f.entityId, from: f.from, to: f.to, sort };
  const { data, error, isFetching } = useAuditTrail({ ...filters, cursor: pages.cursor, limit: 20 });
  const verification = useAuditVerification();
  const [form] = Form.useForm<FilterValues>();

  const update = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
    pages.reset();
  };
  const onSearch = (v: FilterValues) => update({
    actor: v.actor?.trim(), action: v.action, entityType: v.entityType, entityId: v.entityId?.trim(),
    from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD'),
  });
  const onReset = () => {
    form.resetFields();
    update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
  };

  return (
    <>
      <header className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>审计日志</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              本辖区的操作记录：本部门及下级卫生健康行政部门、辖区内医疗机构工作人员的操作，以及审批机关在本辖区的业务申请和执业注册上的操作。记录只能追加，并以哈希链防篡改。
            </Typography.Paragraph>
          </div>
          <Flex gap={8} wrap>
            <ExportButtons path="/api/v1/authority/audit/export" filters={filters} what="审计日志" />
            <Button type="primary" loading={verification.isPending} onClick={() => verification.mutate()}>校验哈希链</Button>
          </Flex>
        </Flex>
      </header>
      <ProblemAlert error={verification.error} style={{ marginBottom: 12 }} />
      {verification.data && <VerificationResult result={verification.data} />}
      <Form form={form} layout="inline" onFinish={onSearch} className="authority-filters audit-filters" initialValues={{
        actor: f.actor, action: f.action, entityType: f.entityType, entityId: f.entityId,
        range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : undefined,
      }}>
        <Form.Item name="actor" label="操作人"><Input allowClear placeholder="登录名" style={{ width: 150 }} maxLength={50} /></Form.Item>
        <Form.Item name="action" label="操作">
          <Select allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 190 }}
            options={AUDIT_ACTIONS.map((a) => ({ value: a.action, label: a.label }))} />
        </Form.Item>
        <Form.Item name="entityType" label="对象类型">
          <Select allowClear placeholder="全部" style={{ width: 130 }}
            options={Object.entries(AUDIT_ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="entityId" label="对象编号"><Input allowClear style={{ width: 200 }} maxLength={100} /></Form.Item>
        <Form.Item name="range" label="日期"><DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} /></Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={onReset}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns(sort)}
        dataSource={data?.items ?? []}
        pagination={false}
        onChange={(_p, _f, sorter) => {
          const order = Array.isArray(sorter) ? sorter[0]?.order : sorter.order;
          update({ sort: order === 'ascend' ? 'oldest' : undefined });
        }}
        scroll={{ x: 1330 }}
        locale={{ emptyText: '暂无审计记录' }}
      />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} prefix={`共 ${data?.total ?? 0} 条 · `} />
    </>
  );
}
