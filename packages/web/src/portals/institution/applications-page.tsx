/**
 * 医师申请业务办理 (seed 第四步): the three queues 待机构确认 / 正在申办 / 已完成审批; 【查询】 by any single
 * condition or any combination; 【办理业务】 opens the application.
 */
import { Button, DatePicker, Form, Input, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  APPLICATION_STATE_LABELS, BUSINESS_TYPES, BUSINESS_TYPE_INFO, INFO_EDITED_LABEL, INSTITUTION_QUEUES, INSTITUTION_QUEUE_IDS, type InstitutionQueue,
} from '@medreg/domain';
import type { Dayjs } from 'dayjs';
import { applyProblemToForm, isApiError } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { dayjs } from '../../lib/dayjs';
import { EMPTY, formatDate } from '../../lib/format';
import { useQueue, type QueueQuery, type QueueRow } from './institution-api';
import { stateColor, toneColor } from './review-tone';
import './institution.css';
import { ExportButtons } from '../../components/export-buttons';

/** Filters kept in the page URL; the 身份证号 is not one of them (a URL ends up in history and logs). */
const FILTER_KEYS = ['name', 'businessType', 'businessCode', 'state', 'submittedFrom', 'submittedTo', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

interface FilterValues {
  name?: string;
  idNumber?: string;
  businessType?: string;
  businessCode?: string;
  state?: string;
  submitted?: [Dayjs | null, Dayjs | null] | null;
  sort?: 'asc' | 'desc';
}

function isQueue(value: string | null): value is InstitutionQueue {
  return (INSTITUTION_QUEUE_IDS as readonly (string | null)[]).includes(value);
}

export function ApplicationsPage() {
  const [params, setParams] = useSearchParams();
  const queue: InstitutionQueue = isQueue(params.get('queue')) ? (params.get('queue') as InstitutionQueue) : 'pending_institution';
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Partial<Record<FilterKey, string>>;
  const [idNumber, setIdNumber] = useState<string | undefined>();
  const pages = useKeysetPages();
  const sort = filters.sort === 'asc' ? 'asc' : 'desc';
  const query: QueueQuery = { queue, ...filters, idNumber, sort, cursor: pages.cursor, limit: 20 };
  const { data, error, isFetching } = useQueue(query);
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    // A refused query (e.g. an invalid 身份证号) shows its message next to the field.
    if (error) applyProblemToForm(form, error);
  }, [error, form]);

  const update = (next: Partial<Record<FilterKey | 'queue', string | undefined>>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
    pages.reset();
  };

  const onSearch = (v: FilterValues) => {
    setIdNumber(v.idNumber?.trim() || undefined);
    update(searchParamsOf(v));
  };

  const searchParamsOf = (v: FilterValues) => ({
    name: v.name?.trim(),
    businessType: v.businessType,
    businessCode: v.businessCode?.trim(),
    state: v.state,
    submittedFrom: v.submitted?.[0]?.format('YYYY-MM-DD'),
    submittedTo: v.submitted?.[1]?.format('YYYY-MM-DD'),
    sort: v.sort === 'asc' ? 'asc' : undefined,
  });

  const onReset = () => {
    form.resetFields();
    setIdNumber(undefined);
    update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
  };

  const stateOptions = INSTITUTION_QUEUES[queue].states.map((s) => ({ value: s, label: APPLICATION_STATE_LABELS[s] }));

  return (
    <div className="inst-queue staff-contrast">
      <PageHeader
        title="医师申请业务办理"
        description="输入任何单一查询条件或者任意查询条件的组合，点击【查询】后列表内显示医师的业务申请；单击【办理业务】打开审核窗口，确认信息无误后可【打印预览】《医师执业注册申请审核表》并点击【同意】，提交卫生健康行政部门审核。"
      />
      <Form
        form={form}
        layout="inline"
        className="inst-filters"
        onFinish={onSearch}
        initialValues={{
          name: filters.name, idNumber, businessType: filters.businessType, businessCode: filters.businessCode,
          state: filters.state, sort,
          submitted: filters.submittedFrom || filters.submittedTo
            ? [filters.submittedFrom ? dayjs(filters.submittedFrom) : null, filters.submittedTo ? dayjs(filters.submittedTo) : null]
            : undefined,
        }}
      >
        <Form.Item name="name" label="姓名"><Input allowClear placeholder="医师姓名" style={{ width: 130 }} /></Form.Item>
        <Form.Item name="idNumber" label="身份证号"><Input allowClear maxLength={18} style={{ width: 190 }} /></Form.Item>
        <Form.Item name="businessType" label="业务类型">
          <Select allowClear placeholder="全部" style={{ width: 180 }} options={BUSINESS_TYPES.map((t) => ({ value: t, label: BUSINESS_TYPE_INFO[t].label }))} />
        </Form.Item>
        <Form.Item name="businessCode" label="业务编号"><Input allowClear placeholder="BT…" style={{ width: 210 }} /></Form.Item>
        <Form.Item name="submitted" label="申请日期"><DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} /></Form.Item>
        <Form.Item name="state" label="状态">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={stateOptions} />
        </Form.Item>
        <Form.Item name="sort" label="排序">
          <Select style={{ width: 170 }} options={[{ value: 'desc', label: '申请日期：新→旧' }, { value: 'asc', label: '申请日期：旧→新' }]} />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={onReset}>重置</Button>
            <ExportButtons path="/api/v1/institution/applications/export" filters={{ ...query, idNumber: undefined }} what="医师申请业务办理"
              unavailable={idNumber ? '按身份证号查询的结果不能导出（身份证号不放在网址中）；清除身份证号后可导出当前列表' : undefined} />
          </Space>
        </Form.Item>
      </Form>
      <Tabs
        className="inst-queue-tabs"
        activeKey={queue}
        onChange={(key) => update({ queue: key === 'pending_institution' ? undefined : key, state: undefined })}
        items={INSTITUTION_QUEUE_IDS.map((id) => ({ key: id, label: <span data-queue={id}>{INSTITUTION_QUEUES[id].label}</span> }))}
      />
      {/* Field errors are shown next to their fields; anything else here. */}
      <ProblemAlert error={isApiError(error) && error.errors.length > 0 ? null : error} style={{ marginBottom: 12 }} />
      <Table<QueueRow>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={COLUMNS}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 1170 }}
        locale={{ emptyText: queue === 'pending_institution' ? '暂无待机构确认的业务' : '暂无业务' }}
      />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} />
    </div>
  );
}

const COLUMNS: TableColumnsType<QueueRow> = [
  { title: '姓名', dataIndex: 'physicianName', width: 84, fixed: 'left', render: (name: string, r) => <Link to={`/institution/applications/${r.id}`}>{name}</Link> },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 156, render: (v: string) => <span className="inst-mono inst-small">{v}</span> },
  {
    // 「变更注册 · 变更执业范围（增加执业范围）」: the type and, on the generic path, the kind of change.
    title: '业务类型', dataIndex: 'businessTypeLabel', width: 180,
    render: (label: string, r) => (r.kindLabel
      ? <div><div>{label}</div><div className="inst-timeline-meta">{r.kindLabel}</div></div>
      : label),
  },
  { title: '业务编号', dataIndex: 'businessCode', width: 176, render: (v: string | null) => <span className="inst-mono inst-small">{v ?? EMPTY}</span> },
  { title: '申请日期', dataIndex: 'submittedAt', width: 100, render: (v: string | null) => formatDate(v) },
  {
    title: '机构审核状态', key: 'institutionReview', width: 104,
    render: (_: unknown, r) => (
      <div>
        <StatusTag label={r.institutionReview.label} color={toneColor(r.institutionReview)} />
        {r.institutionDecidedAt && <div className="inst-timeline-meta">{formatDate(r.institutionDecidedAt)}</div>}
      </div>
    ),
  },
  {
    title: '行政部门审核状态 / 审批机关', key: 'authorityReview', width: 190,
    render: (_: unknown, r) => (
      <div>
        {r.authorityReview.label === '—' ? <Typography.Text type="secondary">未提交</Typography.Text> : <StatusTag label={r.authorityReview.label} color={toneColor(r.authorityReview)} />}
        {r.authorityDecidedAt && <span className="inst-timeline-meta"> {formatDate(r.authorityDecidedAt)}</span>}
        <div className="inst-timeline-meta">{r.authorityName ?? EMPTY}</div>
      </div>
    ),
  },
  {
    title: '状态', key: 'state', width: 100,
    render: (_: unknown, r) => (
      <Space size={4} wrap>
        <StatusTag label={r.stateLabel} color={stateColor(r.state)} />
        {/* 是否修改过信息 (BT-11): an approved 个人信息修改 on the physician's registration here. */}
        {r.infoEdited && <StatusTag label={INFO_EDITED_LABEL} color="blue" />}
      </Space>
    ),
  },
  {
    title: '操作', key: 'actions', width: 92, fixed: 'right',
    render: (_: unknown, r) => (
      <ButtonLink size="small" type={r.allowedActions.length > 0 ? 'primary' : 'default'} to={`/institution/applications/${r.id}`}>
        {r.allowedActions.length > 0 ? '办理业务' : '查看'}
      </ButtonLink>
    ),
  },
];
