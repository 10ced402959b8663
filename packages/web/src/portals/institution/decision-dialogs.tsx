/**
 * The dialogs behind 【同意】 (optional opinion, printed on the 审核表), 【不同意】 and 【退回修改】 (a reason is
 * required), 补正后重新提交, and 【打印预览】 of 《医师执业注册申请审核表》. Each decision sends the version the
 * clerk saw and one Idempotency-Key per dialog, so a double click records one decision.
 */
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useApiErrorHandler } from '../../api/use-api-error';
import { newIdempotencyKey, useDecision, type InstitutionApplication, type InstitutionDecision } from './institution-api';

const REASON_MAX = 500;

const DIALOGS: Record<InstitutionDecision, {
  title: string; ok: string; danger?: boolean; label: string; required: boolean; placeholder: string; intro: (a: InstitutionApplication) => string; initial?: string;
}> = {
  institution_approve: {
    title: '同意', ok: '确定同意', label: '机构意见', required: false, placeholder: '可填写机构意见，将打印在审核表的“医疗机构意见”栏',
    initial: '经核实，申请人所填信息属实，同意申请。',
    intro: (a) => `同意后，该申请将提交${a.authority?.name ?? '卫生健康行政部门'}进行最终审核；申请人将收到短信通知。`,
  },
  institution_return: {
    title: '退回修改', ok: '确定退回', label: '退回原因', required: true, placeholder: '请写明需要申请人修改的内容，例如：照片不符合要求，请重新上传近期免冠照片',
    intro: () => '退回后，申请人可按意见修改并重新提交，重新提交后将再次进入“待机构确认”。',
  },
  institution_refuse: {
    title: '不同意', ok: '确定不同意', danger: true, label: '不同意理由', required: true, placeholder: '请写明不同意的理由，申请人将收到该理由',
    intro: () => '不同意后，本次申请即办结，申请人不能再修改本申请。',
  },
  resubmit_correction: {
    title: '补正后重新提交', ok: '确定重新提交', label: '补正说明', required: false, placeholder: '可说明已补正的内容',
    intro: (a) => `确认申请人已按要求补正材料后，重新提交${a.authority?.name ?? '卫生健康行政部门'}审核。`,
  },
};

export function DecisionDialog({ application, action, onClose }: { application: InstitutionApplication; action: InstitutionDecision | null; onClose: () => void }) {
  const decide = useDecision(application);
  const showError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason?: string }>();
  const spec = action ? DIALOGS[action] : null;
  // One key per opening of the dialog: pressing the button twice sends the same key.
  const key = useMemo(() => (action ? newIdempotencyKey() : ''), [action]);
  useEffect(() => {
    if (action) form.setFieldsValue({ reason: DIALOGS[action].initial ?? '' });
  }, [action, form]);
  if (!spec || !action) return null;
  const submit = (values: { reason?: string }) =>
    decide.mutate({ action, reason: values.reason?.trim() || undefined, idempotencyKey: key }, {
      onSuccess: onClose,
      onError: (e) => showError(e, form),
    });
  return (
    <Modal
      title={spec.title}
      open
      okText={spec.ok}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger }}
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{spec.intro(application)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={spec.label}
          rules={spec.required ? [{ required: true, whitespace: true, message: `请填写${spec.label}` }] : []}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount placeholder={spec.placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 【打印预览】: the A4 PDF in a frame, to check once more and print (or open in a new window). */
export function PrintPreview({ application, open, onClose }: { application: InstitutionApplication; open: boolean; onClose: () => void }) {
  return (
    <Modal
      title="打印预览 ·《医师执业注册申请审核表》"
      open={open}
      width={960}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="open" href={application.formUrl} target="_blank" rel="noopener">在新窗口打开</Button>,
        <Button key="close" type="primary" onClick={onClose}>关闭</Button>,
      ]}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="请再次确认审核表上的信息。打印后由申请人连同其他纸质材料提交卫生健康行政部门（表上的业务编号条码和二维码用于核对）。"
      />
      {open && <iframe className="inst-pdf-frame" src={application.formUrl} title="医师执业注册申请审核表" />}
    </Modal>
  );
}
