/**
 * The dialogs behind the decision buttons: 【受理】, 【退回补正】 (every missing item at once, 《行政许可法》第三十二条),
 * 【准予注册】 and 【不予注册】 (written reasons, 《医师法》第十六条). Each sends the version the reviewer saw.
 */
import { Alert, Checkbox, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { CORRECTION_NOTE_MAX, PAPER_MATERIALS, REFUSAL_GROUNDS, REFUSAL_REASONS_MAX, type PaperMaterialKey } from '@medreg/domain';
import { useApiErrorHandler } from '../../api/use-api-error';
import { EMPTY } from '../../lib/format';
import { actionLabelFor } from '@medreg/domain';
import { useDecision, type AuthorityApplication } from './authority-api';

export type DialogKind = 'accept' | 'request_correction' | 'approve' | 'refuse';

interface DialogProps {
  application: AuthorityApplication;
  open: boolean;
  onClose: () => void;
}

export function AcceptDialog({ application, open, onClose }: DialogProps) {
  const decide = useDecision(application);
  const showError = useApiErrorHandler();
  const missing = application.materials.filter((m) => !m.received);
  return (
    <Modal
      title="受理"
      open={open}
      okText="确定受理"
      cancelText="取消"
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => decide.mutate({ action: 'accept' }, { onSuccess: onClose, onError: (e) => showError(e) })}
    >
      <Typography.Paragraph>
        受理后即开始计算法定审批时限，须在规定的工作日内作出准予注册或不予注册的决定（《医师法》第十三条）。
      </Typography.Paragraph>
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`尚有 ${missing.length} 项纸质材料未登记为已收到`}
          description={
            <>
              <ul className="plain-list">{missing.map((m) => <li key={m.key}>{m.label}</li>)}</ul>
              材料不齐全的，应一次性告知申请人补正（【退回补正】）；本地区不要求的材料可不登记。
            </>
          }
        />
      ) : (
        <Alert type="success" showIcon title="纸质材料已齐全" />
      )}
    </Modal>
  );
}

export function CorrectionDialog({ application, open, onClose }: DialogProps) {
  const decide = useDecision(application);
  const showError = useApiErrorHandler();
  const [form] = Form.useForm<{ items: PaperMaterialKey[]; note?: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ items: application.materials.filter((m) => !m.received).map((m) => m.key), note: '' });
  }, [open, application.materials, form]);
  const submit = (values: { items: PaperMaterialKey[]; note?: string }) =>
    decide.mutate({ action: 'request_correction', items: values.items ?? [], note: values.note?.trim() || undefined }, {
      onSuccess: onClose,
      onError: (e) => showError(e, form),
    });
  return (
    <Modal
      title="退回补正"
      open={open}
      width={640}
      okText="确定退回补正"
      cancelText="取消"
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        请一次性列出需要补正的全部内容（《行政许可法》第三十二条），申请人和医疗机构将收到同一份清单。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="items" label="需要补正的纸质材料">
          <Checkbox.Group className="vertical-checks" options={PAPER_MATERIALS.map((m) => ({ value: m.key, label: m.label }))} />
        </Form.Item>
        <Form.Item name="note" label="其他需要补正的内容" extra="如材料不符合要求的具体说明；未勾选材料时必须填写。">
          <Input.TextArea rows={3} maxLength={CORRECTION_NOTE_MAX} showCount placeholder="例如：体检表须加盖体检医院公章" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ApproveDialog({ application, open, onClose }: DialogProps) {
  const decide = useDecision(application);
  const showError = useApiErrorHandler();
  const { form } = application;
  return (
    <Modal
      title={actionLabelFor('approve', application.businessType)}
      open={open}
      okText={`确定${actionLabelFor('approve', application.businessType)}`}
      cancelText="取消"
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => decide.mutate({ action: 'approve' }, { onSuccess: onClose, onError: (e) => showError(e) })}
    >
      <Typography.Paragraph>
        {application.business
          ? '确定后按「申请变更事项」生效：执业注册、备案和执业证书随之更新（新证书可由医师下载，原证书标注为已换发），原记录及其历史保留。'
          : '确定后将生成医师执业证书编码，注册自今日起生效（执业年限自准予注册之日起计算）。'}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'name', label: '姓名', children: application.applicant.name },
          { key: 'level', label: '执业级别', children: application.levelLabel ?? EMPTY },
          { key: 'category', label: '执业类别', children: form.categoryLabel ?? EMPTY },
          { key: 'scopes', label: '执业范围', children: form.scopes.map((s) => s.label).join('、') || EMPTY },
          { key: 'location', label: '执业地点', children: form.practiceLocation?.name ?? EMPTY },
          { key: 'institution', label: '主要执业机构', children: form.institution?.name ?? EMPTY },
        ]}
      />
    </Modal>
  );
}

export function RefuseDialog({ application, open, onClose }: DialogProps) {
  const decide = useDecision(application);
  const showError = useApiErrorHandler();
  const [form] = Form.useForm<{ reasons: string }>();
  const addGround = (text: string, checked: boolean) => {
    const current = (form.getFieldValue('reasons') as string | undefined) ?? '';
    const lines = current.split('\n').filter((l) => l.trim() && l.trim() !== text);
    form.setFieldValue('reasons', (checked ? [...lines, text] : lines).join('\n'));
  };
  return (
    <Modal
      title={actionLabelFor('refuse', application.businessType)}
      open={open}
      width={680}
      okText="确定不予注册"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        不予注册应书面说明理由（《医师法》第十六条）。系统将生成《不予注册决定书》，告知申请人和其所在医疗机构，并载明申请行政复议或者提起行政诉讼的权利。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate({ action: 'refuse', reasons: v.reasons }, { onSuccess: onClose, onError: (e) => showError(e, form) })}>
        <Form.Item label="常用理由（《医师法》第十六条）">
          <div className="vertical-checks">
            {REFUSAL_GROUNDS.map((g) => (
              <Checkbox key={g.key} onChange={(e) => addGround(g.text, e.target.checked)}>{g.text}</Checkbox>
            ))}
          </div>
        </Form.Item>
        <Form.Item name="reasons" label="不予注册的理由及依据" rules={[{ required: true, whitespace: true, message: '不予注册必须说明理由' }]}>
          <Input.TextArea rows={5} maxLength={REFUSAL_REASONS_MAX} showCount placeholder="写明认定的事实、理由和法律依据；每段一行" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
