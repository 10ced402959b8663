/** 「定期考核」 (domain §5.4): results, import, and from a 不合格 row 责令暂停执业活动 and later 再次考核 (《医师法》第四十二条). */
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { AssessmentResultsView } from '../../components/supervision/assessment-results-view';
import { useOrderSuspension, useRecordReassessment, type AssessmentRow } from '../../components/supervision/supervision-api';

export function AssessmentsPage() {
  const [ordering, setOrdering] = useState<AssessmentRow | null>(null);
  const [reassessing, setReassessing] = useState<AssessmentRow | null>(null);
  return (
    <>
      <PageHeader title="定期考核" description="医师定期考核每三年一个周期。考核不合格的，责令暂停执业活动三个月至六个月并接受培训；期满再次考核，合格的恢复执业，仍不合格的注销注册（《医师法》第四十二条）。" />
      <AssessmentResultsView portal="authority" actions={(r) => (
        <Space>
          {r.abilities.orderSuspension && <Button size="small" danger onClick={() => setOrdering(r)}>责令暂停执业</Button>}
          {r.abilities.recordReassessment && <Button size="small" type="primary" onClick={() => setReassessing(r)}>登记再次考核</Button>}
        </Space>
      )} />
      {ordering && <OrderDialog row={ordering} onClose={() => setOrdering(null)} />}
      {reassessing && <ReassessDialog row={reassessing} onClose={() => setReassessing(null)} />}
    </>
  );
}

function OrderDialog({ row, onClose }: { row: AssessmentRow; onClose: () => void }) {
  const [form] = Form.useForm();
  const order = useOrderSuspension();
  const submit = async (body: Record<string, string>) => {
    try { await order.mutateAsync({ id: row.id, body }); onClose(); } catch (e) { applyProblemToForm(form, e); }
  };
  return (
    <Modal open title={`责令暂停执业活动：${row.physicianName}`} onCancel={onClose} onOk={() => form.submit()} okText="确认" confirmLoading={order.isPending}>
      {/* A form name of its own: the field ids (and so the labels) never clash with the list's filter form. */}
      <Form form={form} name="order-suspension" layout="vertical" onFinish={submit}>
        <Form.Item name="documentNo" label="文书编号" rules={[{ required: true, message: '请填写文书编号' }]}><Input /></Form.Item>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请填写决定日期' }]}><Input type="date" /></Form.Item>
        <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}><Input type="date" /></Form.Item>
        <Form.Item name="endsOn" label="结束日期" extra="三个月至六个月" rules={[{ required: true, message: '请填写结束日期' }]}><Input type="date" /></Form.Item>
        <Form.Item name="training" label="培训要求" rules={[{ required: true, message: '请填写培训要求' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
      </Form>
      <ProblemAlert error={order.error} />
    </Modal>
  );
}

function ReassessDialog({ row, onClose }: { row: AssessmentRow; onClose: () => void }) {
  const [form] = Form.useForm();
  const record = useRecordReassessment();
  const submit = async (v: Record<string, string>) => {
    const body = { ...Object.fromEntries(Object.entries(v).filter(([, x]) => x)), expectedVersion: row.suspension!.version };
    try { await record.mutateAsync({ id: row.suspension!.id, body }); onClose(); } catch (e) { applyProblemToForm(form, e); }
  };
  return (
    <Modal open title={`暂停期满再次考核：${row.physicianName}`} onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={record.isPending}>
      <Form form={form} name="reassessment" layout="vertical" onFinish={submit}>
        <Form.Item name="result" label="再次考核结果" rules={[{ required: true, message: '请选择再次考核结果' }]} extra="不合格将注销注册，一年内不予注册（《医师法》第十七条、第十六条）">
          <Select options={[{ value: 'passed', label: '合格（恢复执业）' }, { value: 'failed', label: '不合格（注销注册）' }]} />
        </Form.Item>
        <Form.Item name="assessedOn" label="考核日期" rules={[{ required: true, message: '请填写考核日期' }]}><Input type="date" /></Form.Item>
        <Form.Item name="assessor" label="考核机构"><Input /></Form.Item>
        <Form.Item name="documentNo" label="注销文书编号（不合格时）"><Input /></Form.Item>
      </Form>
      <ProblemAlert error={record.error} />
    </Modal>
  );
}
