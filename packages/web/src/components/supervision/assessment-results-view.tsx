/**
 * 定期考核 results for the authority and the institution (domain §5.4): filters, keyset pages with the total, CSV
 * export, 登记考核结果 one by one and 导入考核结果文件 with the row-error report. The authority's row actions
 * (责令暂停, 再次考核) come in through `actions`.
 */
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { ASSESSMENT_RESULT_LABELS, ASSESSMENT_RESULTS, RESULTS_FILE_TEMPLATE_HEADER, type AssessmentResult } from '@medreg/domain';
import { applyProblemToForm, isApiError } from '../../api/client';
import { KeysetPager } from '../keyset-pager';
import { ProblemAlert } from '../problem-alert';
import { useKeysetPages } from '../use-keyset-pages';
import '../staff-contrast.css';
import './supervision.css';
import { useAssessmentResults, useImportResults, useRecordAssessment, type AssessmentRow, type ResultFilters, type SupervisionPortal } from './supervision-api';
import { ExportButtons } from '../export-buttons';

const RESULT_COLOR: Record<AssessmentResult, string> = { passed: 'green', failed: 'red', absent: 'orange' };
const resultOptions = ASSESSMENT_RESULTS.map((r) => ({ value: r, label: ASSESSMENT_RESULT_LABELS[r] }));

export function AssessmentResultsView({ portal, actions }: { portal: SupervisionPortal; actions?: (row: AssessmentRow) => ReactNode }) {
  const [filters, setFilters] = useState<ResultFilters>({});
  const pages = useKeysetPages();
  const list = useAssessmentResults(portal, { ...filters, ...(pages.cursor ? { cursor: pages.cursor } : {}) });
  const [recording, setRecording] = useState(false);
  return (
    // staff-contrast.css: the result tags dark enough to read (WCAG 2.1 AA 1.4.3).
    <Space direction="vertical" size="large" style={{ width: '100%' }} className="staff-contrast">
      <Card title="导入考核结果文件" size="small"><ImportResults portal={portal} /></Card>
      <Card size="small" title="考核结果" className="supervision-results" extra={<Space wrap>
        <Button type="primary" onClick={() => setRecording(true)}>登记考核结果</Button>
        <ExportButtons path={`/api/v1/${portal}/assessments/export`} filters={{ ...filters }} what="定期考核结果" />
      </Space>}>
        <Form name="assessment-filters" layout="inline" onFinish={(v: ResultFilters) => { pages.reset(); setFilters({ ...(v.cycle ? { cycle: v.cycle } : {}), ...(v.result ? { result: v.result } : {}), ...(v.name?.trim() ? { name: v.name.trim() } : {}), ...(v.missed ? { missed: true } : {}) }); }} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="cycle" label="周期起始年"><InputNumber min={2000} max={2099} placeholder="2024" aria-label="周期起始年" /></Form.Item>
          <Form.Item name="result" label="考核结果"><Select allowClear placeholder="全部" options={resultOptions} style={{ width: 120 }} aria-label="考核结果" /></Form.Item>
          <Form.Item name="name" label="姓名"><Input allowClear style={{ width: 140 }} aria-label="姓名" /></Form.Item>
          {/* 《医师执业注册管理办法》第十八条: 连续两个考核周期未参加 is a ground to cancel the registration. */}
          <Form.Item name="missed" valuePropName="checked"><Checkbox>连续两个周期未参加</Checkbox></Form.Item>
          <Button htmlType="submit">查询</Button>
        </Form>
        <ProblemAlert error={list.error} />
        <div className="supervision-table-scroll" role="region" aria-label="考核结果列表" tabIndex={0}>
        <Table<AssessmentRow> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} style={{ minWidth: 900 }}
          locale={{ emptyText: <Typography.Text type="secondary">暂无考核结果</Typography.Text> }}
          columns={[
            { title: '姓名', dataIndex: 'physicianName' },
            { title: '执业证书编码', dataIndex: 'licenceCode' },
            ...(portal === 'authority' ? [{ title: '主要执业机构', dataIndex: 'institutionName' }] : []),
            { title: '考核周期', dataIndex: 'cycleLabel' },
            { title: '类型', dataIndex: 'kindLabel' },
            {
              title: '考核结果', dataIndex: 'result', render: (_: unknown, r: AssessmentRow) => (
                <Space size={4} wrap>
                  <Tag color={RESULT_COLOR[r.result]}>{r.resultLabel}</Tag>
                  {r.missedTwoCycles && <Tag color="red" title="《医师执业注册管理办法》第十八条：连续两个考核周期未参加医师定期考核的，应当注销注册">连续两个周期未参加</Tag>}
                </Space>
              ),
            },
            { title: '暂停执业活动', render: (_: unknown, r: AssessmentRow) => r.suspension ? `${r.suspension.statusLabel}（${r.suspension.startsOn}至${r.suspension.endsOn}）` : '—' },
            { title: '注册状态', dataIndex: 'registrationStatusLabel' },
            ...(actions ? [{ title: '操作', render: (_: unknown, r: AssessmentRow) => actions(r) }] : []),
          ]} />
        </div>
        <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} prefix={`共 ${list.data?.total ?? 0} 条 · `} />
      </Card>
      <RecordAssessmentDialog portal={portal} open={recording} onClose={() => setRecording(false)} />
    </Space>
  );
}

function RecordAssessmentDialog({ portal, open, onClose }: { portal: SupervisionPortal; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const record = useRecordAssessment(portal);
  const submit = async (v: Record<string, string>) => {
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    try {
      await record.mutateAsync(body);
      form.resetFields();
      onClose();
    } catch (e) {
      applyProblemToForm(form, e);
    }
  };
  return (
    <Modal title="登记定期考核结果" open={open} onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={record.isPending} destroyOnHidden>
      {/* A form name of its own: the field ids (and so the labels) never clash with the filter form's. */}
      <Form form={form} name="record-assessment" layout="vertical" onFinish={submit}>
        <Form.Item name="licenceCode" label="执业证书编码" extra="或填写身份证号"><Input maxLength={15} inputMode="numeric" /></Form.Item>
        <Form.Item name="idNumber" label="身份证号"><Input maxLength={18} /></Form.Item>
        <Form.Item name="cycle" label="考核周期" rules={[{ required: true, message: '请填写考核周期' }]} extra="三年一个周期，如 2024–2026（《医师法》第四十二条）"><Input placeholder="2024–2026" /></Form.Item>
        <Form.Item name="result" label="考核结果" rules={[{ required: true, message: '请选择考核结果' }]}><Select options={resultOptions} /></Form.Item>
        <Form.Item name="assessedOn" label="考核日期"><Input type="date" /></Form.Item>
        <Form.Item name="assessor" label="考核机构"><Input maxLength={100} /></Form.Item>
      </Form>
      <ProblemAlert error={record.error} />
    </Modal>
  );
}

interface RowError { row: number; field: string; message: string }

function ImportResults({ portal }: { portal: SupervisionPortal }) {
  const imp = useImportResults(portal);
  const rowErrors = isApiError(imp.error) ? ((imp.error.problem.rowErrors as RowError[] | undefined) ?? []) : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        CSV 或 Excel（.xlsx）文件，第 1 行为表头：{RESULTS_FILE_TEMPLATE_HEADER.join('、')}。任何一行有误时不导入，请按提示更正后重新导入。
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Upload accept=".csv,.xlsx" maxCount={1} showUploadList={false} beforeUpload={(file) => { imp.mutate(file); return false; }}>
          <Button icon={<UploadOutlined />} loading={imp.isPending}>选择文件并导入</Button>
        </Upload>
      </Flex>
      {imp.data && <Alert type="success" showIcon message={`已导入 ${imp.data.imported} 条考核结果（合格 ${imp.data.counts.passed}，不合格 ${imp.data.counts.failed}，未参加 ${imp.data.counts.absent}）`} />}
      {imp.error !== null && <ProblemAlert error={imp.error} />}
      {rowErrors.length > 0 && (
        <Table<RowError> size="small" rowKey={(e) => `${e.row}-${e.field}-${e.message}`} pagination={false} dataSource={rowErrors} aria-label="导入错误"
          columns={[{ title: '行号', dataIndex: 'row', width: 70 }, { title: '列', dataIndex: 'field', width: 120 }, { title: '问题', dataIndex: 'message' }]} />
      )}
    </Space>
  );
}
