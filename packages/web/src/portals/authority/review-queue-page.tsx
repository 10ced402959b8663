/**
 * 审批工作台 — the authority's queues: 正在申办 (to 受理 or send back), 已受理 (the 20-working-day clock runs),
 * 退回补正, 已办结. Authorities above may open a lower authority's queue read-only.
 */
import { Alert, Badge, Button, DatePicker, Flex, Form, Input, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  AUTHORITY_QUEUES, AUTHORITY_QUEUE_IDS, BUSINESS_TYPES, BUSINESS_TYPE_INFO, PAPER_MATERIALS, isBusinessType, type AuthorityQueue,
} from '@medreg/domain';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { DueDateText } from '../../components/due-date-text';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../lib/dayjs';
import { EMPTY, formatDate, formatDateTime } from '../../lib/format';
import { useQueue, useVisibleAuthorities, type QueueItem, type QueueQuery } from './authority-api';
import { DeadlineTag } from './deadline-tag';
import { stateColor } from './state-color';
import { ExportButtons } from '../../components/export-buttons';

/** Filters kept in the page URL; the 身份证号 is not one of them (a URL ends up in history and logs). */
const FILTER_KEYS = ['name', 'businessType', 'businessCode', 'dueBefore', 'state'] as const;

const BUSINESS_TYPE_OPTIONS = BUSINESS_TYPES.map((t) => ({ value: t, label: BUSINESS_TYPE_INFO[t].label }));

function isQueue(value: string | null): value is AuthorityQueue {
  return (AUTHORITY_QUEUE_IDS as readonly (string | null)[]).includes(value);
}

export function ReviewQueuePage() {
  const [params, setParams] = useSearchParams();
  const queue: AuthorityQueue = isQueue(params.get('queue')) ? (params.get('queue') as AuthorityQueue) : 'pending_authority';
  const authorityId = params.get('authorityId') ?? undefined;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  const [idNumber, setIdNumber] = useState<string | undefined>();
  const pages = useKeysetPages();

  const query: QueueQuery = {
    queue, authorityId, name: filters.name, businessCode: filters.businessCode, idNumber, dueBefore: filters.dueBefore,
    businessType: isBusinessType(filters.businessType) ? filters.businessType : undefined,
    state: filters.state === 'approved' || filters.state === 'refused' ? filters.state : undefined, cursor: pages.cursor, limit: 20,
  };
  const { data, error, isFetching } = useQueue(query);
  const authorities = useVisibleAuthorities();
  const [form] = Form.useForm();

  const update = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
    pages.reset();
  };

  const onSearch = (values: { name?: string; businessType?: string; businessCode?: string; idNumber?: string; dueBefore?: Dayjs | null; state?: string }) => {
    setIdNumber(values.idNumber?.trim() || undefined);
    update({
      name: values.name?.trim(), businessType: values.businessType, businessCode: values.businessCode?.trim(),
      dueBefore: values.dueBefore ? values.dueBefore.format('YYYY-MM-DD') : undefined, state: values.state,
    });
  };

  const onReset = () => {
    form.resetFields();
    setIdNumber(undefined);
    update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
  };

  const columns = useMemo(() => queueColumns(queue), [queue]);
  const counts = data?.counts;
  const readOnly = data !== undefined && !data.canDecide;
  const others = (authorities.data?.authorities ?? []).length > 1;

  return (
    <div className="authority-queue staff-contrast">
      <PageHeader
        title="审批工作台"
        description={`受理后须在 ${data?.decisionLimitWorkingDays ?? 20} 个工作日内作出准予注册或不予注册的决定（《医师法》第十三条；工作日不含法定节假日，《行政许可法》第八十二条）。多机构备案和补发/换领执业证书不设法定办理时限。`}
      />
      {others && (
        <Flex align="center" gap={8} style={{ marginBottom: 12 }} wrap>
          <Typography.Text>审批机关：</Typography.Text>
          <Select
            style={{ minWidth: 300 }}
            value={authorityId ?? authorities.data?.authorities.find((a) => a.mine)?.id}
            onChange={(id: string) => update({ authorityId: authorities.data?.authorities.find((a) => a.id === id)?.mine ? undefined : id })}
            options={authorities.data?.authorities.map((a) => ({ value: a.id, label: a.mine ? `${a.name}（本部门）` : a.name }))}
            showSearch
            optionFilterProp="label"
            aria-label="审批机关"
          />
        </Flex>
      )}
      {readOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`您正在查看${data.authority.name}的审批队列`}
          description="上级卫生健康行政部门可以查看下级的审批情况，但只有审批机关本身可以受理和作出决定。"
        />
      )}
      <Form form={form} layout="inline" onFinish={onSearch} className="authority-filters" initialValues={{
        ...filters, dueBefore: filters.dueBefore ? dayjs(filters.dueBefore) : undefined,
      }}>
        <Form.Item name="name" label="姓名"><Input allowClear placeholder="申请人姓名" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="businessType" label="业务类型">
          <Select allowClear placeholder="全部" style={{ width: 180 }} options={BUSINESS_TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item name="businessCode" label="业务编号"><Input allowClear placeholder="BT…" style={{ width: 210 }} /></Form.Item>
        <Form.Item name="idNumber" label="身份证号"><Input allowClear style={{ width: 190 }} maxLength={18} /></Form.Item>
        {queue === 'accepted' && (
          <Form.Item name="dueBefore" label="办结期限不晚于"><DatePicker style={{ width: 140 }} /></Form.Item>
        )}
        {queue === 'completed' && (
          <Form.Item name="state" label="结果">
            <Select allowClear style={{ width: 120 }} placeholder="全部" options={[{ value: 'approved', label: '准予注册' }, { value: 'refused', label: '不予注册' }]} />
          </Form.Item>
        )}
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={onReset}>重置</Button>
            <ExportButtons path="/api/v1/authority/queue/export" filters={{ ...query, idNumber: undefined }} what={`审批工作台${AUTHORITY_QUEUES[queue].label}`}
              unavailable={idNumber ? '按身份证号查询的结果不能导出（身份证号不放在网址中）；清除身份证号后可导出当前列表' : undefined} />
          </Space>
        </Form.Item>
      </Form>
      <Tabs
        className="authority-queue-tabs"
        activeKey={queue}
        onChange={(key) => update({ queue: key === 'pending_authority' ? undefined : key, state: undefined, dueBefore: undefined })}
        items={AUTHORITY_QUEUE_IDS.map((id) => ({
          key: id,
          label: (
            <span data-queue={id}>
              {AUTHORITY_QUEUES[id].label}
              {counts && <Badge count={counts[id]} showZero overflowCount={9999} color={id === 'accepted' && counts.overdue > 0 ? '#cf1322' : '#8c9bb0'} style={{ marginLeft: 6 }} />}
              {id === 'accepted' && counts && counts.overdue > 0 && <Typography.Text type="danger" style={{ marginLeft: 6, fontSize: 12 }}>已超期 {counts.overdue}</Typography.Text>}
              {id === 'accepted' && counts && counts.dueSoon > 0 && <Typography.Text type="warning" style={{ marginLeft: 6, fontSize: 12 }}>即将超期 {counts.dueSoon}</Typography.Text>}
            </span>
          ),
        }))}
      />
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Table<QueueItem>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        rowClassName={(r) => (r.overdue ? 'queue-row--overdue' : '')}
        scroll={{ x: 1080 }}
        locale={{ emptyText: '暂无业务' }}
      />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} prefix={`今天：${data?.today ?? EMPTY} · `} />
    </div>
  );
}

function queueColumns(queue: AuthorityQueue): TableColumnsType<QueueItem> {
  const code: TableColumnsType<QueueItem>[number] = {
    title: '业务编号', dataIndex: 'businessCode', width: 200, render: (v: string | null, r) => <Link to={r.id} className="mono queue-code">{v ?? EMPTY}</Link>,
  };
  const name = { title: '姓名', dataIndex: 'physicianName', width: 90 };
  // 「变更注册 · 变更执业范围（增加执业范围）」: the type and, on the generic path, the kind of change.
  const type = {
    title: '业务类型', dataIndex: 'businessTypeLabel', width: 170,
    render: (label: string, r: QueueItem) => (r.kindLabel
      ? <div><div>{label}</div><div className="queue-kind">{r.kindLabel}</div></div>
      : label),
  };
  const institution = { title: '拟执业机构', dataIndex: 'institutionName', ellipsis: true, render: (v: string | null) => v ?? EMPTY };
  const open = {
    title: '操作', key: 'open', width: 90, fixed: 'right' as const,
    render: (_: unknown, r: QueueItem) => <Link to={r.id}>{r.allowedActions.length > 0 ? '办理业务' : '查看'}</Link>,
  };
  const acceptedOn = {
    title: '受理日期', dataIndex: 'acceptedOn', width: 120,
    render: (v: string | null, r: QueueItem) => (r.deemedAcceptedOn
      ? <span data-deemed-accepted={r.deemedAcceptedOn}>{formatDate(r.deemedAcceptedOn)}<br /><Typography.Text type="warning" style={{ fontSize: 12 }}>{r.deemedAcceptanceLabel}</Typography.Text></span>
      : formatDate(v)),
  };
  switch (queue) {
    case 'accepted':
      // The clock first: what is overdue or due soon.
      return [
        code, name,
        { title: '剩余工作日', dataIndex: 'workingDaysLeft', width: 150, render: (_: unknown, r) => <DeadlineTag {...r} /> },
        {
          title: '法定办结日期', dataIndex: 'dueDate', width: 120,
          render: (v: string | null, r) => (r.statutoryClock
            ? <DueDateText compact dueDate={v} dueDateProvisional={r.dueDateProvisional} dueDateNote={r.dueDateNote} className={r.overdue ? 'text-danger' : undefined} />
            : <span className="queue-kind">无</span>),
        },
        acceptedOn, type, institution, open,
      ];
    case 'completed':
      return [
        code, name,
        { title: '结果', dataIndex: 'stateLabel', width: 100, render: (v: string, r) => <StatusTag label={v} color={stateColor(r.state)} /> },
        { title: '办结时间', dataIndex: 'decidedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
        acceptedOn, type, institution, open,
      ];
    case 'pending_authority':
      return [
        code, name,
        { title: '机构确认时间', dataIndex: 'arrivedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
        {
          title: '纸质材料', dataIndex: 'materialsReceived', width: 100,
          render: (v: number) => <span className={v === PAPER_MATERIALS.length ? 'text-ok' : undefined}>已收 {v}/{PAPER_MATERIALS.length}</span>,
        },
        type, institution, open,
      ];
    default:
      return [
        code, name,
        { title: '机构确认时间', dataIndex: 'arrivedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
        type, institution, open,
      ];
  }
}
