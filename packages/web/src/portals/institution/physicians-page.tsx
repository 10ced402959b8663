/**
 * 本机构医师: the physicians whose main institution this is (domain §5.2), with the registration's status, and
 * 【注册备案】 (domain §2.2 BT-06 [S6]): the institution reports 调离、退休、退职、被辞退、被开除 within 30 days of the
 * formalities; a later report is accepted and marked 逾期报告. The dialog says so before it is sent.
 */
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  DEPARTURE_REASONS, DEPARTURE_REASON_LABELS, DEPARTURE_REPORT_DAYS, INFO_EDITED_LABEL, LATEST_ASSESSMENT_FILTERS, LATEST_ASSESSMENT_FILTER_LABELS,
  REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS, departureReportDueOn, isIsoDate, isLateDepartureReport, todayInChina, type DepartureReason,
  type LatestAssessmentFilter, type RegistrationStatus,
} from '@medreg/domain';
import { applyProblemToForm, isApiError } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag, type StatusColor } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { EMPTY } from '../../lib/format';
import { CancellationReportDialog } from './cancellation-report-dialog';
import { useInstitutionPhysicians, useReportDeparture, type RosterPhysician } from './institution-api';
import './institution.css';
import { ExportButtons } from '../../components/export-buttons';

const STATUS_COLORS: Record<RegistrationStatus, StatusColor> = {
  valid: 'success', transferred_out: 'default', filed: 'warning', suspended: 'error', cancelled: 'default',
};
const STATUS_OPTIONS = REGISTRATION_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_LABELS[s] }));
const REASON_OPTIONS = DEPARTURE_REASONS.map((r) => ({ value: r, label: DEPARTURE_REASON_LABELS[r] }));
const ASSESSMENT_OPTIONS = LATEST_ASSESSMENT_FILTERS.map((a) => ({ value: a, label: LATEST_ASSESSMENT_FILTER_LABELS[a] }));

interface FilterValues { name?: string; status?: RegistrationStatus; assessment?: LatestAssessmentFilter }

function isRegistrationStatus(value: string | null): value is RegistrationStatus {
  return (REGISTRATION_STATUSES as readonly (string | null)[]).includes(value);
}

export function PhysiciansPage() {
  const [params, setParams] = useSearchParams();
  const name = params.get('name') ?? undefined;
  const rawStatus = params.get('status');
  const status = isRegistrationStatus(rawStatus) ? rawStatus : undefined;
  const rawAssessment = params.get('assessment');
  const assessment = (LATEST_ASSESSMENT_FILTERS as readonly (string | null)[]).includes(rawAssessment) ? rawAssessment as LatestAssessmentFilter : undefined;
  const pages = useKeysetPages();
  const { data, error, isFetching } = useInstitutionPhysicians({ name, status, assessment, cursor: pages.cursor, limit: 20 });
  const [form] = Form.useForm<FilterValues>();
  const [reporting, setReporting] = useState<RosterPhysician | null>(null);
  const [cancelling, setCancelling] = useState<RosterPhysician | null>(null);

  useEffect(() => {
    if (error) applyProblemToForm(form, error);
  }, [error, form]);

  const onSearch = (v: FilterValues) => {
    const p = new URLSearchParams();
    if (v.name?.trim()) p.set('name', v.name.trim());
    if (v.status) p.set('status', v.status);
    if (v.assessment) p.set('assessment', v.assessment);
    setParams(p, { replace: true });
    pages.reset();
  };
  const onReset = () => {
    form.setFieldsValue({ name: undefined, status: undefined, assessment: undefined });
    onSearch({});
  };

  const columns: TableColumnsType<RosterPhysician> = [
    ...COLUMNS,
    {
      title: '操作', key: 'actions', width: 130, fixed: 'right',
      render: (_: unknown, r) => (r.abilities.reportDeparture || r.abilities.reportCancellation
        ? (
          <Space direction="vertical" size={4}>
            {r.abilities.reportDeparture && <Button size="small" onClick={() => setReporting(r)} aria-label={`为${r.physicianName}办理注册备案`}>注册备案</Button>}
            {r.abilities.reportCancellation && <Button size="small" danger onClick={() => setCancelling(r)} aria-label={`报告注销情形：${r.physicianName}`}>报告注销情形</Button>}
          </Space>
        )
        : EMPTY),
    },
  ];

  return (
    <div className="staff-contrast">
      <PageHeader
        title="本机构医师"
        description={`以本机构为主要执业机构的医师及其执业注册状态。医师调离、退休、退职、被辞退或被开除的，本机构应当自办理相关手续之日起${DEPARTURE_REPORT_DAYS}日内报告注册备案。`}
      />
      <Form form={form} layout="inline" className="inst-filters" onFinish={onSearch} initialValues={{ name, status, assessment }}>
        <Form.Item name="name" label="姓名"><Input allowClear placeholder="医师姓名" style={{ width: 130 }} /></Form.Item>
        <Form.Item name="status" label="注册状态">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={STATUS_OPTIONS} />
        </Form.Item>
        <Form.Item name="assessment" label="最近定期考核">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={ASSESSMENT_OPTIONS} />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={onReset}>重置</Button>
            <ExportButtons path="/api/v1/institution/physicians/export" filters={{ name, status, assessment }} what="本机构医师" />
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={isApiError(error) && error.errors.length > 0 ? null : error} style={{ marginBottom: 12 }} />
      <div className="inst-table-scroll" role="region" aria-label="本机构医师列表" tabIndex={0}>
        <Table<RosterPhysician>
          rowKey="registrationId"
          size="middle"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          style={{ minWidth: 1100 }}
          locale={{ emptyText: '暂无以本机构为主要执业机构的医师' }}
        />
      </div>
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} prefix={data ? `共 ${data.total} 名医师 · ` : undefined} />
      <DepartureDialog physician={reporting} onClose={() => setReporting(null)} />
      <CancellationReportDialog physician={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}

const COLUMNS: TableColumnsType<RosterPhysician> = [
  { title: '姓名', dataIndex: 'physicianName', width: 90 },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 170, render: (v: string) => <span className="inst-mono inst-small">{v}</span> },
  { title: '执业级别 · 类别', key: 'level', width: 130, render: (_: unknown, r) => `${r.levelLabel} · ${r.categoryLabel}` },
  { title: '执业范围', key: 'scopes', width: 180, render: (_: unknown, r) => r.scopes.map((s) => s.name).join('、') },
  {
    title: '执业证书编码 · 批准日期', key: 'licence', width: 190,
    render: (_: unknown, r) => <div><span className="inst-mono">{r.licenceCode ?? EMPTY}</span><div className="inst-timeline-meta">{r.approvedOn}</div></div>,
  },
  {
    title: '最近定期考核', key: 'assessment', width: 130,
    render: (_: unknown, r) => (r.latestAssessment
      ? <span>{r.latestAssessment.cycleLabel} <StatusTag label={r.latestAssessment.resultLabel} color={r.latestAssessment.result === 'passed' ? 'success' : 'error'} /></span>
      : <Typography.Text type="secondary">未登记</Typography.Text>),
  },
  {
    title: '注册状态', key: 'status', width: 190,
    render: (_: unknown, r) => (
      <div>
        <Space size={4} wrap>
          <StatusTag label={r.statusLabel} color={STATUS_COLORS[r.status]} />
          {r.departure?.late && <StatusTag label="逾期报告" color="error" />}
          {/* 是否修改过信息 (domain §1.2 item 8, BT-11): an approved 个人信息修改 changed the registration-side data. */}
          {r.infoEdited && <StatusTag label={INFO_EDITED_LABEL} color="blue" />}
        </Space>
        {r.departure && (
          <Typography.Text type="secondary" className="inst-small" style={{ display: 'block', whiteSpace: 'normal', wordBreak: 'break-word' }}>
            {r.departure.reasonLabel}
            <br />手续办理 {r.departure.leftOn}
            <br />报告 {r.departure.reportedOn}
          </Typography.Text>
        )}
      </div>
    ),
  },
];

interface DepartureValues { reason?: DepartureReason; leftOn?: string; note?: string }

function DepartureDialog({ physician, onClose }: { physician: RosterPhysician | null; onClose: () => void }) {
  const [form] = Form.useForm<DepartureValues>();
  const report = useReportDeparture();
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  const leftOn = Form.useWatch('leftOn', form);
  const today = todayInChina(new Date());
  const dated = typeof leftOn === 'string' && isIsoDate(leftOn) && leftOn <= today;
  const late = dated && isLateDepartureReport(leftOn, today);

  const submit = (v: DepartureValues) => {
    if (!physician || !v.reason || !v.leftOn) return;
    report.mutate({ registrationId: physician.registrationId, reason: v.reason, leftOn: v.leftOn, note: v.note?.trim() || undefined }, {
      onSuccess: (r) => {
        void message.success(`${physician.physicianName}的执业注册已转为${r.statusLabel}${r.late ? '（逾期报告）' : ''}`);
        form.resetFields();
        onClose();
      },
      onError: (e) => showError(e, form),
    });
  };

  return (
    <Modal
      title={physician ? `注册备案：${physician.physicianName}` : '注册备案'}
      open={physician !== null}
      okText="报告注册备案"
      cancelText="取消"
      confirmLoading={report.isPending}
      onCancel={() => { form.resetFields(); onClose(); }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        报告后，该医师在本机构的执业注册转为「注册备案」，在公众查询中不再显示为有效注册，并通知医师本人。
        注册备案满二年未继续执业的，予以注销。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item name="reason" label="备案情形" rules={[{ required: true, message: '请选择备案情形' }]}>
          <Select options={REASON_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          name="leftOn"
          label="离职手续办理日期"
          rules={[{ required: true, message: '请填写离职手续办理日期' }]}
          extra={`应自办理相关手续之日起${DEPARTURE_REPORT_DAYS}日内报告`}
        >
          <Input type="date" max={today} />
        </Form.Item>
        {dated && (
          late
            ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`已超过${DEPARTURE_REPORT_DAYS}日报告期限（应于 ${departureReportDueOn(leftOn)} 前报告），本次报告将标注为逾期报告。`} />
            : <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`报告期限至 ${departureReportDueOn(leftOn)}，本次报告未逾期。`} />
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
