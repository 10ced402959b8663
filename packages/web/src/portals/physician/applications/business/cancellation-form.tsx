/**
 * BT-07 注销注册 — 本人主动申请 (《医师执业注册管理办法》第十八条): the registration, 申请理由 and optional 证明材料.
 * The main institution confirms; from 注册备案 (no main institution any more) it goes straight to the granting
 * authority, which decides within 20 working days. On 准予 the registration is 注销 and the certificate 已废止.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography, Upload } from 'antd';
import { CancellationForm } from '@medreg/domain';
import { useState } from 'react';
import { useApiErrorHandler } from '../../../../api/use-api-error';
import { ProblemAlert } from '../../../../components/problem-alert';
import { StepButtons } from '../wizard/step-form';
import { useUploadEvidence } from '../business-api';
import { BusinessFormStep, text } from './business-form-step';
import { BusinessReviewStep } from './business-review-step';
import { BusinessSteps } from './business-steps';
import { CurrentRegistration } from './current-registration';
import type { BusinessFormProps } from './types';

const TITLES = ['注销的注册', '填写申请', '核对提交'];

interface Evidence { fileSha256: string; label?: string }

function EvidenceField({ applicationId, value = [], onChange }: { applicationId: string; value?: Evidence[]; onChange?: (v: Evidence[]) => void }) {
  const upload = useUploadEvidence(applicationId);
  const showError = useApiErrorHandler();
  const [names, setNames] = useState<Record<string, string>>({});
  return (
    <div>
      <Upload accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf" showUploadList={false} disabled={value.length >= 5}
        customRequest={({ file }) => upload.mutate(file as File, {
          onSuccess: (a) => {
            setNames((n) => ({ ...n, [a.fileSha256]: a.filename }));
            onChange?.([...value.filter((e) => e.fileSha256 !== a.fileSha256), { fileSha256: a.fileSha256, label: a.filename.slice(0, 50) }]);
          },
          onError: (e) => showError(e),
        })}>
        <Button icon={<UploadOutlined />} loading={upload.isPending}>上传证明材料</Button>
      </Upload>
      {value.length > 0 && (
        <ul className="business-file-list">
          {value.map((e) => (
            <li key={e.fileSha256}>
              <span className="business-file-name">{names[e.fileSha256] ?? e.label ?? '证明材料'}</span>
              <Button type="link" size="small" onClick={() => onChange?.(value.filter((x) => x.fileSha256 !== e.fileSha256))}>移除</Button>
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={upload.error} style={{ marginTop: 8 }} />
    </div>
  );
}

export function CancellationBusinessForm({ app, options, step, goTo }: BusinessFormProps) {
  const [form] = Form.useForm();
  const saved = app.business!.form;
  const registration = options.registrations.find((r) => r.id === app.business!.subjectRegistrationId);
  if (!registration) return <Alert type="error" showIcon title="未找到申请所依据的执业注册" />;
  const filed = registration.status === 'filed';
  return (
    <>
      <BusinessSteps titles={TITLES} current={step} onChange={goTo} />
      <div className="application-step-body">
        {step === 0 && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="准予注销后，该执业注册即告注销，《医师执业证书》同时废止"
              description={`注销将在「注册公告」中公告（《医师法》第二十一条）。如需再次执业，须申请重新注册。${filed
                ? '该注册为「注册备案」状态，没有主要执业机构，申请提交后直接报送准予注册的卫生健康主管部门。'
                : '申请先由主要执业机构确认，再由准予注册的卫生健康主管部门审批（20个工作日内）。'}`} />
            <CurrentRegistration r={registration} title="申请注销的执业注册" />
            <StepButtons nextLabel="确认，下一步" onNext={() => goTo(1)} />
          </>
        )}
        {step === 1 && (
          <BusinessFormStep app={app} form={form} schema={CancellationForm} onPrev={() => goTo(0)} onNext={() => goTo(2)}
            initialValues={{ reason: saved.reason, evidence: Array.isArray(saved.evidence) ? saved.evidence : [] }}
            toForm={(raw) => ({ initiator: 'physician', registrationId: registration.id, reason: text(raw.reason), evidence: Array.isArray(raw.evidence) ? raw.evidence : [] })}
          >
            <Typography.Paragraph type="secondary">注销情形：本人主动申请（《医师执业注册管理办法》第十八条）。</Typography.Paragraph>
            <Form.Item name="reason" label="申请理由">
              <Input.TextArea rows={4} maxLength={500} showCount placeholder="如：退休后不再从事医疗执业活动" />
            </Form.Item>
            <Form.Item name="evidence" label="证明材料（选填，最多5份）" extra="JPEG、PNG 或 PDF，单个文件不超过 2 MB">
              <EvidenceField applicationId={app.id} />
            </Form.Item>
          </BusinessFormStep>
        )}
        {step === 2 && <BusinessReviewStep app={app} onPrev={() => goTo(1)} />}
      </div>
    </>
  );
}
