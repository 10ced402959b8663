/**
 * 【报告注销情形】 (《医师法》第十七条第二款): the institution reports within 30 days that a physician died, was
 * criminally punished, …; the report goes to the granting authority as a 注销注册 application to 受理 and decide.
 * A late report is accepted and marked late.
 */
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import {
  CANCELLATION_GROUND_INFO, CANCELLATION_REPORT_DAYS, cancellationGroundsFor, cancellationReportDueOn, isIsoDate, isLateCancellationReport, todayInChina,
} from '@medreg/domain';
import { useApiErrorHandler } from '../../api/use-api-error';
import { useReportCancellation, type RosterPhysician } from './institution-api';

const GROUND_OPTIONS = cancellationGroundsFor('institution').map((g) => ({ value: g, label: CANCELLATION_GROUND_INFO[g].label }));

interface Values { ground?: string; triggerOn?: string; note?: string }

export function CancellationReportDialog({ physician, onClose }: { physician: RosterPhysician | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const report = useReportCancellation();
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  const triggerOn = Form.useWatch('triggerOn', form);
  const today = todayInChina(new Date());
  const dated = typeof triggerOn === 'string' && isIsoDate(triggerOn) && triggerOn <= today;
  const late = dated && isLateCancellationReport(triggerOn, today);

  const submit = (v: Values) => {
    if (!physician || !v.ground || !v.triggerOn) return;
    report.mutate({ registrationId: physician.registrationId, ground: v.ground, triggerOn: v.triggerOn, note: v.note?.trim() || undefined }, {
      onSuccess: (r) => {
        void message.success(`已报告${physician.physicianName}的注销情形（业务编号${r.businessCode}${r.late ? '，逾期报告' : ''}），等待卫生健康主管部门审批`);
        form.resetFields();
        onClose();
      },
      onError: (e) => showError(e, form),
    });
  };

  return (
    <Modal
      title={physician ? `报告注销情形：${physician.physicianName}` : '报告注销情形'}
      open={physician !== null}
      okText="报告注销情形"
      cancelText="取消"
      confirmLoading={report.isPending}
      onCancel={() => { form.resetFields(); onClose(); }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        报告送交准予注册的卫生健康主管部门受理审批；准予注销后，该医师的执业注册注销、执业证书废止并予公告，同时通知医师本人。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item name="ground" label="注销情形" rules={[{ required: true, message: '请选择注销情形' }]}>
          <Select options={GROUND_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="triggerOn" label="事件发生日期" rules={[{ required: true, message: '请填写事件发生日期' }]}
          extra={`应自知道该情形之日起${CANCELLATION_REPORT_DAYS}日内报告（《医师法》第十七条第二款）`}>
          <Input type="date" max={today} />
        </Form.Item>
        {dated && (
          late
            ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`已超过${CANCELLATION_REPORT_DAYS}日报告期限（应于 ${cancellationReportDueOn(triggerOn)} 前报告），本次报告将标注为逾期报告。`} />
            : <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`报告期限至 ${cancellationReportDueOn(triggerOn)}，本次报告未逾期。`} />
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
